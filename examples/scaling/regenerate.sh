#!/usr/bin/env bash
# Real capacity (scaling) runs against examples/loadgen/shop_server.py --mode baseline on 127.0.0.1 with a bounded
# worker pool (see README.md here):
#
#   users-05 … users-50          JMeter 5.6.3, e2e/jmeter/plan.jmx, 5/10/20/50 threads for 20 s each,
#                                server --workers 8 --queue 40; CSV JTL, gzipped (gzip -9 -n)
#   slower/users-05 … users-50   the same against --workers 4 --queue 40: a capacity regression
#   locust-stepped/              one Locust run, examples/loadgen/locustfile_stepped.py (5 -> 10 -> 20 -> 50 users,
#                                20 s a step) against --workers 8 --queue 40; Locust's --csv --csv-full-history
#                                files as written
#
# One run after another, each with a fresh server (seed 1). About 4 minutes.
#
#   bash examples/scaling/regenerate.sh                 # everything
#   bash examples/scaling/regenerate.sh slower locust   # some: jmeter | slower | locust
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export PYTHONDONTWRITEBYTECODE=1   # no __pycache__ next to the locustfiles
. examples/loadgen/jmeter-runs.sh
out=examples/scaling
LEVELS=(5 10 20 50)
SECONDS_PER_LEVEL=20
QUEUE=40
locust=${LOCUST:-locust}

use_cleanup_traps

jmeter_curve() { # DIR WORKERS
  local dir=$1 workers=$2 users run
  scratch=$(mktemp -d)
  for users in "${LEVELS[@]}"; do
    run=users-$(printf %02d "$users")
    echo "== $dir/$run: $users threads, ${SECONDS_PER_LEVEL}s, --workers $workers --queue $QUEUE," \
      "load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
    start_shop --mode baseline --seed 1 --workers "$workers" --queue "$QUEUE"
    run_jmeter "$scratch/$run.jtl" "$users" "$SECONDS_PER_LEVEL"
    stop_shop
    gzip -9 -n "$scratch/$run.jtl"
  done
  mkdir -p "$dir"
  rm -f "$dir"/users-*.jtl.gz
  mv "$scratch"/users-*.jtl.gz "$dir/"
  rm -rf "$scratch"
  scratch=""
  python3 examples/loadgen/jtl_stats.py levels "$dir"/users-*.jtl.gz
}

locust_stepped() {
  local dir=$out/locust-stepped
  echo "== $dir: 5 -> 10 -> 20 -> 50 users, 20 s a step, --workers 8 --queue $QUEUE," \
    "load average $(cut -d ' ' -f 1-3 /proc/loadavg)"
  scratch=$(mktemp -d)
  start_shop --mode baseline --seed 1 --workers 8 --queue "$QUEUE"
  timeout 150 "$locust" -f examples/loadgen/locustfile_stepped.py --headless --host "http://127.0.0.1:$SHOP_PORT" \
    --csv "$scratch/stepped" --csv-full-history --only-summary >"$scratch/locust.log" 2>&1 \
    || { echo "!! locust failed:" >&2; tail -n 20 "$scratch/locust.log" >&2; exit 1; }
  stop_shop
  mkdir -p "$dir"
  rm -f "$dir"/stepped_*.csv
  mv "$scratch"/stepped_*.csv "$dir/"
  rm -rf "$scratch"
  scratch=""
  tail -n 1 "$dir/stepped_stats.csv" | cut -d ',' -f 3,4 | sed 's/^/   requests,failures (Aggregated): /'
}

find_jmeter
parts=("$@")
[ "${#parts[@]}" -gt 0 ] || parts=(jmeter slower locust)
for part in "${parts[@]}"; do
  case $part in
    jmeter) jmeter_curve "$out" 8 ;;
    slower) jmeter_curve "$out/slower" 4 ;;
    locust) locust_stepped ;;
    *) echo "unknown part $part (jmeter | slower | locust)" >&2; exit 2 ;;
  esac
done
