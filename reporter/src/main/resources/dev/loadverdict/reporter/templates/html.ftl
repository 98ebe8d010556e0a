<#--
  Self-contained HTML report: no external scripts, styles, fonts or images; inline SVG charts. The data model is
  View.Html. Output format HTML with forced auto-escaping is bound in Templates.java: every ${...} is escaped.
  The small script only makes tables sortable; the report reads the same without it.
-->
<#macro svg chart>
<figure>
<svg xmlns="http://www.w3.org/2000/svg" width="${chart.width}" height="${chart.height}" viewBox="${chart.viewBox}" role="img" aria-label="${chart.title}">
<title>${chart.title}</title>
<#list chart.shapes as s>
<#if s.kind == "rect"><rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" class="${s.cssClass}"><title>${s.tooltip}</title></rect>
<#elseif s.kind == "line"><line x1="${s.x}" y1="${s.y}" x2="${s.w}" y2="${s.h}" class="${s.cssClass}"/>
<#elseif s.kind == "polyline"><polyline points="${s.points}" class="${s.cssClass}"><title>${s.tooltip}</title></polyline>
<#else><text x="${s.x}" y="${s.y}" text-anchor="${s.anchor}" class="${s.cssClass}">${s.text}</text>
</#if>
</#list>
</svg>
</figure>
</#macro>
<#macro rows list>
<#list list as r>
<tr class="${r.outcome?replace(' ', '-')?replace(',', '')}"><td>${r.endpoint}</td><td>${r.metric}</td><td class="n">${r.baseline}</td><td class="n">${r.current}</td><td class="n">${r.change}</td><td>${r.critical}</td><td>${r.warning}</td><td>${r.outcome}</td><td class="why"><details><summary>${r.why}</summary><ul><#list r.explanation as c><li>${c}</li></#list></ul></details></td></tr>
</#list>
</#macro>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>loadverdict: ${report.verdict} — ${report.summary}</title>
<style>
<#include "style.css.ftl">
</style>
</head>
<body>
<h1 class="verdict-${report.verdict}">loadverdict: ${report.verdict} — ${report.summary}</h1>
<p class="context"><strong>Current:</strong> ${report.context.tool}<#if report.context.toolVersion?has_content> ${report.context.toolVersion}</#if><#if report.context.stage?has_content>, stage ${report.context.stage}</#if><#if report.context.sources?has_content> (<#list report.context.sources as source>${source}<#sep>, </#list><#if report.context.moreSources?has_content> and ${report.context.moreSources}</#if>)</#if>
· <strong>Baseline:</strong> <#if report.context.hasBaseline>${report.context.baselineLocation}, version ${report.context.baselineVersion}, created ${report.context.baselineCreated}<#if report.context.gitSha?has_content>, commit ${report.context.gitSha}</#if><#if report.context.gitRef?has_content> (${report.context.gitRef})</#if><#if report.context.baselineSelection?has_content>, chosen as ${report.context.baselineSelection}</#if><#else>none, only absolute limits were checked</#if>
· <strong>Thresholds:</strong> <#if report.context.configSource?has_content>${report.context.configSource}<#else>built-in defaults</#if><#if report.context.matching?has_content>
· <strong>Matching:</strong> ${report.context.matching}</#if></p>
<#list report.context.warnings as warning>
<p class="warning"><strong>Warning:</strong> ${warning}.</p>
</#list>
<#list report.context.notes as note>
<p class="note">${note}</p>
</#list>
<#if report.context.changePoints?has_content>
<details class="change-points"><summary>${report.context.changePointsHeading}</summary>
<ul><#list report.context.changePoints as line><li>${line}</li></#list></ul>
</details>
</#if>
<#if note?has_content><p class="note">${note}</p></#if>
<p class="legend"><span><i style="background: var(--base)"></i>baseline</span><span><i style="background: var(--cur)"></i>current</span></p>
<#if report.regressions?has_content>
<h2><#if report.context.hasBaseline>Worst regressions<#else>Limit breaches</#if></h2>
<table class="sortable">
<thead><tr><th>Severity</th><th>Service</th><th>Endpoint</th><th>Metric</th><th>Baseline</th><th>Current</th><th>Change</th><th>Threshold</th><th>Why</th></tr></thead>
<tbody>
<#list report.regressions as r>
<tr class="${r.outcome}"><td>${r.outcome}</td><td>${r.service}</td><td>${r.endpoint}</td><td>${r.metric}</td><td class="n">${r.baseline}</td><td class="n">${r.current}</td><td class="n">${r.change}</td><td>${r.threshold}</td><td class="why"><details><summary>${r.why}</summary><ul><#list r.explanation as c><li>${c}</li></#list></ul></details></td></tr>
</#list>
</tbody>
</table>
</#if>
<#list report.services as service>
<h2>${service.name}</h2>
<#list charts as c><#if c.name == service.name>
<div class="charts"><@svg c.latency/><@svg c.errors/></div>
<#if c.curves?has_content>
<h3>Latency by percentile</h3>
<div class="charts"><#list c.curves as curve><@svg curve/></#list></div>
</#if>
<#list c.timeline as t><@svg t/></#list>
<#if (c.timelineNote!"")?has_content>
<p class="note">${c.timelineNote}</p>
</#if>
</#if></#list>
<#if service.attention?has_content || service.improvements?has_content>
<table class="sortable">
<thead><tr><th>Endpoint</th><th>Metric</th><th>Baseline</th><th>Current</th><th>Change</th><th>Critical</th><th>Warning</th><th>Outcome</th><th>Why</th></tr></thead>
<tbody><@rows service.attention + service.improvements/></tbody>
</table>
<#else>
<p>Nothing changed beyond the thresholds.</p>
</#if>
<#if service.unchanged?has_content>
<details><summary>${service.unchangedCount}</summary>
<table class="sortable">
<thead><tr><th>Endpoint</th><th>Metric</th><th>Baseline</th><th>Current</th><th>Change</th><th>Critical</th><th>Warning</th><th>Outcome</th><th>Why</th></tr></thead>
<tbody><@rows service.unchanged/></tbody>
</table>
</details>
</#if>
</#list>
<#if report.newEndpoints?has_content || report.missingEndpoints?has_content>
<h2>New and missing endpoints</h2>
<p class="note">Reported only; they never fail the check.</p>
<table class="sortable">
<thead><tr><th>Endpoint</th><th>Service</th><th>Change</th><th>Requests</th></tr></thead>
<tbody>
<#list report.newEndpoints as e><tr><td>${e.endpoint}</td><td>${e.service}</td><td>new</td><td class="n">${e.requests}</td></tr></#list>
<#list report.missingEndpoints as e><tr><td>${e.endpoint}</td><td>${e.service}</td><td>missing</td><td class="n">${e.requests}</td></tr></#list>
</tbody>
</table>
</#if>
<script>
document.querySelectorAll("table.sortable th").forEach(function (th) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0], index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var asc = th.dataset.order !== "asc"; th.dataset.order = asc ? "asc" : "desc";
    var key = function (row) { var t = row.children[index].textContent.trim(); var n = parseFloat(t.replace(/[^0-9.+-]/g, "")); return isNaN(n) ? t.toLowerCase() : n; };
    Array.prototype.slice.call(body.rows).sort(function (a, b) { var x = key(a), y = key(b); return (x > y ? 1 : x < y ? -1 : 0) * (asc ? 1 : -1); })
      .forEach(function (row) { body.appendChild(row); });
  });
});
</script>
</body>
</html>
