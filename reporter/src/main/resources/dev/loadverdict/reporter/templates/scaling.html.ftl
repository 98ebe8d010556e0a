<#--
  Self-contained capacity-curve report (loadverdict scaling): no external scripts, styles, fonts or images; inline
  SVG charts drawn like html.ftl's (same colours and classes). The data model is ScalingView.Html. Bound to the HTML
  output format with forced auto-escaping by Templates.java (*.html.ftl): every ${...} is escaped.
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
<#macro curve c>
<p>Knee ${c.knee}; errors begin ${c.onset}.</p>
<table>
<thead><tr><th>Load (${report.unit})</th><th>Requests</th><th>Throughput</th><th>OK req/s</th><th>p50</th><th>p95</th><th>p95 growth</th><th>p99</th><th>p99 growth</th><th>Error rate</th><th></th></tr></thead>
<tbody>
<#list c.rows as r>
<tr<#if r.mark?has_content> class="marked"</#if>><td class="n">${r.load}</td><td class="n">${r.requests}</td><td class="n">${r.throughput}</td><td class="n">${r.okThroughput}</td><td class="n">${r.p50}</td><td class="n">${r.p95}</td><td class="n">${r.p95Growth}</td><td class="n">${r.p99}</td><td class="n">${r.p99Growth}</td><td class="n">${r.errorRate}</td><td>${r.mark}</td></tr>
</#list>
</tbody>
</table>
</#macro>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>loadverdict scaling: <#if report.verdict?has_content>${report.verdict} — </#if>${report.summary}</title>
<style>
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #656d76; --line: #d0d7de; --base: #8c959f; --cur: #0969da; --crit: #cf222e; --warn: #9a6700; --good: #1a7f37; --row: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #8d96a0; --line: #30363d; --base: #6e7681; --cur: #4493f8; --crit: #f85149; --warn: #d29922; --good: #3fb950; --row: #161b22; } }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
.verdict-FAIL { color: var(--crit); } .verdict-WARN { color: var(--warn); } .verdict-PASS { color: var(--good); }
.context, .note { color: var(--muted); } .warning { border-left: 4px solid var(--warn); padding: .4rem .8rem; background: var(--row); }
table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
tr.critical td:first-child { border-left: 4px solid var(--crit); } tr.warning td:first-child { border-left: 4px solid var(--warn); }
tr.improvement td:first-child { border-left: 4px solid var(--good); }
figure { margin: .8rem 0; overflow-x: auto; } .charts { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
svg text { fill: var(--fg); font-size: 11px; } svg text.title { font-weight: 600; font-size: 12px; } svg text.muted, svg text.tick { fill: var(--muted); }
svg .axis { stroke: var(--line); } svg .bar-baseline { fill: var(--base); } svg .bar-current { fill: var(--cur); }
svg .curve-baseline { fill: none; stroke: var(--base); stroke-width: 2; stroke-dasharray: 5 3; } svg .curve-current { fill: none; stroke: var(--cur); stroke-width: 2; }
.legend span { display: inline-block; margin-right: 1rem; } .legend i { display: inline-block; width: 1.2em; height: .6em; margin-right: .3em; vertical-align: middle; }
th { background: var(--row); } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.marked td { background: var(--row); } tr.regression td:first-child { border-left: 4px solid var(--crit); } tr.ok td:first-child { border-left: 4px solid var(--good); }
svg .curve-p99 { fill: none; stroke: var(--warn); stroke-width: 2; } svg .curve-all { fill: none; stroke: var(--cur); stroke-width: 1; stroke-dasharray: 2 2; opacity: .6; } svg .dot { fill: var(--cur); }
svg .mark-current { fill: var(--crit); opacity: .6; } svg .mark-baseline { fill: var(--base); opacity: .6; } svg text.mark { fill: var(--crit); }
details summary { cursor: pointer; color: var(--muted); }
@media print { body { margin: 0; max-width: none; } details { display: block; } details > * { display: block; } figure { break-inside: avoid; } }
</style>
</head>
<body>
<h1 class="verdict-${report.verdict}">loadverdict scaling: <#if report.verdict?has_content>${report.verdict} — </#if>${report.summary}</h1>
<p class="context"><strong>Levels (${report.unit}):</strong> <#list report.levels as l>${l.load} (${l.source})<#sep>, </#list><#if report.hasBaseline>
· <strong>Baseline:</strong> <#list report.baselineLevels as l>${l.load} (${l.source})<#sep>, </#list></#if></p>
<p class="legend"><#if report.hasBaseline><span><i style="background: var(--base)"></i>baseline</span></#if><span><i style="background: var(--cur)"></i><#if report.hasBaseline>current<#else>throughput, p95, error rate</#if></span><span><i style="background: var(--warn)"></i>p99</span><span>dotted: all requests per second, failed ones included</span><span><i style="background: var(--crit)"></i>knee, errors begin</span></p>
<#list report.totals as c>
<h2>${c.service}</h2>
<#list charts as ch><#if ch.service == c.service>
<div class="charts"><@svg ch.throughput/><@svg ch.latency/><@svg ch.errors/></div>
</#if></#list>
<@curve c/>
</#list>
<#if report.hasBaseline>
<h2>Against the baseline</h2>
<#list report.changes as c>
<h3>${c.service} · ${c.endpoint}: ${c.outcome}</h3>
<p>Knee ${c.knee}; errors begin ${c.onset}.</p>
<#if c.reasons?has_content><ul><#list c.reasons as r><li>${r}</li></#list></ul></#if>
<#if c.levels?has_content>
<table>
<thead><tr><th>Load (${report.unit})</th><th>Baseline ok req/s</th><th>Current ok req/s</th><th>Change</th><th>Baseline p95</th><th>Current p95</th><th>Change</th><th></th></tr></thead>
<tbody>
<#list c.levels as l>
<tr<#if l.mark?has_content> class="marked"</#if>><td class="n">${l.load}</td><td class="n">${l.baselineThroughput}</td><td class="n">${l.currentThroughput}</td><td class="n">${l.throughputChange}</td><td class="n">${l.baselineP95}</td><td class="n">${l.currentP95}</td><td class="n">${l.p95Change}</td><td>${l.mark}</td></tr>
</#list>
</tbody>
</table>
</#if>
</#list>
</#if>
<#if report.endpoints?has_content>
<h2>Endpoints</h2>
<#list report.endpoints as c>
<details><summary>${c.service} · ${c.endpoint}: knee ${c.knee}; errors begin ${c.onset}</summary>
<@curve c/>
</details>
</#list>
</#if>
<#list report.definitions as d>
<p class="note">${d}</p>
</#list>
</body>
</html>
