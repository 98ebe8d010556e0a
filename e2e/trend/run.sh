#!/usr/bin/env bash
# The trend page in a real browser: writes the page of a synthetic suite (bench/TrendSuite.java: 40 endpoints × 60
# runs, made-up numbers with steps, a drift, pending points, an acknowledged step and two hostile endpoint names),
# loads it in headless Chromium (Debian's package) and checks the DOM after the page's script ran: the summary rows,
# the charts of the row the page opens drawn as SVG (a series path, a noise band, change points), the hostile names
# as text and no element they could have injected, and no uncaught JavaScript error in the browser's log.
#
#   bash e2e/trend/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
jar="$root/cli/target/loadverdict.jar"
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl cli -am
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "!! no chromium: install Debian's package chromium" >&2
  exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/loadverdict-trend.XXXXXX")
trap 'rm -rf "$work"' EXIT

java -cp "$jar" bench/TrendSuite.java "$work/baselines" nightly 40 60 2>/dev/null
(cd "$work" && java -jar "$jar" baseline trend nightly --out site/index.html)
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
  --enable-logging=stderr --v=0 --dump-dom "file://$work/site/index.html" >"$work/dom.html" 2>"$work/browser.log"

fail() {
  echo "!! trend page: $1" >&2
  exit 1
}
if grep -q "Uncaught" "$work/browser.log"; then
  grep "Uncaught" "$work/browser.log" >&2
  fail "a JavaScript error"
fi
dom="$work/dom.html"
rows=$(grep -o '<tr class="main' "$dom" | wc -l)
[ "$rows" -eq 42 ] || fail "expected 42 summary rows (40 endpoints, 2 totals), found $rows"
grep -q '<div class="charts" data-i="0" data-drawn="1">' "$dom" || fail "the opened row's charts were not drawn"
charts=$(grep -o '<svg width="560" height="180"[^>]*role="img"' "$dom" | wc -l)
[ "$charts" -eq 5 ] || fail "expected the opened row's 5 charts, found $charts"
grep -q '<path d="M[0-9.]* [0-9.]*L' "$dom" || fail "no series drawn"
grep -q '<rect [^>]*class="band"' "$dom" || fail "no noise band drawn"
grep -q '<line [^>]*class="cp' "$dom" || fail "no change point drawn"
grep -q '<line [^>]*class="ack"' "$dom" || fail "no acknowledged step drawn"
grep -q '&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;' "$dom" || fail "the hostile name is not shown as text"
if grep -q '<img' "$dom"; then
  fail "an <img> element exists: a name was read as markup"
fi
echo "trend page OK: $rows rows, $charts charts drawn, hostile names inert, no JavaScript error"
