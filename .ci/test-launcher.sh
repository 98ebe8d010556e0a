#!/usr/bin/env bash
# The launcher's class-data archives (bin/jvm.sh, ./loadverdict) and the action's (cds.sh, run.sh), on JDK 17 and, when
# this machine has one, JDK 25 (its AOT cache):
#   - the first command makes the archive, later ones load loadverdict's classes from it, and it prints nothing on stdout;
#   - each JDK keeps its own archive: switching between them remakes neither;
#   - a rebuilt jar, or an archive made for another java, is never used: JDK 25 itself used an old cache's classes after
#     the jar was rebuilt, so this check is what keeps a cache fresh;
#   - a damaged archive restored from the action's cache is replaced, not used (JDK 17 crashes on a truncated one);
#   - JDK 17 and 25 write the same reports and extract the same runs.
# Works on a copy of the launcher, bin/, examples/ and the jar in target/launcher-test, never on cli/target.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jar="$root/cli/target/loadverdict.jar"
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl cli -am
work="$root/target/launcher-test"
rm -rf "$work" && mkdir -p "$work/lv/cli/target" "$work/lv/bin" "$work/lv/.github/actions"
cp loadverdict "$work/lv/" && cp bin/jvm.sh "$work/lv/bin/" && cp -r examples "$work/lv/" \
  && cp -r .github/actions/loadverdict "$work/lv/.github/actions/" && cp "$jar" "$work/lv/cli/target/"
lv="$work/lv"
lv_jar="$lv/cli/target/loadverdict.jar"
# shellcheck source=bin/jvm.sh
. "$lv/bin/jvm.sh"

java17=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
java25=${JAVA25:-${JAVA_HOME_25_X64:-}}
if [ -z "$java25" ]; then
  for candidate in /usr/lib/jvm/*-25-*; do
    [ -x "$candidate/bin/java" ] && java25=$candidate && break
  done
fi
homes=("$java17")
if [ -n "$java25" ] && [ -x "$java25/bin/java" ]; then
  homes+=("$java25")
else
  echo "== no JDK 25 on this machine: the AOT cache is not tested (JAVA25=HOME names one)"
fi

fail() {
  echo "!! $*" >&2
  exit 1
}
compare=(compare --baseline examples/baselines/shop.json examples/runs/locust-regressed/ --report "md,html,junit,json")
launch() { # java-home name: the README's compare through the launcher, in the copy
  local status=0
  (cd "$lv" && JAVA_HOME=$1 LOADVERDICT_JAVA_OPTS="-Xlog:class+load=info:file=$work/$2.classes" \
    ./loadverdict "${compare[@]}" --out-dir "$work/$2.reports") >"$work/$2.out" 2>"$work/$2.err" || status=$?
  [ "$status" -eq 1 ] || fail "$2: the regressed compare exited $status, expected 1: $(cat "$work/$2.err")"
  ! grep -q '^\[' "$work/$2.out" || fail "$2: JVM logging on stdout: $(grep '^\[' "$work/$2.out" | head -n 3)"
}
made() { grep -q "preparing a class-data archive" "$work/$1.err"; }
shared() { grep -q "dev.loadverdict.cli.Main source: shared objects file" "$work/$1.classes"; }

for home in "${homes[@]}"; do
  feature=$("$home/bin/java" -version 2>&1 | sed -n '1s/[^"]*"\([0-9]*\).*/\1/p')
  if [ "$feature" -ge 25 ]; then kind=aot archive="$lv/cli/target/loadverdict.aot"; else kind=cds archive="$lv/cli/target/loadverdict.jsa"; fi
  name=jdk$feature
  launch "$home" "$name-first"
  made "$name-first" || fail "$name: the first command made no archive"
  [ -s "$archive" ] || fail "$name: no $archive"
  [ "$(sed -n 2p "$archive.java")" = "$kind" ] || fail "$name: $archive.java does not say $kind: $(cat "$archive.java")"
  launch "$home" "$name-second"
  ! made "$name-second" || fail "$name: the second command made the archive again"
  shared "$name-second" || fail "$name: the second command did not load loadverdict's classes from the archive"
  cmp -s "$work/$name-first.out" "$work/$name-second.out" || fail "$name: the output changed with the archive"
  echo "== launcher on JDK $feature: $kind archive made once ($(du -k "$archive" | cut -f 1) KB), then used"
done

if [ "${#homes[@]}" -gt 1 ]; then
  # each JDK its archive: back on JDK 17, its archive is still there and used
  launch "${homes[0]}" back
  ! made back || fail "switching back to JDK 17 remade its archive"
  shared back || fail "back on JDK 17, its archive was not used"
  echo "== JDK 17 and 25 each keep their archive"
fi

for home in "${homes[@]}"; do
  feature=$("$home/bin/java" -version 2>&1 | sed -n '1s/[^"]*"\([0-9]*\).*/\1/p')
  if [ "$feature" -ge 25 ]; then kind=aot archive="$lv/cli/target/loadverdict.aot"; else kind=cds archive="$lv/cli/target/loadverdict.jsa"; fi
  name=jdk$feature
  # a rebuilt jar: the archive is made anew, and not used before that
  touch "$lv_jar"
  launch "$home" "$name-rebuilt"
  made "$name-rebuilt" || fail "$name: a rebuilt jar kept the old archive"
  # an archive made for another java is not used, and not replaced by a failed attempt either
  cp "$archive.java" "$work/archive.java"
  printf '/bin/sh\n%s\n' "$kind" >"$archive.java"
  ! lv_cds_usable "$home/bin/java" "$lv_jar" "$archive" \
    || fail "$name: an archive made for another java counts as usable"
  cp "$work/archive.java" "$archive.java"
  lv_cds_usable "$home/bin/java" "$lv_jar" "$archive" || fail "$name: its own archive is not usable"
  # a truncated archive does not pass the start check
  head -c 100000 "$archive" >"$work/truncated"
  { ! lv_cds_starts "$home/bin/java" "$lv_jar" "$work/truncated" "$kind"; } 2>/dev/null \
    || fail "$name: a truncated archive passed the start check"
  echo "== launcher on JDK $feature: remade for a rebuilt jar; one made for another java or truncated is not used"
