<#--
  The body of a regression issue for one service (the issue bot creates and updates it). The data model is
  View.Issue. Between the two markers is the part loadverdict rewrites on every run; people may edit the rest.
  Markdown output format with forced auto-escaping, bound in Templates.java.
-->
${markerStart}
## ${report.verdict}: performance regression in ${scope}<#if suite?has_content> (suite ${suite})</#if>

<#if report.context.hasBaseline>${report.summary} against ${report.context.baselineLocation}, version ${report.context.baselineVersion}<#if report.context.gitSha?has_content>, commit ${report.context.gitSha}</#if><#if report.context.baselineSelection?has_content>, chosen as ${report.context.baselineSelection}</#if>.<#else>${report.summary}: absolute limits, with no baseline to compare with.</#if><#if runUrl?has_content> Run: ${runUrl}</#if>

| Severity | Endpoint | Metric | Baseline | Current | Change | Threshold | Why |
|:--|:--|:--|--:|--:|--:|:--|:--|
<#list report.regressions as r>
| ${r.label} | ${r.endpoint} | ${r.metric} | ${r.baseline} | ${r.current} | ${r.change} | ${r.threshold} | ${r.why} |
</#list>

<details><summary>Why, in full</summary>

<#list report.regressions as r>
**${r.endpoint} · ${r.metric}** (${r.outcome})

<#list r.explanation as c>
- ${c}
</#list>

</#list>
</details>
<#list report.context.warnings as warning>

> [!WARNING]
> ${warning}.
</#list>
<#if reproduce?has_content>

**Reproduce locally:**

```sh
${reproduce}
```
</#if>
${markerEnd}
