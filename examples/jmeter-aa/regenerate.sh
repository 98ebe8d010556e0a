#!/usr/bin/env bash
# Real JMeter 5.6.3 runs for judging loadverdict's statistics on real data (see README.md here):
# 11 runs of the unchanged shop (A/A: any regression flagged between two of them is a false alarm) and
# one run in which only GET /api/search is 2.5x slower. Each run: 12 threads for 15 s against
# examples/loadgen/shop_server.py on 127.0.0.1, CSV JTL, gzipped. About 4 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=examples/jmeter-aa
jmeter_jar=$(find bench/jmeter/target -name 'ApacheJMeter-*.jar' -path '*bin*' 2>/dev/null | head -n 1 || true)
if [ -z "$jmeter_jar" ]; then
  ./mvnw -B -q -f bench/jmeter/pom.xml com.lazerycode.jmeter:jmeter-maven-plugin:3.8.0:configure
  jmeter_jar=$(find bench/jmeter/target -name 'ApacheJMeter-*.jar' -path '*bin*' | head -n 1)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() { # NAME MODE SEED
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 examples/loadgen/shop_server.py "$port" --mode "$2" --seed "$3" >/dev/null 2>&1 &
  local server=$!
  sleep 0.5
  timeout 120 java -Xmx512m -jar "$jmeter_jar" -n -t e2e/jmeter/plan.jmx -l "$work/$1.jtl" -j "$work/$1.log" \
    -Jport="$port" -Jduration=15 -Jthreads=12 -Jxmlout="$work/$1.xml" \
    -Jjmeter.save.saveservice.output_format=csv >/dev/null 2>&1
  kill "$server"
  gzip -9 -n -c "$work/$1.jtl" >"$out/$1.jtl.gz"
  echo "$1: $(($(wc -l <"$work/$1.jtl") - 1)) samples"
}

for seed in 1 2 3 4 5 6 7 8 9 10 11; do
  run "aa-$(printf %02d "$seed")" baseline "$seed"
done
run slow-search slow-search 99
