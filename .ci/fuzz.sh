#!/usr/bin/env bash
# Fuzzes loadverdict's parsers with Jazzer (docs/fuzzing.md):
#   bash .ci/fuzz.sh                      every target for 5 minutes each
#   bash .ci/fuzz.sh 30s                  every target for 30 seconds each
#   bash .ci/fuzz.sh 2m k6Csv config      the targets named, 2 minutes each
#   bash .ci/fuzz.sh --list               the targets
# Each target runs in its own JVM with a bounded heap (-Dfuzz.heap=1g); a crash is saved as crash-* in the
# target's inputs directory (src/test/resources/**/<TestClass>Inputs/<target>/) and the run goes on. The
# summary at the end gives each target's executions and findings; the script exits 1 when any target found
# something (CI runs a few seconds per target), 2 on a usage error. Extra Maven flags: FUZZ_MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

targets() {
  grep -ho '<id>fuzz-[A-Za-z0-9]*</id>' codec/pom.xml extractor/pom.xml | sed 's/<id>fuzz-\(.*\)<\/id>/\1/'
}

if [ "${1:-}" = "--list" ]; then
  targets
  exit 0
fi
duration="${1:-5m}"
shift || true

args=(-B verify -Pfuzz -pl "codec,extractor" -am "-Dfuzz.duration=$duration")
# FUZZ_INSTRUMENT narrows Jazzer's coverage instrumentation (the fuzz profile's fuzz.instrument) to start faster
if [ -n "${FUZZ_INSTRUMENT:-}" ]; then
  args+=("-Dfuzz.instrument=$FUZZ_INSTRUMENT")
fi
if [ "$#" -gt 0 ]; then
  args+=(-Dfuzz.skipAll=true)
  for t in "$@"; do
    if ! targets | grep -qx "$t"; then
      echo "no fuzz target '$t' (bash .ci/fuzz.sh --list)" >&2
      exit 2
    fi
    args+=("-Dfuzz.skip.$t=false")
  done
fi
log=target/fuzz.log
mkdir -p target
# the finding files Jazzer leaves in the inputs directories: those there before the run are not this run's
findings() {
  find codec/src/test/resources extractor/src/test/resources -type f -path '*Inputs/*' \
    \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' -o -name 'leak-*' \) | sort
}
before=$(findings)
maven=0
# shellcheck disable=SC2086
./mvnw "${args[@]}" ${FUZZ_MAVEN_ARGS:-} 2>&1 | tee "$log" || maven=$?

# One line per target: its executions (libFuzzer's "Done N runs in S second(s)"), and its findings: each Java
# exception or libFuzzer error (timeout, out of memory) Jazzer reports, and a failed or crashed test JVM.
echo "== fuzz summary ($log)"
summary=$(awk '
  function flush() {
    if (target != "") {
      printf "%-24s %12s runs %6s s  %s\n", target, runs, secs, (found > 0 || failed) ? "FINDINGS: " found (failed ? ", test failed" : "") : "ok"
    }
  }
  /^\[INFO\] --- / { flush(); target = "" }
  /^\[INFO\] --- surefire:.*\(fuzz-[A-Za-z0-9]+\)/ {
    target = $0; sub(/.*\(fuzz-/, "", target); sub(/\).*/, "", target)
    runs = "?"; secs = "?"; found = 0; failed = 0; next
  }
  target == "" { next }
  /^\[INFO\] Tests are skipped/ { target = ""; next }
  /^Done [0-9]+ runs in [0-9]+ second/ { runs = $2; secs = $5 }
  /^== Java Exception:/ || /ERROR: libFuzzer: (timeout|out-of-memory)/ { found++ }
  /<<< (FAILURE|ERROR)!/ || /There was an error in the forked process/ || /The forked VM terminated/ { failed = 1 }
  END { flush() }
' "$log")
echo "$summary"
new=$(comm -13 <(echo "$before") <(findings) | sed '/^$/d')
if [ -n "$new" ]; then
  echo "== new finding files (see docs/fuzzing.md, 'When a target finds something'):"
  echo "$new"
fi
if [ "$maven" -ne 0 ] || [ -n "$new" ] || grep -q 'FINDINGS' <<<"$summary" || ! grep -q . <<<"$summary"; then
  echo "!! fuzzing found something, or did not run (Maven exit $maven)" >&2
  exit 1
fi
echo "no findings"
