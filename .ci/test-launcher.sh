#!/usr/bin/env bash
# The launcher's class-data archives (bin/jvm.sh, ./loadverdict) and the action's (cds.sh, run.sh), on the JDK on PATH
# and, when this machine has one, a JDK 25 (its AOT cache):
#   - the first command makes the archive, later ones load loadverdict's classes from it, and the report is the same;
#   - the JVM's own warnings never reach stdout (a mismatched archive makes JDK 17 warn there by default);
#   - each JDK keeps its own archive: switching between them remakes neither;
#   - a rebuilt jar, an archive made for another java, or one whose JDK now declares another kind is never used:
#     JDK 25 itself used an old cache's classes after the jar was rebuilt, so these checks keep a cache fresh;
#   - a java that is no JDK's own binary (a version manager's shim) gets no archive, and its commands still work;
#   - the action keeps an archive only when its cache restored it, replaces a damaged one, and never keeps a file left
#     at the archive's path by an earlier job;
#   - no crash report (hs_err_pid*.log) is left behind by a start check of a damaged archive;
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
touch "$work/started"
# shellcheck source=bin/jvm.sh
. "$lv/bin/jvm.sh"

fail() {
  echo "!! $*" >&2
  exit 1
}
feature_of() { # java-home: its feature release, from its release file
  lv_jdk_feature "$1/bin/java" || fail "$1 has no release file"
  echo "$lv_feature"
}

homes=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
java25=$(lv_local_jdk25) || java25=""
if [ -n "$java25" ] && [ ! "$java25/bin/java" -ef "${homes[0]}/bin/java" ]; then
  homes+=("$java25")
else
  echo "== no second JDK (25) on this machine: only the java on PATH is tested (JAVA25=HOME names one)"
fi

compare=(compare --baseline examples/baselines/shop.json examples/runs/locust-regressed/ --report "md,html,junit,json")
launch() { # java-home name [PATH]: the README's compare through the launcher, in the copy
  local status=0
  (cd "$lv" && JAVA_HOME=$1 PATH=${3:-$PATH} LOADVERDICT_JAVA_OPTS="-Xlog:class+load=info:file=$work/$2.classes" \
    ./loadverdict "${compare[@]}" --out-dir "$work/$2.reports") >"$work/$2.out" 2>"$work/$2.err" || status=$?
  # exit 1 is also what a JVM that cannot start returns: the report must be there too
  if [ "$status" -ne 1 ] || ! grep -q '^loadverdict: FAIL' "$work/$2.out"; then
    fail "$2: the regressed compare exited $status without its report: $(cat "$work/$2.err")"
  fi
  ! grep -q '^\[' "$work/$2.out" || fail "$2: JVM logging on stdout: $(grep '^\[' "$work/$2.out" | head -n 3)"
}
made() { grep -q "preparing a class-data archive" "$work/$1.err"; }
shared() { grep -q "dev.loadverdict.cli.Main source: shared objects file" "$work/$1.classes"; }
archive_of() { # feature: sets kind and archive
  if [ "$1" -ge 25 ]; then kind=aot archive="$lv/cli/target/loadverdict.aot"; else kind=cds archive="$lv/cli/target/loadverdict.jsa"; fi
}

for home in "${homes[@]}"; do
  feature=$(feature_of "$home")
  archive_of "$feature"
  name=jdk$feature
  launch "$home" "$name-first"
  made "$name-first" || fail "$name: the first command made no archive"
  [ -s "$archive" ] || fail "$name: no $archive"
  [ "$(sed -n 2p "$archive.java")" = "$kind" ] || fail "$name: $archive.java does not say $kind: $(cat "$archive.java")"
  launch "$home" "$name-second"
  ! made "$name-second" || fail "$name: the second command made the archive again"
  shared "$name-second" || fail "$name: the second command did not load loadverdict's classes from the archive"
  cmp -s "$work/$name-first.out" "$work/$name-second.out" || fail "$name: the output changed with the archive"
  # the archive was trained on raw samples too (dev.loadverdict.cli.Training): a JTL's reading loads its classes from it
  (cd "$lv" && JAVA_HOME=$home LOADVERDICT_JAVA_OPTS="-Xlog:class+load=info:file=$work/$name-raw.classes" \
    ./loadverdict extract examples/jmeter-aa/aa-02.jtl.gz -o "$work/$name-raw.json") >/dev/null 2>"$work/$name-raw.err" \
    || fail "$name: extract of a raw JTL failed: $(cat "$work/$name-raw.err")"
  for class in jmeter.JtlCsvFormat\$Rows jmeter.LabelCache internal.SampleAggregator; do
    grep -qF "dev.loadverdict.extractor.$class source: shared objects file" "$work/$name-raw.classes" \
      || fail "$name: $class of a raw JTL's reading is not in the archive"
  done
  # the JVM's warnings go to stderr: the archive with a jar elsewhere (JDK 17 warns of the mismatch, on stdout by default)
  cp "$lv_jar" "$work/moved.jar"
  lv_cds_usable "$home/bin/java" "$lv_jar" "$archive" || fail "$name: its own archive is not usable"
  "$home/bin/java" "${lv_cds_use[@]}" -jar "$work/moved.jar" --version >"$work/moved.out" 2>"$work/moved.err"
  if [ "$(grep -c '' "$work/moved.out")" -ne 2 ] || ! grep -q '^loadverdict ' "$work/moved.out"; then
    fail "$name: more than the version on stdout: $(cat "$work/moved.out")"
  fi
  if [ "$kind" = cds ]; then # the check above is not empty: without the options, the warning is on stdout
    "$home/bin/java" -XX:SharedArchiveFile="$archive" -jar "$work/moved.jar" --version >"$work/moved-plain.out" 2>&1
    grep -q '^\[.*warning' "$work/moved-plain.out" || fail "$name: a moved jar no longer makes JDK $feature warn"
    grep -q 'warning' "$work/moved.err" || fail "$name: the mismatch warning is not on stderr either"
  fi
  echo "== launcher on JDK $feature: $kind archive made once ($(du -k "$archive" | cut -f 1) KB), then used; JVM warnings on stderr"
