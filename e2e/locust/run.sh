#!/usr/bin/env bash
# Locust fidelity, end to end: real Locust (Debian's python3-locust 2.12) runs examples/loadgen/locustfile.py
# headless against the simulated shop on 127.0.0.1 ('regressed' mode, so checkout fails with 500 for ~8% of
# requests), with loadverdict's Locust hook (integrations/locust/loadverdict_samples.py) writing every request as a
# generic raw sample, and --csv. loadverdict's numbers from the hook's samples must agree with Locust's own
# statistics of the same run: the final ones, written at quit by e2e/locust/final_stats.py (Locust 2.12's
# periodic _stats.csv is rewritten once a second and not at the end, so it misses the last second's requests,
# locust issue #2299; the script prints how many).
#   1. one local process: DURATION seconds (default 30), USERS users (default 10);
#   2. distributed: a master and two workers for DIST_DURATION seconds (default 12), each worker writing its
#      own samples file, merged by loadverdict.
# Also runs the hook's Python unit tests first. Outputs: target/e2e/locust/{local,distributed}/. About 60 s in all.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/e2e/locust
duration=${DURATION:-30}
dist_duration=${DIST_DURATION:-12}
users=${USERS:-10}
rm -rf "$out" && mkdir -p "$out/local" "$out/distributed"

jar=cli/target/loadverdict.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl cli -am
if ! /usr/bin/python3 -c 'import locust' 2>/dev/null; then
  echo "!! Locust is not installed for /usr/bin/python3 (apt-get install -y python3-locust)" >&2
  exit 1
fi
echo "== the hook's unit tests"
PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 -m unittest discover -s integrations/locust 2>&1 | tail -n 1
version=$(dpkg-query -W -f='${Version}' python3-locust 2>/dev/null || echo 2.x)
# Debian's package leaves locust.__version__ empty, and a master refuses workers that report an empty version
# ("An old (pre 2.0) worker tried to connect"): start Locust with the package's version filled in.
locust=(/usr/bin/python3 -c "import sys, locust.runners
if not locust.runners.__version__: locust.runners.__version__ = '${version%%-*}'
sys.argv[0] = 'locust'
from locust.main import main
main()")
files=examples/loadgen/locustfile.py,integrations/locust/loadverdict_samples.py,e2e/locust/final_stats.py

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port=$(free_port)
python3 examples/loadgen/shop_server.py "$port" --mode regressed --seed 11 >"$out/server.log" 2>&1 &
server=$!
workers=()
trap 'kill $server "${workers[@]}" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=1)" 2>/dev/null && break
  sleep 0.1
done

aggregated() { # the request count of a Locust stats CSV's Aggregated row
  awk -F, '$2=="\"Aggregated\"" || $2=="Aggregated" {print $3}' "$1"
}

check() { # NAME DIR: compare the samples files in DIR with Locust's final statistics
  local dir=$2
  local samples
  samples=$(cat "$dir"/samples*.csv | grep -vc '^timestamp,' || true)
  echo "== $samples samples in $(find "$dir" -maxdepth 1 -name 'samples*.csv' | wc -l) file(s); Locust's final statistics count" \
    "$(aggregated "$dir/final_stats.csv") requests, its periodic _stats.csv (rewritten once a second) $(aggregated "$dir/locust_stats.csv")"
  java -cp "$jar" e2e/Fidelity.java --name "$1" --raw "$dir"/samples*.csv --reference "$dir/final_stats.csv" \
    --percentiles 50,90,95,99
}

echo "== Locust $version, one process: ${duration}s, $users users, 127.0.0.1:$port"
LOADVERDICT_SAMPLES="$out/local/samples.csv" LOCUST_FINAL_STATS="$out/local/final" \
  timeout $((duration + 60)) "${locust[@]}" -f "$files" \
  --headless --host "http://127.0.0.1:$port" -u "$users" -r "$users" -t "${duration}s" \
  --csv "$out/local/locust" --only-summary >"$out/local/locust-console.log" 2>&1 \
  || { echo "!! Locust failed; last lines of its output:" >&2; tail -n 20 "$out/local/locust-console.log" >&2; exit 1; }
check "Locust $version hook samples vs Locust's final statistics" "$out/local"

master_port=$(free_port)
echo "== Locust $version, distributed: a master and 2 workers, ${dist_duration}s, $users users"
for w in 1 2; do
  # the hook inserts each worker's id into the file name; workers exit when the master quits
  LOADVERDICT_SAMPLES="$out/distributed/samples.csv" timeout $((dist_duration + 90)) "${locust[@]}" -f "$files" \
    --worker --master-host 127.0.0.1 --master-port "$master_port" >"$out/distributed/worker$w.log" 2>&1 &
  workers+=($!)
done
LOCUST_FINAL_STATS="$out/distributed/final" timeout $((dist_duration + 60)) "${locust[@]}" -f "$files" \
  --master --master-bind-host 127.0.0.1 --master-bind-port "$master_port" --expect-workers 2 \
  --headless --host "http://127.0.0.1:$port" -u "$users" -r "$users" -t "${dist_duration}s" \
  --csv "$out/distributed/locust" --only-summary >"$out/distributed/master.log" 2>&1 \
  || { echo "!! Locust master failed; last lines of its output:" >&2; tail -n 20 "$out/distributed/master.log" >&2; exit 1; }
for pid in "${workers[@]}"; do
  wait "$pid" || true # a worker's exit code reflects its own, empty, statistics after reporting to the master
done
check "Locust $version distributed: two workers' hook samples vs the master's final statistics" "$out/distributed"
