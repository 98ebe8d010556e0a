<#--
  Capacity-curve report in GitHub-flavoured Markdown (loadverdict scaling). The data model is ScalingView.Report.
  Bound to the Markdown output format with forced auto-escaping by Templates.java (*.md.ftl): every ${string} goes
  through MarkdownEscaper; only Trusted values (loadverdict's own numbers and words) print as they are.
-->
<#macro curve c>
### ${c.service} · ${c.endpoint}

Knee ${c.knee}; errors begin ${c.onset}.

| Load (${unit}) | Requests | Throughput | OK req/s | p50 | p95 | p95 growth | p99 | p99 growth | Error rate | |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|
<#list c.rows as r>
| ${r.load} | ${r.requests} | ${r.throughput} | ${r.okThroughput} | ${r.p50} | ${r.p95} | ${r.p95Growth} | ${r.p99} | ${r.p99Growth} | ${r.errorRate} | ${r.mark} |
</#list>

</#macro>
## loadverdict scaling: <#if verdict?has_content>${verdict} — </#if>${summary}

**Levels (${unit}):** <#list levels as l>${l.load} (${l.source})<#sep>, </#list>
<#if hasBaseline>

**Baseline:** <#list baselineLevels as l>${l.load} (${l.source})<#sep>, </#list>
</#if>

<#list totals as c><@curve c/></#list>
<#if hasBaseline>
## Against the baseline

<#list changes as c>
### ${c.service} · ${c.endpoint}: ${c.outcome}

Knee ${c.knee}; errors begin ${c.onset}.

<#list c.reasons as r>
- ${r}
</#list>
<#if c.levels?has_content>

| Load (${unit}) | Baseline ok req/s | Current ok req/s | Change | Baseline p95 | Current p95 | Change | |
|---:|---:|---:|---:|---:|---:|---:|---|
<#list c.levels as l>
| ${l.load} | ${l.baselineThroughput} | ${l.currentThroughput} | ${l.throughputChange} | ${l.baselineP95} | ${l.currentP95} | ${l.p95Change} | ${l.mark} |
</#list>
</#if>

</#list>
</#if>
<#if endpoints?has_content>
<details><summary>Endpoints</summary>

<#list endpoints as c><@curve c/></#list>
</details>

</#if>
<#list definitions as d>
<sub>${d}</sub>
</#list>
