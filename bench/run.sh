#!/usr/bin/env bash
# Extraction benchmark: generates large inputs from real tool output (a real JMeter run of e2e/jmeter, in the test
# fixtures; a real k6 --out json file; plus gzipped copies), then for each input prints, from the same run:
#   - the speed of merely scanning its lines (wc -l, page cache warm; zcat | wc -l for .gz),
#   - 'loadverdict extract' as a user runs it (./loadverdict, with LOADVERDICT_JAVA_OPTS=-Xmx256m: a fresh JVM with the
#     launcher's class-data archive and JVM settings from bin/jvm.sh, on JAVA_HOME's JDK, e.g. a JDK 25 and its AOT
#     cache): wall time, MB/s, ratio to wc -l, peak resident memory,
#   - the extractor in-process (bench/Bench.java), cold and warm: MB/s, rows/s, peak heap in use, live heap after GC;
# then the CSV tokenizer alone (Bench.java tokenize), five passes over the largest JTL's first 256 MB in memory.
# JTL inputs are made at every size in SIZES, to show the heap staying flat as the input grows. With WITH_JMETER=1,
# JMeter's own report generator (jmeter -g, -Xmx4g) runs on the largest JTL for comparison.
#
#   bash bench/run.sh                                  # SIZES="64 256 1024", JMeter's -g on the 1 GB JTL
#   SIZES="64 1024 4096" bash bench/run.sh             # up to 4 GB (needs the disk space)
#   SIZES=64 OTHER_MB=16 WITH_JMETER=0 bash bench/run.sh   # quick run (CI)
# It also reads the other raw formats (generic CSV and NDJSON, k6 CSV, Gatling's text log, XML JTL) at OTHER_MB (256;
# 0 skips them). The generic NDJSON input repeats loadverdict's hand-written format example (the fixture
# generic/1/samples-ndjson): a speed measure, not tool output.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes="${SIZES:-64 256 1024}"
out="$root/target/bench"
mkdir -p "$out"
jar="$root/cli/target/loadverdict.jar"
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl cli -am
java_cmd=java # the JDK the launcher runs (JAVA_HOME's), for the in-process measures too
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java_cmd="$JAVA_HOME/bin/java"; fi
echo "== $("$java_cmd" -version 2>&1 | head -n 1)"
./loadverdict --version >/dev/null 2>&1 # makes the launcher's class-data archive when needed
extract() { # input output: 'loadverdict extract' as a user runs it, with a 256 MB heap
  LOADVERDICT_JAVA_OPTS=-Xmx256m ./loadverdict extract "$1" -o "$2"
}
corpus="$root/../shared/corpus"
# shellcheck source=bin/jvm.sh
. "$root/bin/jvm.sh"

jtl_source="extractor/src/test/resources/fixtures/jmeter/5.6/shop-e2e-csv/results.jtl"
k6_source="$corpus/k6/ndjson-out-json/jsonvsprotobuf-getuser-1000iter.ndjson"
[ -f "$k6_source" ] || k6_source="extractor/src/test/resources/fixtures/k6/1.0/jsonvsprotobuf-ndjson/data.json.gz"

generate() { # kind source name size-mb extension: prints the file's path
  local file="$out/$3-${4}mb.$5"
  if [ ! -f "$file" ]; then
    java -cp "$jar" bench/Bench.java generate "$1" "$4" "$2" "$file" >&2
  fi
  echo "$file"
}
gzipped() { # file: a gzip copy beside it (level 6, gzip's default)
  [ -f "$1.gz" ] || gzip -6 -c "$1" >"$1.gz"
  echo "$1.gz"
}

inputs=()
largest_jtl=""
for size in $sizes; do
  largest_jtl=$(generate jtl "$jtl_source" jtl-e2e "$size" csv)
  inputs+=("$largest_jtl")
