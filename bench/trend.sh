#!/usr/bin/env bash
# How large and how fast the trend page is: records a synthetic suite of ENDPOINTS endpoints × RUNS runs (default
# 200 × 500; bench/TrendSuite.java, made-up numbers from a fixed seed, not tool output) in a temporary directory, then
# prints the time `baseline trend` takes, the page's size, and what headless Chromium measures while loading it (its
# navigation timing: DOMContentLoaded and load, the opened row's charts drawn by then).
#
#   bash bench/trend.sh
#   ENDPOINTS=50 RUNS=100 bash bench/trend.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
endpoints=${ENDPOINTS:-200}
runs=${RUNS:-500}
jar="$root/cli/target/loadverdict.jar"
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl cli -am
work=$(mktemp -d "${TMPDIR:-/tmp}/loadverdict-trend-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
start=$(date +%s%N)
java -cp "$jar" bench/TrendSuite.java "$work/baselines" bench "$endpoints" "$runs" 2>/dev/null
echo "suite:     $endpoints endpoints × $runs runs, $(du -sh "$work/baselines/bench" | cut -f1) of history files (recorded in $(ms "$start") ms)"
start=$(date +%s%N)
(cd "$work" && java -jar "$jar" baseline trend bench --out trend.html 2>/dev/null)
echo "generate:  $(ms "$start") ms (baseline trend, one JVM)"
echo "page:      $(stat -c %s "$work/trend.html") bytes"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "browser:   skipped (no chromium)"
  exit 0
fi
# a copy of the page that logs the browser's own navigation timing once it has loaded
{ cat "$work/trend.html"; echo '<script>addEventListener("load", function () { setTimeout(function () { var n = performance.getEntriesByType("navigation")[0]; console.log("timing: DOMContentLoaded " + Math.round(n.domContentLoadedEventEnd) + " ms, load " + Math.round(n.loadEventEnd) + " ms, charts drawn: " + document.querySelectorAll("[data-drawn] svg").length); }, 0); });</script>'; } >"$work/timed.html"
for i in 1 2 3; do
  "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
    --enable-logging=stderr --v=0 --dump-dom "file://$work/timed.html" 2>&1 >/dev/null \
    | grep -o '"timing: [^"]*"' | tr -d '"' | sed "s/^/browser $i: /"
done
echo "machine:   $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
