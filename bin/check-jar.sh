#!/usr/bin/env bash
# Checks the runnable jar (cli/target/loadverdict.jar, built first) against what it was made from. The shade plugin
# cuts fastutil down to the classes loadverdict's dependencies reference (cli/pom.xml) and keeps everything else whole;
# this fails when that went wrong:
#   - a class of any other runtime dependency is missing from the jar (a new dependency that was not added to the
#     pom's list of artifacts kept whole would be cut down too, and might need what was cut by reflection);
#   - a class in the jar refers to a fastutil class the jar lacks (jdeps);
#   - picocli is not Java 17 bytecode (its released jar is Java 5's, which a class-data archive cannot hold).
# Prints one line when all is well. Used by .ci/run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar="$root/cli/target/loadverdict.jar"
# the jars it was made of, written by the same build (cli/pom.xml): this build's own modules, never an older install
classpath="$root/cli/target/runtime-classpath.txt"
if [ ! -f "$jar" ] || [ ! -f "$classpath" ]; then
  echo "check-jar: no $jar with its runtime-classpath.txt; build them first (./mvnw -B -DskipTests package)" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -Z1 "$jar" | awk '/\.class$/' | sort -u >"$work/in-jar"
missing=0 checked=0
while IFS= read -r dependency; do
  case "$dependency" in */fastutil-*.jar) continue ;; esac
  [ -n "$dependency" ] || continue
  [ ! -d "$dependency" ] || continue # a module's target/classes: loadverdict's own, kept whole
  if [ ! -f "$dependency" ]; then
    echo "check-jar: $dependency, on the jar's runtime class path, does not exist" >&2
    exit 2
  fi
  unzip -Z1 "$dependency" | awk '/\.class$/ && !/module-info\.class$/' | sort -u >"$work/wanted"
  checked=$((checked + 1))
  if ! comm -23 "$work/wanted" "$work/in-jar" >"$work/lacking" || [ -s "$work/lacking" ]; then
    echo "check-jar: $(wc -l <"$work/lacking") classes of $(basename "$dependency") are not in the jar, e.g. $(head -n 1 "$work/lacking")" >&2
    missing=1
  fi
done < <(tr ':' '\n' <"$classpath")
[ "$missing" -eq 0 ] || exit 1
if [ "$checked" -eq 0 ]; then
  echo "check-jar: $classpath names no dependency jar to check" >&2
  exit 2
fi

jdeps="${JAVA_HOME:+$JAVA_HOME/bin/}jdeps"
if ! command -v "$jdeps" >/dev/null 2>&1; then
  echo "check-jar: no jdeps (a JDK's bin/, from JAVA_HOME or PATH) to check the jar's references with" >&2
  exit 2
fi
if ! "$jdeps" -verbose:class --multi-release 17 -cp "$jar" "$jar" >"$work/jdeps" 2>"$work/jdeps.err"; then
  echo "check-jar: jdeps failed: $(head -n 1 "$work/jdeps.err")" >&2
  exit 2
fi
grep 'not found' "$work/jdeps" | grep ' it\.unimi\.dsi\.' >"$work/fastutil-missing" || true
if [ -s "$work/fastutil-missing" ]; then
  echo "check-jar: classes in the jar need fastutil classes it lacks:" >&2
  head -n 5 "$work/fastutil-missing" >&2
  exit 1
fi
# picocli is compiled for Java 17 (the picocli module): JDK 17 leaves Java 5 bytecode out of a class-data archive
unzip -q -o "$jar" picocli/CommandLine.class -d "$work"
major=$(od -An -tu1 -N8 "$work/picocli/CommandLine.class" | awk '{print $7 * 256 + $8}')
if [ "${major:-0}" -lt 61 ]; then
  echo "check-jar: picocli/CommandLine.class is class version ${major:-unknown}, not Java 17's 61: the class-data archive" \
    "cannot hold it (is the picocli module built?)" >&2
  exit 1
fi
echo "check-jar: every class of $checked dependencies is in the jar, and nothing in it needs a fastutil class it lacks" \
  "($(grep -c '^it/unimi/dsi/' "$work/in-jar") of fastutil's classes kept)"
