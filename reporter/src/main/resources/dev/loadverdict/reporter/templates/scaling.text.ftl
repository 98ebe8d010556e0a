<#--
  Capacity-curve report for a terminal (loadverdict scaling). The data model is ScalingView.Report.
  Output format and forced auto-escaping are bound in Templates.java: every ${string} loses control characters
  and ANSI escape sequences. Numbers are short, so the columns have fixed widths.
-->
<#macro curve c>

${c.service} ${c.endpoint}: knee ${c.knee}; errors begin ${c.onset}
  ${"load"?left_pad(9)}  ${"requests"?left_pad(9)}  ${"throughput"?left_pad(12)}  ${"ok req/s"?left_pad(12)}  ${"p50"?left_pad(8)}  ${"p95"?left_pad(8)}  ${"growth"?left_pad(6)}  ${"p99"?left_pad(8)}  ${"growth"?left_pad(6)}  ${"errors"?left_pad(7)}
  <#list c.rows as r>
  ${r.load?left_pad(9)}  ${r.requests?left_pad(9)}  ${r.throughput?left_pad(12)}  ${r.okThroughput?left_pad(12)}  ${r.p50?left_pad(8)}  ${r.p95?left_pad(8)}  ${r.p95Growth?left_pad(6)}  ${r.p99?left_pad(8)}  ${r.p99Growth?left_pad(6)}  ${r.errorRate?left_pad(7)}<#if r.mark?has_content>  <- ${r.mark}</#if>
  </#list>
</#macro>
<#macro change c>

${c.service} ${c.endpoint}: ${c.outcome}
  knee ${c.knee}; errors begin ${c.onset}
  <#list c.reasons as r>
  - ${r}
  </#list>
  <#if c.levels?has_content>
  ${"load"?left_pad(9)}  ${"base ok req/s"?left_pad(13)}  ${"cur ok req/s"?left_pad(12)}  ${"change"?left_pad(8)}  ${"base p95"?left_pad(8)}  ${"cur p95"?left_pad(8)}  ${"change"?left_pad(8)}
  <#list c.levels as l>
  ${l.load?left_pad(9)}  ${l.baselineThroughput?left_pad(13)}  ${l.currentThroughput?left_pad(12)}  ${l.throughputChange?left_pad(8)}  ${l.baselineP95?left_pad(8)}  ${l.currentP95?left_pad(8)}  ${l.p95Change?left_pad(8)}<#if l.mark?has_content>  <- ${l.mark}</#if>
  </#list>
  </#if>
</#macro>
loadverdict scaling: <#if verdict?has_content>${verdict} — </#if>${summary}
Levels (${unit}): <#list levels as l>${l.load} (${l.source})<#sep>, </#list>
<#if hasBaseline>
Baseline:  <#list baselineLevels as l>${l.load} (${l.source})<#sep>, </#list>
</#if>
<#list totals as c><@curve c/></#list>
<#if hasBaseline>

Against the baseline
<#list changes as c><@change c/></#list>
</#if>
<#if endpoints?has_content>

Endpoints
<#list endpoints as c><@curve c/></#list>
</#if>

<#list definitions as d>
Note: ${d}
</#list>
