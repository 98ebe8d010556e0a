#!/usr/bin/env bash
# Produces a real Locust 2.12 CSV set (stats, full history, failures, exceptions) for loadverdict's fixtures:
#   bash extractor/src/test/locust-runs/run.sh OUT_PREFIX [RUN_TIME]
# Starts examples/loadgen/shop_server.py (regressed mode, seed 5) on a free 127.0.0.1 port, runs
# Locust headless with 10 users spawned at 2/s for RUN_TIME (default 20s), then stops the server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../../.."   # repository root
export PYTHONDONTWRITEBYTECODE=1
out=$(realpath -m "${1:?OUT_PREFIX}"); run_time=${2:-20s}
export LOADVERDICT_LOCUST_JSON="$out.json"   # locustfile_quirks.py writes the --json data here
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
python3 examples/loadgen/shop_server.py "$port" --mode regressed --seed 5 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    python3 -c 'import sys, urllib.request; urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health", timeout=1)' "$port" 2>/dev/null && break
    sleep 0.2
done
# Locust exits 1 because the scenario fails requests and raises on purpose
timeout 120 locust -f extractor/src/test/locust-runs/locustfile_quirks.py --headless -u 10 -r 2 -t "$run_time" \
    --host "http://127.0.0.1:$port" --csv "$out" --csv-full-history --only-summary || true
