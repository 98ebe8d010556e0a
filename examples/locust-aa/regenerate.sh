#!/usr/bin/env bash
# Real Locust runs for judging loadverdict's detection (see README.md here), each against
# examples/loadgen/shop_server.py on 127.0.0.1 with Debian's python3-locust, 20 users spawned at 10/s,
# Locust's --csv output as written (stats, history with per-endpoint rows, failures, exceptions):
#
#   aa30-01 … aa30-06     the unchanged shop (mode baseline, seeds 1-6), 30 s each: A/A pairs
#   aa120-01 … aa120-06   the same, 2 minutes each
#   search-1.25x          30 s, only GET /api/search 25% slower (a mild change)
#   search-2x             30 s, only GET /api/search twice as slow (a strong change)
#   checkout-errors       30 s, only POST /api/checkout fails more (5% HTTP 500 instead of 0.5%)
#
#   bash examples/locust-aa/regenerate.sh            # all of them, about 20 minutes
#   bash examples/locust-aa/regenerate.sh aa30-03    # one
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PYTHONDONTWRITEBYTECODE=1
out=examples/locust-aa
locust=${LOCUST:-locust}

# name -> "mode seed seconds"
declare -A RUNS
for i in 1 2 3 4 5 6; do
  RUNS[aa30-0$i]="baseline $i 30"
  RUNS[aa120-0$i]="baseline $((10 + i)) 120"
done
RUNS[search-1.25x]="search-1.25x 21 30"
RUNS[search-2x]="search-2x 22 30"
RUNS[checkout-errors]="checkout-errors 23 30"
ORDER=(aa30-01 aa30-02 aa30-03 aa30-04 aa30-05 aa30-06 search-1.25x search-2x checkout-errors
  aa120-01 aa120-02 aa120-03 aa120-04 aa120-05 aa120-06)

server=""
scratch=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [ -n "$scratch" ] && rm -rf "$scratch"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

run() { # name
  local name=$1 mode seed seconds port
  read -r mode seed seconds <<<"${RUNS[$name]}"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  echo "== $name: mode $mode, seed $seed, ${seconds}s, port $port, load average $(cut -d ' ' -f 1 /proc/loadavg)"
  python3 examples/loadgen/shop_server.py "$port" --mode "$mode" --seed "$seed" &
  server=$!
  for _ in $(seq 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/health', timeout=1)" 2>/dev/null && break
    sleep 0.1
  done
  scratch=$(mktemp -d)
  timeout $((seconds + 60)) "$locust" -f examples/loadgen/locustfile.py --headless -u 20 -r 10 -t "${seconds}s" \
    --host "http://127.0.0.1:$port" --csv "$scratch/run" --csv-full-history --only-summary >"$scratch/locust.log" 2>&1 \
    || { echo "!! locust failed:"; tail -n 20 "$scratch/locust.log"; exit 1; }
  kill "$server"; wait "$server" 2>/dev/null || true   # the server ends by SIGTERM: exit 143
  server=""
  mkdir -p "$out/$name"
  rm -f "$out/$name"/run_*.csv
  mv "$scratch"/run_*.csv "$out/$name/"
  rm -rf "$scratch"
  scratch=""
  echo "   $(tail -n 1 "$out/$name/run_stats.csv" | cut -d ',' -f 3,4) (requests, failures of the Aggregated row)"
}

names=("$@")
[ "${#names[@]}" -gt 0 ] || names=("${ORDER[@]}")
for name in "${names[@]}"; do
  [ -n "${RUNS[$name]:-}" ] || { echo "unknown run $name (one of: ${ORDER[*]})" >&2; exit 2; }
  run "$name"
done
