#!/usr/bin/env bash
# Real JMeter 5.6.3 history series, like a suite's nightly runs (see README.md here): 30 runs each of
# e2e/jmeter/plan.jmx, 12 threads for 10 s, against examples/loadgen/shop_server.py --mode baseline on 127.0.0.1,
# CSV JTL, gzipped (gzip -9 -n). Only GET /api/search's latency multiplier (--search-factor) changes:
#
#   step/run-01 … run-30    seeds 1-30; factor 1.0 for runs 1-20, 1.3 from run 21 (a 30% step)
#   drift/run-01 … run-30   seeds 101-130; factor 1.00 + 0.01*(i-1) for run i (1.00 … 1.29, 1% a run)
#
# Runs one after another; each series also gets runs.tsv (run, factor, seed, the machine's load average
# before the run, samples, start time UTC). About 8 minutes a series.
#
#   bash examples/history/regenerate.sh            # both series
#   bash examples/history/regenerate.sh drift      # one: step | drift
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. examples/loadgen/jmeter-runs.sh
THREADS=12
SECONDS_PER_RUN=10
MIN_SAMPLES=500   # a run with fewer samples is not a run: stop

use_cleanup_traps

factor() { # SERIES RUN
  case $1 in
    step) if [ "$2" -ge 21 ]; then echo 1.3; else echo 1.0; fi ;;
    drift) python3 -c "print(f'{1 + 0.01 * ($2 - 1):.2f}')" ;;
  esac
}

seed() { # SERIES RUN
  case $1 in
    step) echo "$2" ;;
    drift) echo $((100 + $2)) ;;
  esac
}

record_series() { # SERIES
  local series=$1 out=examples/history/$1 i run f s load started samples
  scratch=$(mktemp -d)
  printf 'run\tfactor\tseed\tloadavg\tsamples\tstart_utc\n' >"$scratch/runs.tsv"
  for i in $(seq 1 30); do
    run=run-$(printf %02d "$i")
    f=$(factor "$series" "$i")
    s=$(seed "$series" "$i")
    load=$(cut -d ' ' -f 1-3 /proc/loadavg)
    started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    start_shop --mode baseline --seed "$s" --search-factor "$f"
    run_jmeter "$scratch/$run.jtl" "$THREADS" "$SECONDS_PER_RUN"
    stop_shop
    samples=$(($(wc -l <"$scratch/$run.jtl") - 1))
    [ "$samples" -ge "$MIN_SAMPLES" ] || { echo "!! $series/$run: only $samples samples" >&2; exit 1; }
    gzip -9 -n "$scratch/$run.jtl"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$f" "$s" "$load" "$samples" "$started" >>"$scratch/runs.tsv"
    echo "$series/$run: factor $f, seed $s, load average $load, $samples samples"
  done
  mkdir -p "$out"
  rm -f "$out"/run-*.jtl.gz "$out/runs.tsv"
  mv "$scratch"/run-*.jtl.gz "$scratch/runs.tsv" "$out/"
  rm -rf "$scratch"
  scratch=""
}

find_jmeter
series=("$@")
[ "${#series[@]}" -gt 0 ] || series=(step drift)
for name in "${series[@]}"; do
  case $name in
    step | drift) record_series "$name" ;;
    *) echo "unknown series $name (step | drift)" >&2; exit 2 ;;
  esac
done
