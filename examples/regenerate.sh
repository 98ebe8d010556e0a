#!/usr/bin/env bash
# Regenerate the example Locust runs under examples/runs/.
#
#   bash examples/regenerate.sh                 # all three runs
#   bash examples/regenerate.sh regressed       # just one (baseline|unchanged|regressed,
#                                               #  or the directory name locust-<run>)
#
# Each run starts examples/loadgen/shop_server.py on a free 127.0.0.1 port,
# drives it with Locust for RUN_TIME (default 60s), writes examples/runs/<run>/shop_*.csv
# and stops the server. Needs Debian's python3-locust (apt-get install -y python3-locust).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."   # repository root
export PYTHONDONTWRITEBYTECODE=1         # no __pycache__ next to the locustfile

PYTHON=${PYTHON:-python3}
LOCUST=${LOCUST:-locust}
RUN_TIME=${RUN_TIME:-60s}
USERS=20
SPAWN_RATE=10
MIN_REQUESTS=${MIN_REQUESTS:-200}        # every endpoint must get more than this

# run name -> "server mode, RNG seed"
declare -A MODE=([locust-baseline]=baseline [locust-unchanged]=baseline [locust-regressed]=regressed)
declare -A SEED=([locust-baseline]=1 [locust-unchanged]=2 [locust-regressed]=3)
ALL_RUNS=(locust-baseline locust-unchanged locust-regressed)

server_pid=""
tmp_dir=""
stop_server() {
    if [[ -n "$server_pid" ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
cleanup() {
    stop_server
    [[ -z "$tmp_dir" ]] || rm -rf "$tmp_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

wait_for_server() {
    local port=$1
    for _ in $(seq 1 50); do
        kill -0 "$server_pid" 2>/dev/null || { echo "server exited during start-up" >&2; return 1; }
        if "$PYTHON" -c 'import sys, urllib.request; urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health", timeout=1)' "$port" 2>/dev/null; then
            return 0
        fi
        sleep 0.2
    done
    echo "server did not answer on 127.0.0.1:$port" >&2
    return 1
}

check_counts() {  # every endpoint row in the stats CSV has more than MIN_REQUESTS requests
    "$PYTHON" - "$1" "$MIN_REQUESTS" <<'EOF'
import csv, sys
path, minimum = sys.argv[1], int(sys.argv[2])
rows = [r for r in csv.DictReader(open(path, newline="")) if r["Name"] != "Aggregated"]
low = [f'{r["Type"]} {r["Name"]}={r["Request Count"]}' for r in rows if int(r["Request Count"]) <= minimum]
if len(rows) != 5 or low:
    sys.exit(f"{path}: expected 5 endpoints with > {minimum} requests each; got {len(rows)} rows, too few: {low}")
EOF
}

run_one() {
    local run=$1 mode=${MODE[$1]} seed=${SEED[$1]} out="examples/runs/$1" port
    port=$(free_port)
    echo "== $run: mode=$mode seed=$seed port=$port run-time=$RUN_TIME"
    # write into a scratch directory; the run's files are replaced only if everything succeeded
    mkdir -p examples/runs
    tmp_dir=$(mktemp -d "examples/runs/.tmp-$run.XXXXXX")

    "$PYTHON" examples/loadgen/shop_server.py "$port" --mode "$mode" --seed "$seed" &
    server_pid=$!
    wait_for_server "$port"

    "$LOCUST" -f examples/loadgen/locustfile.py --headless -u "$USERS" -r "$SPAWN_RATE" -t "$RUN_TIME" \
        --host "http://127.0.0.1:$port" --csv "$tmp_dir/shop" --only-summary

    kill -0 "$server_pid" 2>/dev/null || { echo "server died during the run" >&2; exit 1; }
    stop_server
    check_counts "$tmp_dir/shop_stats.csv"
    local f
    for f in shop_stats.csv shop_stats_history.csv shop_failures.csv shop_exceptions.csv; do
        [[ -f "$tmp_dir/$f" ]] || { echo "locust did not write $f" >&2; exit 1; }
    done
    mkdir -p "$out"
    rm -f "$out"/shop_*.csv
    mv "$tmp_dir"/shop_*.csv "$out"/
    rm -rf "$tmp_dir"
    tmp_dir=""
}

runs=()
for arg in "$@"; do
    name=$arg; [[ $name == locust-* ]] || name="locust-$name"
    [[ -n "${MODE[$name]:-}" ]] || { echo "unknown run '$arg' (use baseline, unchanged or regressed)" >&2; exit 2; }
    runs+=("$name")
done
(( ${#runs[@]} )) || runs=("${ALL_RUNS[@]}")

for run in "${runs[@]}"; do
    run_one "$run"
done
echo "done: ${runs[*]}"
