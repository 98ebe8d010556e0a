<#--
  The sticky pull-request comment (one per pull request, updated in place). The data model is View.Issue with the
  whole run's report. Markdown output format with forced auto-escaping, bound in Templates.java.
-->
${markerStart}
### loadverdict: ${report.verdict} — ${report.summary}

<#if report.context.hasBaseline>Against ${report.context.baselineLocation}, version ${report.context.baselineVersion}<#if report.context.gitSha?has_content> (commit ${report.context.gitSha})</#if><#if report.context.baselineSelection?has_content>, chosen as ${report.context.baselineSelection}</#if>.<#else>No baseline yet: only absolute limits were checked.</#if><#if runUrl?has_content> Run: ${runUrl}</#if>
<#if report.regressions?has_content>

| Severity | Service | Endpoint | Metric | Baseline | Current | Change |
|:--|:--|:--|:--|--:|--:|--:|
<#list report.regressions as r>
| ${r.label} | ${r.service} | ${r.endpoint} | ${r.metric} | ${r.baseline} | ${r.current} | ${r.change} |
</#list>

<details><summary>Why</summary>

<#list report.regressions as r>
**${r.service} · ${r.endpoint} · ${r.metric}** (${r.outcome})

<#list r.explanation as c>
- ${c}
</#list>

</#list>
</details>
</#if>
<#list report.context.warnings as warning>

> [!WARNING]
> ${warning}.
</#list>
<#list report.context.notes as note>

> ${note}
</#list>
${markerEnd}
