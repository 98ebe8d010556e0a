<#--
  The comment the issue bot adds to a service's open issue when its regression is found again: a line naming the run,
  then the issue body itself (with recurrence markers). The data model is View.Issue. Markdown output format with
  forced auto-escaping, bound in Templates.java.
-->
loadverdict found this regression again<#if runUrl?has_content> in ${runUrl}</#if>.

<#include "issue.md.ftl">
