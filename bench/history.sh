#!/usr/bin/env bash
# How long change-point analysis of a long history takes, and in how much memory: records a synthetic suite of
# ENDPOINTS endpoints × RUNS runs (default 200 × 1,000; bench/TrendSuite.java, made-up numbers from a fixed seed, not
# tool output) in a temporary directory, then runs `baseline history SUITE --change-points --format json` with a
# HEAP-sized heap (default 256m) and prints its wall time, the series analysed, the change points found and the
# process's peak resident memory. The history is read one run at a time; the series take 8 bytes a value.
#
#   bash bench/history.sh
#   ENDPOINTS=50 RUNS=200 HEAP=128m bash bench/history.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
endpoints=${ENDPOINTS:-200}
runs=${RUNS:-1000}
heap=${HEAP:-256m}
jar="$root/cli/target/loadverdict.jar"
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl cli -am
work=$(mktemp -d "${TMPDIR:-/tmp}/loadverdict-history-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
start=$(date +%s%N)
java -cp "$jar" bench/TrendSuite.java "$work/baselines" bench "$endpoints" "$runs" 2>/dev/null
echo "suite:     $endpoints endpoints × $runs runs, $(du -sh "$work/baselines/bench" | cut -f1) of history files (recorded in $(ms "$start") ms)"
for i in 1 2 3; do
  start=$(date +%s%N)
  if [ -x /usr/bin/time ]; then
    (cd "$work" && /usr/bin/time -f '%M' -o rss.txt java "-Xmx$heap" -jar "$jar" baseline history bench --change-points --format json >analysis.json)
    rss="$(( $(cat "$work/rss.txt") / 1024 )) MB peak RSS"
  else
    (cd "$work" && java "-Xmx$heap" -jar "$jar" baseline history bench --change-points --format json >analysis.json)
    rss="peak RSS not measured (no /usr/bin/time)"
  fi
  elapsed=$(ms "$start")
  summary=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); s=a["series"]; print(len(s), "series,", sum(len(x["changePoints"]) for x in s), "change points,", sum(1 for x in s if x["changePoints"]), "series with one")' "$work/analysis.json")
  echo "analysis $i: $elapsed ms with -Xmx$heap, $rss; $summary"
done
echo "machine:   $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