done
largest=${sizes##* }
ndjson=$(generate ndjson "$k6_source" k6-ndjson "$largest" ndjson)
inputs+=("$ndjson" "$(gzipped "$largest_jtl")" "$(gzipped "$ndjson")")

seconds() { # start end
  awk -v s="$1" -v e="$2" 'BEGIN { printf "%.2f", e - s }'
}
for file in "${inputs[@]}"; do
  bytes=$(stat -c %s "${file%.gz}") # MB/s of a .gz count its uncompressed bytes, the same as its plain copy's
  echo "== $(basename "$file") ($(($(stat -c %s "$file") >> 20)) MB; $((bytes >> 20)) MB uncompressed)"
  cat "$file" >/dev/null # into the page cache
  start=$(date +%s.%N)
  if [[ "$file" == *.gz ]]; then
    zcat "$file" | wc -l >/dev/null
    scan="zcat | wc -l"
  else
    wc -l "$file" >/dev/null
    scan="wc -l"
  fi
  end=$(date +%s.%N)
  scan_s=$(seconds "$start" "$end")
  awk -v t="$scan_s" -v b="$bytes" -v what="$scan" 'BEGIN { printf "%s: %.2f s = %.0f MB/s\n", what, t, b / 1048576 / t }'
  if [[ "$file" == *.gz ]]; then
    java -cp "$jar" bench/Bench.java gunzip "$file" # the JDK's inflater alone, which loadverdict reads gzip with
  fi
  timed=()
  echo 0 >"$out/rss"
  [ -x /usr/bin/time ] && timed=(/usr/bin/time -f "%M" -o "$out/rss") # GNU time: peak resident memory
  start=$(date +%s.%N)
  "${timed[@]}" env LOADVERDICT_JAVA_OPTS=-Xmx256m ./loadverdict extract "$file" -o "$out/run.json" 2>/dev/null
  end=$(date +%s.%N)
  cli_s=$(seconds "$start" "$end")
  awk -v t="$cli_s" -v b="$bytes" -v w="$scan_s" -v rss="$(cat "$out/rss")" 'BEGIN {
    printf "loadverdict extract (./loadverdict, fresh JVM, -Xmx256m): %.2f s = %.0f MB/s, %.2f x the scan, peak RSS %d MB\n",
      t, b / 1048576 / t, w / t, rss / 1024 }'
  "$java_cmd" -Xmx256m "${lv_jit_options[@]}" -cp "$jar" bench/Bench.java extract "$file"
done

# The byte-level tokenizer every delimited format goes through, alone: one thread, the largest JTL's first 256 MB in memory.
echo "== the CSV tokenizer alone (DelimitedReader)"
"$java_cmd" -Xmx1g "${lv_jit_options[@]}" -cp "$jar" bench/Bench.java tokenize "$largest_jtl"

