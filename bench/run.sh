#!/usr/bin/env bash
# Extraction benchmark: generates large inputs from real tool output (the corpus, or the test fixtures when the
# corpus is absent), then extracts each with a 256 MB heap and prints MB/s, rows/s and heap figures next to the
# speed of merely scanning the file's lines (wc -l).
#
#   bash bench/run.sh            # 1024 MB per input (the figures in docs/performance.md)
#   SIZE_MB=64 bash bench/run.sh # quick run (CI)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
size="${SIZE_MB:-1024}"
out="$root/target/bench"
mkdir -p "$out"
jar="$root/cli/target/loadverdict.jar"
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl cli -am
corpus="$root/../shared/corpus"

inputs=()
add() { # kind source name
  local kind=$1 src=$2 name=$3
  [ -f "$src" ] || { echo "skip $name: no $src"; return; }
  local file="$out/$name-${size}mb.$4"
  if [ ! -f "$file" ]; then
    java -cp "$jar" bench/Bench.java generate "$kind" "$size" "$src" "$file"
  fi
  inputs+=("$file")
}
add jtl "$corpus/jmeter/jtl-csv-default/jmeter-repo-htmlreport-default17.csv" jtl-default17 csv
add ndjson "$corpus/k6/ndjson-out-json/jsonvsprotobuf-getuser-1000iter.ndjson" k6-ndjson ndjson

# JMeter's own report generator on the same JTL, for comparison (assembled from Maven Central once).
jmeter_jar=""
if [ "${WITH_JMETER:-1}" = 1 ]; then
  jmeter_jar=$(find bench/jmeter/target -name 'ApacheJMeter-*.jar' -path '*bin*' 2>/dev/null | head -n 1)
  if [ -z "$jmeter_jar" ]; then
    ./mvnw -B -q -f bench/jmeter/pom.xml com.lazerycode.jmeter:jmeter-maven-plugin:3.8.0:configure >/dev/null 2>&1 || true
    jmeter_jar=$(find bench/jmeter/target -name 'ApacheJMeter-*.jar' -path '*bin*' 2>/dev/null | head -n 1)
  fi
fi

for file in "${inputs[@]}"; do
  echo "== $(basename "$file")"
  sync
  start=$(date +%s.%N); wc -l "$file" >/dev/null; end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v b="$(stat -c %s "$file")" \
    'BEGIN { printf "wc -l: %.2f s = %.0f MB/s\n", e - s, b / 1048576 / (e - s) }'
  java -Xmx256m -cp "$jar" bench/Bench.java extract "$file"
  if [ -n "$jmeter_jar" ] && [[ "$file" == *.csv ]]; then
    rm -rf "$out/jmeter-report"
    start=$(date +%s.%N)
    if java -Xmx1g -jar "$jmeter_jar" -g "$file" -o "$out/jmeter-report" >"$out/jmeter-g.log" 2>&1; then
      end=$(date +%s.%N)
      awk -v s="$start" -v e="$end" -v b="$(stat -c %s "$file")" \
        'BEGIN { printf "jmeter -g (JMeter 5.6.3, -Xmx1g): %.2f s = %.0f MB/s\n", e - s, b / 1048576 / (e - s) }'
    else
      echo "jmeter -g failed: see $out/jmeter-g.log (last line: $(tail -n 1 "$out/jmeter-g.log"))"
    fi
  fi
done
