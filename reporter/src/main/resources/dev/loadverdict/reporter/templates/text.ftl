<#--
  Plain-text report for a terminal. The data model is View.Report.
  Output format and forced auto-escaping are bound in Templates.java: every ${string} loses control
  characters and ANSI escape sequences. Column widths come from View.Columns, which also counts the
  headers printed here.
-->
<#macro cells r c last=false>${r.endpoint?right_pad(c.endpoint)}  ${r.metric?right_pad(c.metric)}  <#rt>
${r.baseline?left_pad(c.baseline)}  ${r.current?left_pad(c.current)}  <#rt>
<#if last>${r.change}<#else>${r.change?right_pad(c.change)}</#if></#macro>
<#macro endpoints title list>

${title} (reported, never failed)
  <#list list as e>
  ${e.service?right_pad(changeColumns.service)}  ${e.endpoint?right_pad(changeColumns.endpoint)}  ${e.requestCount}
  </#list>
</#macro>
loadverdict: ${verdict} — ${summary}
Current:    ${context.tool}<#rt>
<#if context.toolVersion?has_content> ${context.toolVersion}</#if><#rt>
<#if context.stage?has_content>, stage ${context.stage}</#if><#rt>
<#if context.sources?has_content> (<#list context.sources as source>${source}<#sep>, </#list><#rt>
<#if context.moreSources?has_content> and ${context.moreSources}</#if>)</#if>
<#if context.hasBaseline>
Baseline:   ${context.baselineLocation}, version ${context.baselineVersion}, created ${context.baselineCreated}<#rt>
<#if context.gitSha?has_content>, commit ${context.gitSha}</#if><#rt>
<#if context.gitRef?has_content> (${context.gitRef})</#if>
<#if context.baselineSelection?has_content>
            chosen as ${context.baselineSelection}
</#if>
<#else>
Baseline:   none: only absolute limits were checked
</#if>
Thresholds: <#if context.configSource?has_content>${context.configSource}<#else>built-in defaults</#if>
<#if context.matching?has_content>
Matching:   ${context.matching}
</#if>
<#list context.warnings as warning>
WARNING: ${warning?uncap_first}.
</#list>
<#list context.notes as note>
Note: ${note}
</#list>
<#if context.changePoints?has_content>

${context.changePointsHeading}
  <#list context.changePoints as line>
  - ${line}
  </#list>
</#if>
<#if regressions?has_content>

<#if context.hasBaseline>Regressions<#else>Limit breaches</#if>
  <#list regressions as r>
  ${r.outcome?upper_case?right_pad(8)}  ${r.service?right_pad(columns.service)}  <@cells r columns/>  ${r.threshold}
  </#list>

Why
  <#list regressions as r>
  ${r.outcome?upper_case} ${r.service} ${r.endpoint} ${r.metric}
    <#list r.explanation as c>
    - ${c}
    </#list>
  </#list>
</#if>
<#list services as service>
  <#assign w = service.columns>

${service.name}
  <#if service.attention?has_content>
  ${"Endpoint"?right_pad(w.endpoint)}  ${"Metric"?right_pad(w.metric)}  <#rt>
${"Baseline"?left_pad(w.baseline)}  ${"Current"?left_pad(w.current)}  ${"Change"?right_pad(w.change)}  Outcome
    <#list service.attention as r>
  <@cells r w/>  ${r.outcome}
    </#list>
  </#if>
  <#if service.improvements?has_content>
  ${service.improvementCount} (listed below)
  </#if>
  <#if service.unchanged?has_content>
  ${service.unchangedCount}
  </#if>
</#list>
<#if improvements?has_content>

Improvements
  <#list improvements as r>
  ${r.service?right_pad(columns.service)}  <@cells r columns true/>
  </#list>
</#if>
<#if newEndpoints?has_content>
<@endpoints "New endpoints" newEndpoints/>
</#if>
<#if missingEndpoints?has_content>
<@endpoints "Missing endpoints" missingEndpoints/>
</#if>
