#!/usr/bin/env bash
# Locust fidelity, end to end: real Locust (Debian's python3-locust 2.12) runs examples/loadgen/locustfile.py
# headless for DURATION seconds (default 30) with USERS users (default 10) against the simulated shop on
# 127.0.0.1 ('regressed' mode, so checkout fails with 500 for ~8% of requests), with perfgate's Locust hook
# (integrations/locust/perfgate_samples.py) writing every request as a generic raw sample, and --csv.
# perfgate's numbers from the hook's raw samples must agree with Locust's own statistics of the same run:
# the final ones written at quit by e2e/locust/final_stats.py (Locust's periodic _stats.csv can be up to a
# second stale, locust issue #2299; the script reports how stale it was). Outputs: target/e2e/locust/.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/e2e/locust
duration=${DURATION:-30}
users=${USERS:-10}
rm -rf "$out" && mkdir -p "$out"

jar=cli/target/perfgate.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl cli -am
if ! /usr/bin/python3 -c 'import locust' 2>/dev/null; then
  echo "!! Locust is not installed for /usr/bin/python3 (apt-get install -y python3-locust)" >&2
  exit 1
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 examples/loadgen/shop_server.py "$port" --mode regressed --seed 11 >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=1)" 2>/dev/null && break
  sleep 0.1
done

echo "== Locust $(dpkg-query -W -f='${Version}' python3-locust 2>/dev/null || true): ${duration}s, $users users, 127.0.0.1:$port"
PERFGATE_SAMPLES="$out/samples.csv" LOCUST_FINAL_STATS="$out/final" \
  timeout $((duration + 60)) /usr/bin/python3 -m locust \
  -f examples/loadgen/locustfile.py,integrations/locust/perfgate_samples.py,e2e/locust/final_stats.py \
  --headless --host "http://127.0.0.1:$port" -u "$users" -r "$users" -t "${duration}s" --stop-timeout 5 \
  --csv "$out/locust" --only-summary >"$out/locust-console.log" 2>&1 \
  || { echo "!! Locust failed; last lines of its output:" >&2; tail -n 20 "$out/locust-console.log" >&2; exit 1; }
kill $server 2>/dev/null || true

samples=$(($(wc -l <"$out/samples.csv") - 1))
periodic=$(awk -F, '$2=="\"Aggregated\"" || $2=="Aggregated" {print $3}' "$out/locust_stats.csv")
final=$(awk -F, '$2=="\"Aggregated\"" || $2=="Aggregated" {print $3}' "$out/final_stats.csv")
echo "== $samples samples in $out/samples.csv; Locust's final statistics count $final requests, its periodic" \
  "_stats.csv (last rewritten up to 1 s before the end) $periodic"
java -cp "$jar" e2e/Fidelity.java --name "Locust hook samples vs Locust's final statistics" \
  --raw "$out/samples.csv" --reference "$out/final_stats.csv" --percentiles 50,90,95,99
