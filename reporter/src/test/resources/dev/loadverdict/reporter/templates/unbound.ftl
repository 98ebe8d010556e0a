<#-- only for TemplatesTest: a template Templates does not bind to an output format -->
${x}
