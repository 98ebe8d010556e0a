#!/usr/bin/env bash
# How large a data branch grows: records RUNS runs (default 100) into one suite on the loadverdict-data branch of a
# throwaway repository with a bare "origin", as the GitHub Action does on the default branch (baseline record
# --data-branch, the default retention), then prints the branch's files, its commits, the origin's size after
# `git gc`, the size of a fresh clone, and the time a record takes.
#
# The runs are real: the 24 JMeter A/A and slow-search runs in examples/jmeter-aa (and busy-machine/), each recorded
# whole and with its first 1 to 4 s left out (--skip-warmup), so every recorded run is a distinct real run.
#
#   bash bench/data-branch.sh           # 100 runs
#   RUNS=10 bash bench/data-branch.sh   # quick
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${RUNS:-100}
jar="$root/cli/target/loadverdict.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package -pl cli -am)
work=$(mktemp -d "${TMPDIR:-/tmp}/loadverdict-data-branch.XXXXXX")
trap 'rm -rf "$work"' EXIT
git -c init.defaultBranch=main init --quiet --bare "$work/origin.git"
git clone --quiet "file://$work/origin.git" "$work/repo" 2>/dev/null
(cd "$work/repo" && git -c user.name=b -c user.email=b@b commit --quiet --allow-empty -m start && git push --quiet origin HEAD:main)

sources=()
for f in "$root"/examples/jmeter-aa/*.jtl.gz "$root"/examples/jmeter-aa/busy-machine/*.jtl.gz; do sources+=("$f"); done
recorded=0
started=$(date +%s%N)
for skip in 0 1 2 3 4; do
  for f in "${sources[@]}"; do
    [ "$recorded" -ge "$runs" ] && break 2
    args=(baseline record "$f" --suite shop --data-branch loadverdict-data)
    [ "$skip" -gt 0 ] && args+=(--skip-warmup "${skip}s")
    (cd "$work/repo" && GITHUB_SHA=$(printf '%040x' "$recorded") java -jar "$jar" "${args[@]}" 2>>"$work/record.log")
    recorded=$((recorded + 1))
  done
done
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))

tree_bytes=$(git --git-dir="$work/origin.git" ls-tree -r -l loadverdict-data | awk '{s += $4} END {print s}')
files=$(git --git-dir="$work/origin.git" ls-tree -r --name-only loadverdict-data | grep -c history/)
full=$(git --git-dir="$work/origin.git" grep -l '"histogram"' loadverdict-data -- 'baselines/shop/history/*' | wc -l)
commits=$(git --git-dir="$work/origin.git" rev-list --count loadverdict-data)
git --git-dir="$work/origin.git" gc --quiet --prune=now
origin_kb=$(du -sk "$work/origin.git" | cut -f 1)
git clone --quiet --bare "file://$work/origin.git" "$work/clone.git" 2>/dev/null
clone_kb=$(du -sk "$work/clone.git" | cut -f 1)
echo "runs recorded:            $recorded ($(( elapsed_ms / recorded )) ms a record, JVM start and git included)"
echo "data branch:              $files history files ($full with full histograms), $tree_bytes bytes, $commits commit(s)"
echo "origin after git gc:      ${origin_kb} KB"
echo "a fresh clone (all refs): ${clone_kb} KB"