done

if [ "${#homes[@]}" -gt 1 ]; then
  # each JDK its archive: back on the first JDK, its archive is still there and used
  launch "${homes[0]}" back
  ! made back || fail "switching back to the first JDK remade its archive"
  shared back || fail "back on the first JDK, its archive was not used"
  echo "== each JDK keeps its archive"
fi

for home in "${homes[@]}"; do
  feature=$(feature_of "$home")
  archive_of "$feature"
  name=jdk$feature
  # a rebuilt jar: the archive is made anew, and not used before that
  touch "$lv_jar"
  ! lv_cds_usable "$home/bin/java" "$lv_jar" "$archive" || fail "$name: an archive older than the jar counts as usable"
  launch "$home" "$name-rebuilt"
  made "$name-rebuilt" || fail "$name: a rebuilt jar kept the old archive"
  # an archive made for another java is not used
  cp "$archive.java" "$work/archive.java"
  printf '/bin/sh\n%s\n' "$kind" >"$archive.java"
  ! lv_cds_usable "$home/bin/java" "$lv_jar" "$archive" || fail "$name: an archive made for another java counts as usable"
  # nor one whose JDK declares a version of the other kind (a JDK replaced in place): JDK 17 would not start with -XX:AOTCache
  if [ "$kind" = aot ]; then other=cds; else other=aot; fi
  printf '%s\n%s\n' "$(sed -n 1p "$work/archive.java")" "$other" >"$archive.java"
  ! lv_cds_usable "$home/bin/java" "$lv_jar" "$archive" || fail "$name: a $other archive counts as usable on JDK $feature"
  cp "$work/archive.java" "$archive.java"
  lv_cds_usable "$home/bin/java" "$lv_jar" "$archive" || fail "$name: its own archive is not usable"
  # a truncated archive does not pass the start check, and leaves no crash report behind
  head -c 100000 "$archive" >"$work/truncated"
  (cd "$lv" && ! lv_cds_starts "$home/bin/java" "$lv_jar" "$work/truncated" "$kind") \
    || fail "$name: a truncated archive passed the start check"
  echo "== launcher on JDK $feature: remade for a rebuilt jar; one for another java or of the other kind is not used"
done

# a jar from before dev.loadverdict.cli.Training (the action running a pinned older release): trained with a compare alone
command -v zip >/dev/null || fail "zip is needed to make a jar without the Training class (apt-get install zip)"
mkdir -p "$work/old-jar"
cp "$lv_jar" "$work/old-jar/loadverdict.jar"
zip -q -d "$work/old-jar/loadverdict.jar" 'dev/loadverdict/cli/Training.class'
# unzip exits 11 when no entry matches
! unzip -l "$work/old-jar/loadverdict.jar" 'dev/loadverdict/cli/Training.class' >/dev/null 2>&1 \
  || fail "Training is still in the old jar"
for home in "${homes[@]}"; do
  feature=$(feature_of "$home")
  old_archive="$work/old-jar/archive-$feature"
  lv_cds_create "$home/bin/java" "$work/old-jar/loadverdict.jar" "$old_archive" "$lv/examples" \
    || fail "JDK $feature: no archive for a jar without the Training class"
  lv_cds_usable "$home/bin/java" "$work/old-jar/loadverdict.jar" "$old_archive" \
    || fail "JDK $feature: the archive of a jar without the Training class is not usable"
  "$home/bin/java" "${lv_cds_use[@]}" -Xlog:class+load=info:file="$work/old-jar-$feature.classes" \
    -jar "$work/old-jar/loadverdict.jar" --version >/dev/null 2>&1 || fail "JDK $feature: the old jar did not start"
  shared "old-jar-$feature" || fail "JDK $feature: the old jar's archive does not hold its classes (trained on nothing?)"
