#!/usr/bin/env bash
# Fuzzes loadverdict's parsers with Jazzer (docs/fuzzing.md):
#   bash .ci/fuzz.sh                      every target for 5 minutes each
#   bash .ci/fuzz.sh 30s                  every target for 30 seconds each
#   bash .ci/fuzz.sh 2m k6Csv config      the targets named, 2 minutes each
#   bash .ci/fuzz.sh --list               the targets
# Each target runs in its own JVM with a bounded heap (-Dfuzz.heap=1g); a crash is saved as crash-* in the
# target's inputs directory (src/test/resources/**/<TestClass>Inputs/<target>/) and the run goes on. The
# summary at the end lists the targets that found something. Extra Maven flags: FUZZ_MAVEN_ARGS.
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
# shellcheck disable=SC2086
./mvnw "${args[@]}" ${FUZZ_MAVEN_ARGS:-} 2>&1 | tee "$log"
echo "== fuzz summary ($log)"
grep -E '^\[(ERROR|WARNING)\] (Tests run:.*FAILURE|.*FuzzTest\.[a-zA-Z0-9]+.*(ERROR|FAILURE))' "$log" || echo "no findings"
grep -E '^(#[0-9]+\s+DONE|Done [0-9]+ runs)' "$log" || true
