<#--
  An example of a custom Markdown template for loadverdict (loadverdict compare --template-dir examples/templates):
  a one-line verdict and only the regressions, for a chat notification. The data model is in docs/templates.md.
  Untrusted text is escaped for Markdown whatever this template does: ?no_esc is refused.
-->
**loadverdict ${verdict}** — ${summary} (<#if context.hasBaseline>baseline ${context.baselineLocation} v${context.baselineVersion}<#else>no baseline: limits only</#if>)
<#list regressions as r>
- ${r.label} ${r.service} · ${r.endpoint} · ${r.metric}: ${r.baseline} → ${r.current} (${r.change})
</#list>