done
echo "== a jar without the Training class: archive trained with a compare, on each JDK"

# a version manager's shim (jenv, asdf): the same path runs whichever JDK is chosen, so it gets no archive
mkdir -p "$work/shim"
printf '#!/bin/sh\nexec "%s/bin/java" "$@"\n' "${homes[${#homes[@]} - 1]}" >"$work/shim/java"
chmod +x "$work/shim/java"
rm -f "$lv/cli/target/loadverdict".{aot,jsa}* "$lv/target/loadverdict-cds.failed"
launch "" shim "$work/shim:$PATH"
! made shim || fail "a shim got an archive"
for left in "$lv/cli/target/"*.aot "$lv/cli/target/"*.jsa; do
  [ ! -e "$left" ] || fail "a shim left an archive: $left"
done
launch "" shim-again "$work/shim:$PATH"
echo "== a shim's java: no archive, the same report"

if [ "${#homes[@]}" -gt 1 ]; then
  # the two JDKs write the same reports and runs
  first=jdk$(feature_of "${homes[0]}") second=jdk$(feature_of "${homes[1]}")
  for f in report.md report.html junit.xml comparison.json; do
    cmp "$work/$first-second.reports/$f" "$work/$second-second.reports/$f" || fail "$first and $second wrote different $f"
  done
  for run in examples/jmeter-aa/aa-01.jtl.gz examples/k6-slo/*.json* examples/runs/locust-unchanged/; do
    [ -e "$run" ] || continue
    for i in 0 1; do
      "${homes[$i]}/bin/java" -jar "$jar" extract "$run" -o "$work/extract-$i.json" 2>/dev/null \
        || fail "extract $run on ${homes[$i]} failed"
    done
    cmp "$work/extract-0.json" "$work/extract-1.json" || fail "$first and $second extract $run differently"
  done
  echo "== $first and $second write the same reports and extract the same runs"
fi

# The action: cds.sh key and prepare, then run.sh, with the java lv_action_java picks (the runner's JDK 25 when it has one)
action_env=(env -i PATH="$PATH" HOME="$work/home" RUNNER_OS=Linux GITHUB_ACTIONS=true)
for home in "${homes[@]}"; do
  feature=$(feature_of "$home")
  env25=()
  [ "$feature" -ge 25 ] && env25=(JAVA_HOME_25_X64="$home")
  : >"$work/cds-output"
  "${action_env[@]}" "${env25[@]}" GITHUB_OUTPUT="$work/cds-output" bash "$lv/.github/actions/loadverdict/cds.sh" key "$lv_jar"
  path=$(sed -n 's/^path=//p' "$work/cds-output")
  key=$(sed -n 's/^key=//p' "$work/cds-output")
  if [ -z "$path" ] || [ -z "$key" ]; then fail "action on JDK $feature: cds.sh key wrote no path or key"; fi
  prepare() { # name restored
    : >"$work/cds-output"
    "${action_env[@]}" "${env25[@]}" GITHUB_OUTPUT="$work/cds-output" \
      bash "$lv/.github/actions/loadverdict/cds.sh" prepare "$lv_jar" "$path" "$2" 2>"$work/$1.err"
    grep -q '^usable=true$' "$work/cds-output" || fail "action on JDK $feature, $1: no usable archive: $(cat "$work/$1.err")"
  }
  rm -rf "${work:?}/home"
  prepare fresh false
  grep -q '^created=true$' "$work/cds-output" || fail "action on JDK $feature: no archive created"
  # restored from the cache: the archive alone, without the file that says which java it is for
  rm -f "$path.java"
  prepare restored true
  grep -q '^created=false$' "$work/cds-output" || fail "action on JDK $feature: a restored archive was made anew"
  # the same file, but the cache missed (a file left in a self-hosted runner's home): made anew
  prepare left-over false
  grep -q '^created=true$' "$work/cds-output" || fail "action on JDK $feature: a file the cache did not restore was kept"
  # a damaged archive restored from the cache is replaced
  head -c 100000 "$path" >"$path.cut" && mv -f "$path.cut" "$path" && rm -f "$path.java"
  prepare damaged true
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
  echo "== action on JDK $feature: archive made, kept only when restored, replaced when damaged or left over, used by run.sh"
done

crash_reports=$(find "$root" "$lv" -maxdepth 1 -name 'hs_err_pid*.log' -newer "$work/started" 2>/dev/null || true)
[ -z "$crash_reports" ] || fail "crash reports left behind: $crash_reports"