done

if [ "${#homes[@]}" -gt 1 ]; then
  # JDK 17 and 25 write the same reports and runs
  for f in report.md report.html junit.xml comparison.json; do
    cmp "$work/jdk17-second.reports/$f" "$work/jdk25-second.reports/$f" || fail "JDK 17 and 25 wrote different $f"
  done
  for run in examples/jmeter-aa/aa-01.jtl.gz examples/k6-slo/*.json* examples/runs/locust-unchanged/; do
    [ -e "$run" ] || continue
    for each in "${homes[@]}"; do
      "$each/bin/java" -jar "$jar" extract "$run" -o "$work/extract-$(basename "$each").json" 2>/dev/null \
        || fail "extract $run on $each failed"
    done
    cmp "$work/extract-$(basename "${homes[0]}").json" "$work/extract-$(basename "${homes[1]}").json" \
      || fail "JDK 17 and 25 extract $run differently"
  done
  echo "== JDK 17 and 25 write the same reports and extract the same runs"
fi

# The action: cds.sh key and prepare, then run.sh, with the java lv_action_java picks (the runner's JDK 25 when it has one)
action_env=(env -i PATH="$PATH" HOME="$work/home" RUNNER_OS=Linux GITHUB_ACTIONS=true)
for home in "${homes[@]}"; do
  feature=$("$home/bin/java" -version 2>&1 | sed -n '1s/[^"]*"\([0-9]*\).*/\1/p')
  env25=()
  [ "$feature" -ge 25 ] && env25=(JAVA_HOME_25_X64="$home")
  : >"$work/cds-output"
  "${action_env[@]}" "${env25[@]}" GITHUB_OUTPUT="$work/cds-output" bash "$lv/.github/actions/loadverdict/cds.sh" key "$lv_jar"
  path=$(sed -n 's/^path=//p' "$work/cds-output")
  key=$(sed -n 's/^key=//p' "$work/cds-output")
  if [ -z "$path" ] || [ -z "$key" ]; then fail "action on JDK $feature: cds.sh key wrote no path or key"; fi
  prepare() { # name
    : >"$work/cds-output"
    "${action_env[@]}" "${env25[@]}" GITHUB_OUTPUT="$work/cds-output" \
      bash "$lv/.github/actions/loadverdict/cds.sh" prepare "$lv_jar" "$path" 2>"$work/$1.err"
    grep -q '^usable=true$' "$work/cds-output" || fail "action on JDK $feature, $1: no usable archive: $(cat "$work/$1.err")"
  }
  rm -rf "${work:?}/home"
  prepare fresh
  grep -q '^created=true$' "$work/cds-output" || fail "action on JDK $feature: no archive created"
  # restored from the cache: the archive alone, without the file that says which java it is for
  rm -f "$path.java"
  prepare restored
  grep -q '^created=false$' "$work/cds-output" || fail "action on JDK $feature: a restored archive was made anew"
  # a damaged archive restored from the cache is replaced
  head -c 100000 "$path" >"$path.cut" && mv -f "$path.cut" "$path" && rm -f "$path.java"
  prepare damaged
  grep -q '^created=true$' "$work/cds-output" || fail "action on JDK $feature: a damaged archive was kept"
  # run.sh with the archive: the same verdict and outputs, its classes from the archive
  : >"$work/run-output"
  status=0
  (cd "$lv" && "${action_env[@]}" "${env25[@]}" GITHUB_OUTPUT="$work/run-output" GITHUB_EVENT_NAME=workflow_dispatch \
    GITHUB_STEP_SUMMARY="$work/summary" RUNNER_TEMP="$work" INPUT_RESULTS=examples/runs/locust-regressed/ \
    INPUT_BASELINE=examples/baselines/shop.json INPUT_FAIL_ON=critical INPUT_REPORT_FORMATS=md \
    INPUT_REPORT_DIR="$work/action-reports" INPUT_COMMENT_ON_PR=false INPUT_CREATE_ISSUES=false INPUT_RECORD=false \
    LOADVERDICT_JAR="$lv_jar" LOADVERDICT_CDS_ARCHIVE="$path" \
    LOADVERDICT_JAVA_OPTS="-Xlog:class+load=info:file=$work/action.classes" \
    bash .github/actions/loadverdict/run.sh) >"$work/action.out" 2>"$work/action.err" || status=$?
  [ "$status" -eq 1 ] || fail "action on JDK $feature: run.sh exited $status, expected 1: $(cat "$work/action.err")"
  grep -q '^verdict=fail$' "$work/run-output" || fail "action on JDK $feature: no verdict=fail"
  shared action || fail "action on JDK $feature: run.sh did not use the archive"
  expected=java
  [ "$feature" -ge 25 ] && expected="$home/bin/java"
  picked=$("${action_env[@]}" "${env25[@]}" bash -c ". '$lv/bin/jvm.sh' && lv_action_java")
  [ "$picked" = "$expected" ] || fail "action on JDK $feature: lv_action_java picked $picked, expected $expected"
  ! grep -q '^\[' "$work/action.out" || fail "action on JDK $feature: JVM logging on stdout"
  echo "== action on JDK $feature: archive made, kept when restored, replaced when damaged, used by run.sh"
done