# The other raw formats, one size (OTHER_MB, default 256): 'loadverdict extract' from a fresh JVM against wc -l.
# Their inputs repeat the records of one file as they are (Bench.java generate repeat:HEAD:TAIL).
other_mb="${OTHER_MB:-256}"
others=(
  "generic-csv|repeat:1:0|extractor/src/test/resources/fixtures/generic/1/locust-hook-2.12/samples.csv.gz|csv"
  "generic-ndjson|repeat:0:0|extractor/src/test/resources/fixtures/generic/1/samples-ndjson/samples.ndjson|ndjson"
  "k6-csv|repeat:1:0|extractor/src/test/resources/fixtures/k6/1.0/jsonvsprotobuf-csv/data.csv.gz|csv"
  "gatling-log|repeat:1:0|extractor/src/test/resources/fixtures/gatling/3.11/shop-e2e-log/simulation.log|log"
  "jtl-xml|repeat:2:2|$corpus/jmeter/jtl-xml/jmeter-repo-sample-log2-2005-large.jtl|jtl"
  "gatling-binary|gatling-binary|extractor/src/test/resources/fixtures/gatling/3.13/shop-e2e-binary/simulation.log|log"
  # a Locust run's files, its stats history (--csv-full-history) grown to the size: extract reads the directory
  "locust-history|history|extractor/src/test/resources/fixtures/locust/2.12/full-history-quirks/quirks_stats_history.csv|dir"
)
if [ "$other_mb" != 0 ]; then
  echo "== other raw formats, $other_mb MB each (loadverdict extract, fresh JVM, -Xmx256m; then in-process, cold and warm)"
  for other in "${others[@]}"; do
    IFS='|' read -r name kind source extension <<<"$other"
    [ -f "$source" ] || { echo "$name: skipped, no $source"; continue; }
    if [ "$extension" = dir ]; then
      file="$out/$name-${other_mb}mb"
      if [ ! -f "$file/$(basename "$source")" ]; then
        mkdir -p "$file"
        find "$(dirname "$source")" -maxdepth 1 -name '*.csv' ! -name "$(basename "$source")" -exec cp {} "$file/" \;
        java -cp "$jar" bench/Bench.java generate "$kind" "$other_mb" "$source" "$file/$(basename "$source")" >&2
      fi
      bytes=$(cat "$file"/* | wc -c)
    else
      file=$(generate "$kind" "$source" "$name" "$other_mb" "$extension")
      bytes=$(stat -c %s "$file")
    fi
    start=$(date +%s.%N)
    if [ -d "$file" ]; then cat "$file"/* | wc -l >/dev/null; else wc -l "$file" >/dev/null; fi
    end=$(date +%s.%N)
    scan_s=$(seconds "$start" "$end")
    start=$(date +%s.%N)
    if extract "$file" "$out/run.json" 2>"$out/other.err"; then
      end=$(date +%s.%N)
      awk -v n="$name" -v t="$(seconds "$start" "$end")" -v b="$bytes" -v w="$scan_s" 'BEGIN {
        printf "%-15s %.2f s = %4.0f MB/s, %.2f x wc -l\n", n, t, b / 1048576 / t, w / t }'
      "$java_cmd" -Xmx256m "${lv_jit_options[@]}" -cp "$jar" bench/Bench.java extract "$file" 2>/dev/null | sed 's/^/  /'
    else
      echo "$name: extract failed: $(head -n 1 "$out/other.err")"
    fi
  done
fi

if [ "${WITH_JMETER:-1}" = 1 ]; then
  jmeter_jar=$(find bench/jmeter/target -name 'ApacheJMeter-*.jar' -path '*bin*' 2>/dev/null | head -n 1)
  if [ -z "$jmeter_jar" ]; then
    ./mvnw -B -q -f bench/jmeter/pom.xml com.lazerycode.jmeter:jmeter-maven-plugin:3.8.0:configure >/dev/null 2>&1 || true
    jmeter_jar=$(find bench/jmeter/target -name 'ApacheJMeter-*.jar' -path '*bin*' 2>/dev/null | head -n 1)
  fi
  if [ -n "$jmeter_jar" ]; then
    echo "== jmeter -g (JMeter 5.6.3, -Xmx4g) and loadverdict on $(basename "$largest_jtl")"
    rm -rf "$out/jmeter-report"
    start=$(date +%s.%N)
    if java -Xmx4g -jar "$jmeter_jar" -g "$largest_jtl" -o "$out/jmeter-report" >"$out/jmeter-g.log" 2>&1; then
      end=$(date +%s.%N)
      jmeter_s=$(seconds "$start" "$end")
    else
      jmeter_s=""
      echo "jmeter -g failed: see $out/jmeter-g.log (last line: $(tail -n 1 "$out/jmeter-g.log"))"
    fi
    start=$(date +%s.%N)
    extract "$largest_jtl" "$out/run.json" 2>/dev/null
    end=$(date +%s.%N)
    lv_s=$(seconds "$start" "$end")
    if [ -n "$jmeter_s" ]; then
      awk -v j="$jmeter_s" -v l="$lv_s" -v b="$(stat -c %s "$largest_jtl")" 'BEGIN {
        printf "jmeter -g: %.1f s = %.1f MB/s; loadverdict extract: %.2f s = %.0f MB/s; loadverdict %.0f x faster\n",
          j, b / 1048576 / j, l, b / 1048576 / l, j / l }'
    fi
  fi
fi
