<#--
  The style sheet of the HTML report (html.ftl) and the trend page (trend.html.ftl), included inside their <style>
  element: light and dark mode, tables, charts, print. Output format HTML, bound in Templates.java.
-->
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #656d76; --line: #d0d7de; --base: #8c959f; --cur: #0969da; --crit: #cf222e; --warn: #9a6700; --good: #1a7f37; --row: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #8d96a0; --line: #30363d; --base: #6e7681; --cur: #4493f8; --crit: #f85149; --warn: #d29922; --good: #3fb950; --row: #161b22; } }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
.verdict-FAIL { color: var(--crit); } .verdict-WARN { color: var(--warn); } .verdict-PASS { color: var(--good); }
.context, .note { color: var(--muted); } .warning { border-left: 4px solid var(--warn); padding: .4rem .8rem; background: var(--row); }
table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--row); cursor: pointer; } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.why { color: var(--muted); font-size: 12px; } td.why ul { margin: 4px 0 0 16px; padding: 0; }
tr.critical td:first-child { border-left: 4px solid var(--crit); } tr.warning td:first-child { border-left: 4px solid var(--warn); }
tr.improvement td:first-child { border-left: 4px solid var(--good); }
figure { margin: .8rem 0; overflow-x: auto; } .charts { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
svg text { fill: var(--fg); font-size: 11px; } svg text.title { font-weight: 600; font-size: 12px; } svg text.muted, svg text.tick { fill: var(--muted); }
svg .axis { stroke: var(--line); } svg .bar-baseline { fill: var(--base); } svg .bar-current { fill: var(--cur); }
svg .curve-baseline { fill: none; stroke: var(--base); stroke-width: 2; stroke-dasharray: 5 3; } svg .curve-current { fill: none; stroke: var(--cur); stroke-width: 2; }
.legend span { display: inline-block; margin-right: 1rem; } .legend i { display: inline-block; width: 1.2em; height: .6em; margin-right: .3em; vertical-align: middle; }
details summary { cursor: pointer; color: var(--muted); }
@media print { body { margin: 0; max-width: none; } th { cursor: default; } details { display: block; } details > * { display: block; } figure { break-inside: avoid; } }
