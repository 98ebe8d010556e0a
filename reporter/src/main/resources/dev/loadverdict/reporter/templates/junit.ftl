<#--
  JUnit XML report (the Ant/Surefire dialect every CI reads). The data model is View.Junit.
  Output format XML with forced auto-escaping is bound in Templates.java: every ${...} is escaped.
-->
<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="loadverdict" tests="${tests}" failures="${failures}" skipped="${skipped}">
<#list suites as suite>
  <testsuite name="${suite.name}" tests="${suite.tests}" failures="${suite.failures}" skipped="${suite.skipped}" errors="0">
  <#list suite.cases as c>
    <testcase classname="${c.classname}" name="${c.name}"<#if !c.failed && !c.skipped>/><#else>>
      <#if c.failed>
      <failure type="${c.type}" message="${c.message}">${c.details}</failure>
      <#else>
      <skipped message="${c.message}"/>
      </#if>
    </testcase>
    </#if>
  </#list>
  </testsuite>
</#list>
</testsuites>
