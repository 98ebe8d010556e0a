#!/usr/bin/env bash
# JMeter fidelity, end to end: real JMeter 5.6.3 (assembled from Maven Central by jmeter-maven-plugin) runs
# e2e/jmeter/plan.jmx for DURATION seconds (default 25) against the simulated shop on 127.0.0.1 (its
# 'regressed' mode, for failures: checkout answers 500 for ~8% of requests), then writes
# its own HTML dashboard with jmeter.reportgenerator.statistic_window=-1 (exact percentiles over every
# sample, not the default last 20,000). loadverdict's numbers from the raw JTL must agree with the dashboard's
# statistics.json, from the CSV JTL and from the XML JTL a second listener wrote of the same samples.
# Outputs: target/e2e/jmeter/.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/e2e/jmeter
duration=${DURATION:-25}
rm -rf "$out" && mkdir -p "$out"

jar=cli/target/loadverdict.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl cli -am

jmeter_jar=$(find bench/jmeter/target -name 'ApacheJMeter-*.jar' -path '*bin*' 2>/dev/null | head -n 1 || true)
if [ -z "$jmeter_jar" ]; then
  echo "== assembling JMeter 5.6.3 (jmeter-maven-plugin configure)"
  ./mvnw -B -q -f bench/jmeter/pom.xml com.lazerycode.jmeter:jmeter-maven-plugin:3.8.0:configure
  jmeter_jar=$(find bench/jmeter/target -name 'ApacheJMeter-*.jar' -path '*bin*' | head -n 1)
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 examples/loadgen/shop_server.py "$port" --mode regressed --seed 7 >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=1)" 2>/dev/null && break
  sleep 0.1
done

echo "== JMeter 5.6.3: ${duration}s, 6 threads, 127.0.0.1:$port"
timeout $((duration + 120)) java -Xmx512m -jar "$jmeter_jar" -n -t e2e/jmeter/plan.jmx -l "$out/results.jtl" \
  -j "$out/jmeter.log" -Jport="$port" -Jduration="$duration" -Jxmlout="$out/results.xml" \
  -Jjmeter.save.saveservice.output_format=csv \
  -e -o "$out/dashboard" -Jjmeter.reportgenerator.statistic_window=-1 >"$out/jmeter-console.log" 2>&1 \
  || { echo "!! JMeter failed; last lines of its log:" >&2; tail -n 20 "$out/jmeter.log" >&2; exit 1; }
kill $server 2>/dev/null || true

echo "== $(($(wc -l <"$out/results.jtl") - 1)) samples in $out/results.jtl"
java -cp "$jar" e2e/Fidelity.java --name "JMeter 5.6.3 JTL vs its dashboard" \
  --raw "$out/results.jtl" --reference "$out/dashboard/statistics.json" --percentiles 50,90,95,99
java -cp "$jar" e2e/Fidelity.java --name "JMeter 5.6.3 XML JTL (same samples) vs its dashboard" \
  --raw "$out/results.xml" --reference "$out/dashboard/statistics.json" --percentiles 50,90,95,99
