<#--
  A suite's trend page: one self-contained file (no requests anywhere), in the HTML report's style. The data model is
  View.Trend; output format HTML with forced auto-escaping is bound in Templates.java, so every ${...} is escaped.
  The summary table is plain HTML and reads without the script. The charts are drawn by the script from the JSON in
  #trend-data (escaped for a script element by ScriptJson) when a row is opened and scrolled into view; the script
  puts text into the page only through textContent and attributes, never as markup.
-->
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>loadverdict: trend of ${suite}</title>
<style>
<#include "style.css.ftl">
body { max-width: 1240px; }
.tools { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin: 1rem 0 .5rem; }
.tools input[type=search] { font: inherit; padding: .25rem .5rem; min-width: 18rem; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); color: var(--fg); }
.tools button { font: inherit; padding: .2rem .6rem; border: 1px solid var(--line); border-radius: 4px; background: var(--row); color: var(--fg); cursor: pointer; }
table.trend td { vertical-align: middle; } table.trend tr.main { cursor: pointer; } table.trend tr.main:hover td { background: var(--row); }
table.trend tr.main td:first-child::before { content: "▸ "; color: var(--muted); } table.trend tr.main.open td:first-child::before { content: "▾ "; }
tr.pending td:first-child { border-left: 4px solid var(--warn); } tr.current td:first-child, tr.older td:first-child { border-left: 4px solid var(--cur); }
td.worse { color: var(--crit); } td.better { color: var(--good); }
.badge { display: inline-block; font-size: 11px; padding: 0 .4em; border-radius: 8px; border: 1px solid var(--warn); color: var(--warn); margin-left: .3em; }
svg.spark { width: 100px; height: 20px; display: block; } svg.spark polyline { fill: none; stroke: var(--cur); stroke-width: 1.2; }
tr.detail > td { background: var(--bg); padding: .5rem; }
.charts figure { position: relative; margin: .2rem 0; }
svg .band { fill: var(--cur); opacity: .13; } svg .series { fill: none; stroke: var(--cur); stroke-width: 1.5; }
svg .level { fill: none; stroke: var(--fg); stroke-width: 1; stroke-dasharray: 4 3; opacity: .7; }
svg .cp { stroke: var(--crit); stroke-width: 1.5; } svg .cp.pending { stroke: var(--warn); stroke-dasharray: 3 2; }
svg .ack { stroke: var(--good); stroke-width: 1.5; stroke-dasharray: 1 2; } svg .hover { fill: var(--fg); } svg .overlay { fill: transparent; }
svg text.cp-label { fill: var(--crit); } svg text.cp-label.pending { fill: var(--warn); }
.tip { position: absolute; pointer-events: none; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 4px; padding: .15rem .4rem; font-size: 12px; white-space: nowrap; display: none; }
.key span { display: inline-block; margin-right: 1rem; } .key i { display: inline-block; width: 1.4em; height: .7em; margin-right: .3em; vertical-align: middle; }
@media print { .tools { display: none; } }
</style>
</head>
<body>
<h1>loadverdict: trend of ${suite}</h1>
<p class="context">${runs} · ${counts}</p>
<p class="note">${band}</p>
<#list notes as note>
<p class="note">${note}.</p>
</#list>
<#if acknowledgements?has_content>
<p class="context"><strong>Acknowledged steps:</strong> <#list acknowledgements as a>${a.at}: ${a.note} (${a.acknowledged})<#sep>; </#list></p>
</#if>
<p class="legend key"><span><i style="background: var(--cur)"></i>value per run</span><span><i style="background: var(--cur); opacity: .25"></i>noise band</span><span><i style="background: var(--crit)"></i>change point</span><span><i style="background: var(--warn)"></i>pending change point</span><span><i style="background: var(--good)"></i>acknowledged step</span><span><i style="border-top: 2px dashed var(--fg); height: 0"></i>median between change points</span></p>
<div class="tools">
<input type="search" id="filter" placeholder="Filter by service or endpoint" aria-label="Filter by service or endpoint">
<label><input type="checkbox" id="changed"> only with change points</label>
<button type="button" id="expand">Open all shown</button>
<button type="button" id="collapse">Close all</button>
<span class="note" id="shown"></span>
</div>
<table class="trend" id="rows">
<thead><tr><th>Service</th><th>Endpoint</th><th>p95 (newest)</th><th>vs. median</th><th>Change points</th><th>Newest step</th><th>p95 over the runs</th></tr></thead>
<tbody>
<#list rows as r>
<tr class="main ${r.group}" data-i="${r.index}"<#if r.open> data-open="1"</#if>><td>${r.service}</td><td>${r.endpoint}</td><td class="n">${r.latest}</td><td class="n<#if r.direction?has_content> ${r.direction}</#if>">${r.change}</td><td class="n">${r.changePoints}<#if r.pending><span class="badge">pending</span></#if></td><td>${r.lastStep}</td><td><#if r.spark?has_content><svg class="spark" viewBox="0 0 100 20" preserveAspectRatio="none" aria-hidden="true"><polyline points="${r.spark}"/></svg></#if></td></tr>
</#list>
</tbody>
</table>
<script type="application/json" id="trend-data">${data}</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("trend-data").textContent);
  var NS = "http://www.w3.org/2000/svg";
  var W = 560, H = 180, L = 58, R = 12, T = 24, B = 36;
  var runs = data.runs, n = runs.v.length;
  var body = document.querySelector("#rows tbody");
  var mains = Array.prototype.slice.call(body.querySelectorAll("tr.main"));
  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { if (e.isIntersecting) { observer.unobserve(e.target); draw(e.target); } });
  }, { rootMargin: "200px" }) : null;

  function el(name, attrs, text) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function decimals(v, unit) {
    var a = Math.abs(v);
    return unit === "ms" ? (a < 99.95 ? 1 : 0) : unit === "%" ? (a < 0.995 ? 2 : 1) : 1;
  }
  function fmt(v, unit) { return v === null ? "—" : v.toFixed(decimals(v, unit)) + (unit === "%" ? "%" : " " + unit); }
  function run(i) { return "v" + runs.v[i] + (runs.c[i] ? " (" + runs.c[i] + ")" : "") + ", " + runs.t[i] + " UTC"; }
  function x(i) { return L + (n === 1 ? (W - L - R) / 2 : i * (W - L - R) / (n - 1)); }

  function chart(metric, m) {
    var svg = el("svg", { width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": metric.key });
    svg.appendChild(el("text", { x: 4, y: 14, "class": "title" }, metric.key + " (" + metric.unit + ")"));
    var lo = Infinity, hi = -Infinity, v = m.v;
    v.forEach(function (y) { if (y !== null) { lo = Math.min(lo, y); hi = Math.max(hi, y); } });
    if (m.b) { lo = Math.min(lo, m.b[0] - m.b[1]); hi = Math.max(hi, m.b[0] + m.b[1]); }
    if (lo === Infinity) { svg.appendChild(el("text", { x: L, y: H / 2, "class": "muted" }, "no values")); return svg; }
    if (hi === lo) { hi = lo + (lo === 0 ? 1 : Math.abs(lo) * 0.1); }
    var pad = (hi - lo) * 0.08; lo = Math.max(0, lo - pad); hi = hi + pad;
    function y(val) { return T + (hi - val) / (hi - lo) * (H - T - B); }
    svg.appendChild(el("line", { x1: L, y1: T, x2: L, y2: H - B, "class": "axis" }));
    svg.appendChild(el("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, "class": "axis" }));
    [hi, (hi + lo) / 2, lo].forEach(function (val) {
      svg.appendChild(el("text", { x: L - 4, y: y(val) + 4, "text-anchor": "end", "class": "tick" }, fmt(val, metric.unit)));
    });
    var ticks = Math.min(n, 6);
    for (var k = 0; k < ticks; k++) {
      var i = ticks === 1 ? 0 : Math.round(k * (n - 1) / (ticks - 1));
      var anchor = k === 0 && ticks > 1 ? "start" : k === ticks - 1 && ticks > 1 ? "end" : "middle";
      svg.appendChild(el("line", { x1: x(i), y1: H - B, x2: x(i), y2: H - B + 4, "class": "axis" }));
      svg.appendChild(el("text", { x: x(i), y: H - B + 15, "text-anchor": anchor, "class": "tick" }, "v" + runs.v[i]));
      svg.appendChild(el("text", { x: x(i), y: H - B + 27, "text-anchor": anchor, "class": "tick" }, runs.c[i]));
    }
    if (m.b && data.band) {
      // a band below 0 (a rate's) is drawn down to the axis, not over the run labels beneath it
      var top = Math.min(hi, m.b[0] + m.b[1]), bottom = Math.max(lo, m.b[0] - m.b[1]);
      var band = el("rect", { x: x(data.band[0]), y: y(top), width: Math.max(2, x(data.band[1]) - x(data.band[0])),
        height: Math.max(1, y(bottom) - y(top)), "class": "band" });
      band.appendChild(el("title", {}, "noise band: " + fmt(m.b[0], metric.unit) + " ± " + fmt(m.b[1], metric.unit)));
      svg.appendChild(band);
    }
    var d = "", pen = "M";
    for (var j = 0; j < n; j++) {
      if (v[j] === null) { pen = "M"; continue; }
      d += pen + x(j).toFixed(1) + " " + y(v[j]).toFixed(1); pen = "L";
    }
    svg.appendChild(el("path", { d: d, "class": "series" }));
    var level = "";
    m.cp.forEach(function (c, k) {
      var mid = (x(c[0]) + x(c[1])) / 2, from = k === 0 ? x(0) : (x(m.cp[k - 1][0]) + x(m.cp[k - 1][1])) / 2;
      var to = k === m.cp.length - 1 ? x(n - 1) : (x(m.cp[k + 1][0]) + x(m.cp[k + 1][1])) / 2;
      level += "M" + from.toFixed(1) + " " + y(c[2]).toFixed(1) + "H" + mid.toFixed(1) + "M" + mid.toFixed(1) + " " + y(c[3]).toFixed(1) + "H" + to.toFixed(1);
      var cls = c[5] ? "cp pending" : "cp";
      var line = el("line", { x1: mid, y1: T, x2: mid, y2: H - B, "class": cls });
      var rel = c[2] !== 0 && metric.unit !== "%" ? " (" + ((c[3] - c[2]) / Math.abs(c[2]) * 100).toFixed(1) + "%)" : "";
      line.appendChild(el("title", {}, (c[5] ? "pending " : "") + "change point between " + run(c[0]) + " and " + run(c[1]) + ": "
        + fmt(c[2], metric.unit) + " → " + fmt(c[3], metric.unit) + rel + ", p = " + c[4]));
      svg.appendChild(line);
      var right = mid > W - R - 70;
      svg.appendChild(el("text", { x: right ? mid - 3 : mid + 3, y: T + 9, "text-anchor": right ? "end" : "start",
        "class": c[5] ? "cp-label pending" : "cp-label" }, "v" + runs.v[c[1]] + (c[5] ? " pending" : "")));
    });
    if (level) { svg.appendChild(el("path", { d: level, "class": "level" })); }
    data.acks.forEach(function (a) {
      var ax = a.i > 0 ? (x(a.i - 1) + x(a.i)) / 2 : x(a.i);
      var line = el("line", { x1: ax, y1: T, x2: ax, y2: H - B, "class": "ack" });
      line.appendChild(el("title", {}, "acknowledged from " + run(a.i) + ": " + a.note));
      svg.appendChild(line);
    });
    var dot = el("circle", { r: 3, cx: -10, cy: -10, "class": "hover" });
    svg.appendChild(dot);
    var overlay = el("rect", { x: L, y: T, width: W - L - R, height: H - T - B, "class": "overlay" });
    svg.appendChild(overlay);
    svg.addEventListener("mousemove", function (ev) {
      var box = svg.getBoundingClientRect(), px = (ev.clientX - box.left) * W / box.width;
      var i = Math.max(0, Math.min(n - 1, Math.round(n === 1 ? 0 : (px - L) / (W - L - R) * (n - 1))));
      var tip = svg.parentNode.querySelector(".tip");
      tip.textContent = run(i) + " · " + metric.key + " " + fmt(v[i], metric.unit);
      tip.style.display = "block";
      tip.style.left = Math.min(box.width - 260, Math.max(0, (x(i) + 8) * box.width / W)) + "px";
      tip.style.top = "0px";
      if (v[i] !== null) { dot.setAttribute("cx", x(i)); dot.setAttribute("cy", y(v[i])); }
    });
    svg.addEventListener("mouseleave", function () { svg.parentNode.querySelector(".tip").style.display = "none"; dot.setAttribute("cx", -10); });
    return svg;
  }

  function draw(holder) {
    var row = data.rows[+holder.getAttribute("data-i")];
    data.metrics.forEach(function (metric, k) {
      if (!row.m[k]) { return; }
      var figure = document.createElement("figure");
      figure.appendChild(chart(metric, row.m[k]));
      var tip = document.createElement("div"); tip.className = "tip"; figure.appendChild(tip);
      holder.appendChild(figure);
    });
    holder.setAttribute("data-drawn", "1");
  }

  function toggle(tr, open, now) {
    var next = tr.nextElementSibling, has = next && next.classList.contains("detail");
    if (open === undefined) { open = !tr.classList.contains("open"); }
    tr.classList.toggle("open", open);
    if (!open) { if (has) { next.style.display = "none"; } return; }
    if (has) { next.style.display = ""; return; }
    var detail = document.createElement("tr"); detail.className = "detail";
    var td = document.createElement("td"); td.colSpan = tr.children.length;
    var holder = document.createElement("div"); holder.className = "charts"; holder.setAttribute("data-i", tr.getAttribute("data-i"));
    td.appendChild(holder); detail.appendChild(td); tr.parentNode.insertBefore(detail, tr.nextSibling);
    if (observer && !now) { observer.observe(holder); } else { draw(holder); }
  }

  function filter() {
    var q = document.getElementById("filter").value.toLowerCase(), only = document.getElementById("changed").checked, shown = 0;
    mains.forEach(function (tr) {
      var text = (tr.children[0].textContent + " " + tr.children[1].textContent).toLowerCase();
      var show = text.indexOf(q) >= 0 && (!only || !tr.classList.contains("none"));
      tr.style.display = show ? "" : "none";
      var next = tr.nextElementSibling;
      if (next && next.classList.contains("detail")) { next.style.display = show && tr.classList.contains("open") ? "" : "none"; }
      if (show) { shown++; }
    });
    document.getElementById("shown").textContent = shown + " of " + mains.length + " shown";
  }

  body.addEventListener("click", function (ev) {
    var tr = ev.target.closest("tr.main");
    if (tr) { toggle(tr); }
  });
  document.getElementById("filter").addEventListener("input", filter);
  document.getElementById("changed").addEventListener("change", filter);
  document.getElementById("expand").addEventListener("click", function () {
    mains.forEach(function (tr) { if (tr.style.display !== "none") { toggle(tr, true); } });
  });
  document.getElementById("collapse").addEventListener("click", function () { mains.forEach(function (tr) { toggle(tr, false); }); });
  // the row the page opens with is drawn at once, before the load event, not when the observer gets to it
  mains.forEach(function (tr) { if (tr.getAttribute("data-open")) { toggle(tr, true, true); } });
  filter();
})();
</script>
</body>
</html>
