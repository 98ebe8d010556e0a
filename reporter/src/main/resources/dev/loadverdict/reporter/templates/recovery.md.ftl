<#--
  The comment the issue bot adds before closing a service's issue when the service passes again. The data model is
  View.Issue, narrowed to the service. Markdown output format with forced auto-escaping, bound in Templates.java.
-->
loadverdict: ${scope} passes again<#if runUrl?has_content> in ${runUrl}</#if>: all ${checks} within their thresholds with enough requests, <#if report.context.hasBaseline>against ${report.context.baselineLocation}<#else>by absolute limits alone</#if>. Closing.
