<#--
  GitHub-flavoured Markdown report. The data model is View.Report.
  Output format and forced auto-escaping are bound in Templates.java: every ${string} goes through
  MarkdownEscaper; only Trusted values (loadverdict's own numbers and words) print as they are.
  Never put an interpolation inside `code`: backslash escapes do not work there.
-->
<#macro fullReasons list>
<details><summary>Why, in full</summary>

<#list list as r>
**${r.service} · ${r.endpoint} · ${r.metric}** (${r.outcome})

<#list r.explanation as c>
- ${c}
</#list>

</#list>
</details>
</#macro>
<#macro cells r>| ${r.endpoint} | ${r.metric} | ${r.baseline} | ${r.current} | ${r.change} | ${r.critical} | ${r.warning}</#macro>
## loadverdict: ${verdict} — ${summary}

**Current:** ${context.tool}<#rt>
<#if context.toolVersion?has_content> ${context.toolVersion}</#if><#rt>
<#if context.stage?has_content>, stage ${context.stage}</#if><#rt>
<#if context.sources?has_content> (<#list context.sources as source>${source}<#sep>, </#list><#rt>
<#if context.moreSources?has_content> and ${context.moreSources}</#if>)</#if><#rt>
<#if context.hasBaseline>
 · **Baseline:** ${context.baselineLocation}, version ${context.baselineVersion}, <#rt>
created ${context.baselineCreated}<#rt>
<#if context.gitSha?has_content>, commit ${context.gitSha}</#if><#rt>
<#if context.gitRef?has_content> (${context.gitRef})</#if><#rt>
<#if context.baselineSelection?has_content>, chosen as ${context.baselineSelection}</#if><#rt>
<#else>
 · **Baseline:** none, only absolute limits were checked<#rt>
</#if>
 · **Thresholds:** <#if context.configSource?has_content>${context.configSource}<#else>built-in defaults</#if><#rt>
<#if context.matching?has_content>
 · **Matching:** ${context.matching}
<#else>

</#if>
<#list context.warnings as warning>

> [!WARNING]
> ${warning}.
</#list>
<#list context.notes as note>

> ${note}
</#list>
<#if context.changePoints?has_content>

<details><summary>${context.changePointsHeading}</summary>

  <#list context.changePoints as line>
- ${line}
  </#list>

</details>
</#if>
<#if regressions?has_content>

### <#if context.hasBaseline>Worst regressions<#else>Limit breaches</#if>

| Severity | Service | Endpoint | Metric | Baseline | Current | Change | Threshold | Why |
|:--|:--|:--|:--|--:|--:|--:|:--|:--|
  <#list regressions as r>
| ${r.label} | ${r.service} | ${r.endpoint} | ${r.metric} | ${r.baseline} | ${r.current} | ${r.change} | ${r.threshold} | ${r.why} |
  </#list>

<@fullReasons regressions/>
</#if>
<#list services as service>

### ${service.name}

  <#if service.attention?has_content || service.improvements?has_content>
| Endpoint | Metric | Baseline | Current | Change | Critical | Warning | Outcome |
|:--|:--|--:|--:|--:|:--|:--|:--|
    <#list service.attention + service.improvements as r>
<@cells r/> | ${r.label} |
    </#list>
  <#else>
Nothing changed beyond the thresholds.
  </#if>
  <#if service.unchanged?has_content>

<details><summary>${service.unchangedCount}</summary>

| Endpoint | Metric | Baseline | Current | Change | Critical | Warning |
|:--|:--|--:|--:|--:|:--|:--|
    <#list service.unchanged as r>
<@cells r/> |
    </#list>

</details>
  </#if>
</#list>
<#if newEndpoints?has_content || missingEndpoints?has_content>

### New and missing endpoints

Reported only; they never fail the check.

| Endpoint | Service | Change | Requests |
|:--|:--|:--|--:|
  <#list newEndpoints as e>
| ${e.endpoint} | ${e.service} | new | ${e.requests} |
  </#list>
  <#list missingEndpoints as e>
| ${e.endpoint} | ${e.service} | missing | ${e.requests} |
  </#list>
</#if>
