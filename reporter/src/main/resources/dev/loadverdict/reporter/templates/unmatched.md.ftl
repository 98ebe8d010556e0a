<#--
  What a job summary shows instead of a report when a comparison matched (almost) nothing and so gives no verdict. The
  data model is View.Unmatched. Markdown output format with forced auto-escaping, bound in Templates.java.
-->
## loadverdict: no verdict — the run and the baseline ${baseline} have (almost) nothing in common

${identities}.

**Hint:** ${suggestion}.

No verdict and no report files: a comparison of (almost) nothing would pass on new and missing endpoints alone, so `compare` exits 3 (bad input). See the README, "What matched".
