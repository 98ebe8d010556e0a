#!/usr/bin/env bash
# Hostile inputs: files built to exhaust memory or time (bench/Hostile.java says how each is made), each read by
# `loadverdict extract` in its own JVM with a 256 MB heap. Prints, per case, the file's size, the exit code, the wall
# time, the process's peak resident memory and the first line of stderr; then compares the largest run it read
# (1,000 endpoints) with itself and writes every report, under the same heap.
#
#   bash bench/hostile.sh                  # huge fields, attributes and lines of 2 GiB
#   HUGE_MB=64 bash bench/hostile.sh       # quick run (CI)
#   JAR=/path/to/loadverdict.jar bash bench/hostile.sh   # another build, e.g. an older one, for before/after
#
# Exit status: 1 when a case ends in anything but success or one clear refusal (exit 3: one message, its first line at
# most 160 characters and the rest on indented lines): an OutOfMemoryError, a stack trace or a timeout (TIMEOUT_S,
# default 120 s per case).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
huge="${HUGE_MB:-2048}"
timeout_s="${TIMEOUT_S:-120}"
out="$root/target/hostile"
mkdir -p "$out"
jar="${JAR:-$root/cli/target/loadverdict.jar}"
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl cli -am

cases=(
  "k6-services k6-services.ndjson"
  "k6-urls k6-urls.ndjson"
  "locust-field locust-field_stats.csv"
  "k6csv-field k6-field.csv"
  "xml-attribute xml-attribute.jtl"
  "jtl-long-names long-names.jtl"
  "jtl-many-labels many-labels.jtl"
  "gzip-bomb bomb.jtl.gz"
  "json-deep deep-summary.json"
  "locust-rows rows_stats.csv"
  "ndjson-line line.ndjson"
)

failed=0
printf '%-16s %10s %5s %8s %9s  %s\n' case size exit seconds "peak RSS" "stderr (first line)"
run_case() { # name file args...
  local name=$1 file=$2
  shift 2
  local start end code
  start=$(date +%s.%N)
  set +e
  timeout "$timeout_s" /usr/bin/time -f '%M' -o "$out/$name.rss" java -Xmx256m -jar "$jar" "$@" \
    >"$out/$name.stdout" 2>"$out/$name.stderr"
  code=$?
  set -e
  end=$(date +%s.%N)
  local rss first
  rss=$(tail -n 1 "$out/$name.rss" 2>/dev/null || echo 0)
  first=$(head -n 1 "$out/$name.stderr" | cut -c 1-150)
  awk -v n="$name" -v b="$(stat -c %s "$file")" -v c="$code" -v s="$start" -v e="$end" -v r="$rss" -v f="$first" \
    'BEGIN { printf "%-16s %8.1fMB %5d %8.2f %7.0fMB  %s\n", n, b / 1048576, c, e - s, r / 1024, f }'
  if { [ "$code" != 0 ] && [ "$code" != 3 ]; } || grep -q -e 'OutOfMemoryError' -e $'^\tat ' "$out/$name.stderr" \
    || { [ "$code" = 3 ] && { [ "$(head -n 1 "$out/$name.stderr" | wc -m)" -gt 161 ] \
      || tail -n +2 "$out/$name.stderr" | grep -q -v '^  '; }; }; then
    echo "  ^ not a success or one clear refusal: see $out/$name.stderr"
    failed=1
  fi
}

for c in "${cases[@]}"; do
  read -r name file <<<"$c"
  path="$out/$file"
  [ -f "$path" ] || java bench/Hostile.java "$name" "$path" "$huge" >/dev/null
  run_case "$name" "$path" extract -o "$out/$name.run.json" "$path"
  case "$name" in *field|xml-attribute|gzip-bomb|ndjson-line) rm -f "$path" ;; esac
done

run_case compare-1000 "$out/k6-urls.run.json" compare --baseline "$out/k6-urls.run.json" "$out/k6-urls.run.json" \
  --report md,html,junit,json --out-dir "$out/reports"
exit "$failed"
