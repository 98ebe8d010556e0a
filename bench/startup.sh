#!/usr/bin/env bash
# Start-up benchmark: wall time of the README's example compare and of --version, JVM start included, as a user runs
# them: through the launcher (./loadverdict: class-data archive and JIT settings of bin/jvm.sh) and as a bare
# 'java -jar' (neither). Rounds alternate the ways of running, so a noisy machine disturbs each alike; prints the
# median, min and max of each.
#
# With a JDK 25 (JAVA25=ITS_HOME, else JAVA_HOME_25_X64 or /usr/lib/jvm/*-25-*), the launcher also runs on it, with
# its AOT cache (bin/jvm.sh).
#
#   bash bench/startup.sh              # 9 rounds
#   ROUNDS=7 bash bench/startup.sh OLD.jar   # also a bare 'java -jar OLD.jar' (e.g. a build of an older commit)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rounds="${ROUNDS:-9}"
old_jar="${1:-}"
# shellcheck source=bin/jvm.sh
. "$root/bin/jvm.sh"
java25=$(lv_local_jdk25) || java25=""
./loadverdict --version >/dev/null # builds the jar and the class-data archive when needed
jar="$root/cli/target/loadverdict.jar"
compare=(compare --baseline examples/baselines/shop.json examples/runs/locust-unchanged/)

ways=("launcher" "java -jar")
if [ -n "$java25" ]; then
  echo "JDK 25: $java25" >&2
  JAVA_HOME="$java25" ./loadverdict --version >/dev/null # its AOT cache
  ways+=("launcher 25")
fi
[ -n "$old_jar" ] && ways+=("java -jar OLD")
run() { # way args...
  local way=$1
  shift
  case "$way" in
    launcher) ./loadverdict "$@" ;;
    "launcher 25") JAVA_HOME="$java25" ./loadverdict "$@" ;;
    "java -jar") java -jar "$jar" "$@" ;;
    "java -jar OLD") java -jar "$old_jar" "$@" ;;
  esac
}
times="$(mktemp)"
trap 'rm -f "$times"' EXIT
for ((i = 0; i < rounds; i++)); do
  for way in "${ways[@]}"; do
    for what in compare version; do
      if [ "$what" = compare ]; then args=("${compare[@]}"); else args=(--version); fi
      start=$(date +%s%N)
      run "$way" "${args[@]}" >/dev/null 2>&1 || true
      end=$(date +%s%N)
      echo "$way|$what|$(((end - start) / 1000000))" >>"$times"
    done
  done
done
echo "start-up, $rounds rounds on $(nproc) cores (load average $(cut -d ' ' -f 1-3 /proc/loadavg)); wall ms:"
for way in "${ways[@]}"; do
  for what in compare version; do
    grep -F "$way|$what|" "$times" | cut -d '|' -f 3 | sort -n | awk -v w="$way" -v t="$what" \
      '{a[NR] = $1} END {printf "  %-14s %-8s median %4d ms  (min %d, max %d)\n", w, t, a[int((NR + 1) / 2)], a[1], a[NR]}'
  done
done
