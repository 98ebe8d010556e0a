# shellcheck shell=bash
# How loadverdict's launchers (./loadverdict, the GitHub Action) start the JVM: sourced, defines functions only.
#
# JIT: C2 compiles a method only after 50,000 calls (HotSpot's default is 5,000). A short command (a compare of a
# few MB) then never waits for C2 compilations on a 2-core runner, and the hot loops of a large file still get C2
# sooner, since fewer methods queue for it: measured on 2 cores, the README's compare 0.93 -> 0.77 s and a 1 GB JTL
# 2.4-3.1 -> 2.2-2.4 s (docs/performance.md). C2 also inlines less at a hot call site (FreqInlineSize 200 bytes of
# bytecode, HotSpot's default is 325): its compilations of the per-row code are smaller and done sooner while both cores
# read, and the compiled loops run as fast once compiled (docs/performance.md: from a fresh JVM, 256 MB Gatling log
# 2.0 -> 1.75 s, 1 GB generic NDJSON 3.2 -> 2.8 s, 1 GB JTL 2.7 -> 2.4 s, the same run JSON; 120 was faster still at
# 256 MB, but a quarter slower once compiled on Gatling's binary log).
#
# Class-data sharing: an archive of the classes a compare and a raw file's reading load, made once by a training run on
# examples/ (dev.loadverdict.cli.Training: the README's compare, and the extraction of a raw JTL and a raw k6 file) and
# named on later starts. On JDK 17 to 24 it is an AppCDS archive (-XX:ArchiveClassesAtExit, used with -XX:SharedArchiveFile).
# On JDK 25 or later it is an AOT cache (JEPs 483, 514, 515: -XX:AOTCacheOutput, used with -XX:AOTCache): its classes
# are loaded and linked ahead of time and it holds the training's method profiles, so the README's compare starts in
# about 0.43 s against 0.55 s on JDK 17 with its archive, and a 1 GB JTL reads about 5% sooner (docs/performance.md).
# The training runs tiered, with lv_jit_options: a C1-only training (lv_small_options) records no profiles, and with
# its cache a 1 GB JTL read 40% slower.
#
# Which archive goes with which JVM is the launcher's to check, not the JVM's: JDK 25.0.3 used an AOT cache's classes
# after the jar beside it was rebuilt (measured: the old class ran), so an archive is used only when it is newer than
# the jar, and only by the java it was made for: a file beside it, ARCHIVE.java, names that java's real path and the
# kind, and the JDK's release file must still declare a version of that kind (an AOT cache's option would stop a JDK 17
# from starting). A java that is no JDK's own binary (a version manager's shim, macOS's /usr/bin/java stub) gets no
# archive: what it runs can change under the same path. A damaged archive can crash the JVM, so one is used only after
# a JVM has started with it (-Xshare:on or -XX:AOTMode=on; the crash report goes nowhere), and it is written under a
# temporary name and renamed into place. The JVM's own logging is off but for warnings and errors, which go to stderr:
# JDK 17 and 25 print them on stdout by default, where they would corrupt --format json.

# shellcheck disable=SC2034 # used by the scripts that source this file
lv_jit_options=(-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=20000
  -XX:Tier4CompileThreshold=60000 -XX:FreqInlineSize=200)
# A short command's JVM (see lv_small_command): C1 alone, and reflective calls (FreeMarker's, picocli's) stay on the
# JDK's native accessor instead of generating a class for each method called more than 15 times, which a short command
# never gains back (about 20 accessors, 1 ms each, in the README's compare). That option is JDK 17's: from JDK 18 on,
# reflection no longer generates such classes, and the JVM ignores it.
# shellcheck disable=SC2034
lv_small_options=(-XX:TieredStopAtLevel=1 -Dsun.reflect.inflationThreshold=2147483647)
# shellcheck disable=SC2034
lv_log_options=(-Xlog:disable -Xlog:all=warning:stderr)
# the JVM of a start check or a training run: no logging, no crash report or core dump left in the working directory
lv_quiet_options=(-Xlog:disable -XX:ErrorFile=/dev/null -XX:-CreateCoredumpOnCrash)

# lv_java_identity JAVA: the real path of the java command (symbolic links resolved, as with Debian's alternatives), for
# ARCHIVE.java; one process, so only when an archive is made.
lv_java_identity() {
  local path
  path=$(command -v "$1") || path=$1
  readlink -f "$path" 2>/dev/null || echo "$path"
}

# lv_jdk_feature JAVA_REAL_PATH: sets lv_feature to the feature release (17, 25, ...) that the release file of the JDK
# whose bin/java this is declares (JAVA_VERSION="25.0.3"); returns 1 when there is none. Builtins only, no process.
lv_jdk_feature() {
  local release line value
  lv_feature=""
  case "$1" in */bin/java) release="${1%/bin/java}/release" ;; *) return 1 ;; esac
  [ -f "$release" ] || return 1
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      JAVA_VERSION=*)
        value=${line#JAVA_VERSION=}
        value=${value#\"}
        value=${value%%[!0-9]*}
        [ -n "$value" ] || return 1
        lv_feature=$value
        return 0
        ;;
    esac
  done <"$release"
  return 1
}

# lv_cds_kind JAVA: aot (an AOT cache) on JDK 25 or later, else cds (an AppCDS archive); returns 1 for a java that is no
# JDK's own binary (see above), which gets no archive.
lv_cds_kind() {
  lv_jdk_feature "$(lv_java_identity "$1")" || return 1
  if [ "$lv_feature" -ge 25 ]; then echo aot; else echo cds; fi
}

# lv_cds_options KIND ARCHIVE: sets lv_cds_use, the JVM options that use an archive of KIND.
lv_cds_options() {
  case "$1" in
    aot) lv_cds_use=(-XX:AOTCache="$2" "${lv_log_options[@]}") ;;
    *) lv_cds_use=(-XX:SharedArchiveFile="$2" "${lv_log_options[@]}") ;;
  esac
}

# lv_cds_usable JAVA JAR ARCHIVE: whether ARCHIVE was made from this JAR (not older than it) for this JAVA, after that
# java was last installed, and its JDK still declares a version of the archive's kind; if so, sets lv_cds_use
# (lv_cds_options). Cheap: file tests and reads, one subshell.
lv_cds_usable() {
  local java=$1 jar=$2 archive=$3 path made_for="" kind=""
  path=$(command -v "$java") || return 1
  [ -s "$archive" ] && [ -f "$archive.java" ] && [ ! "$jar" -nt "$archive" ] && [ ! "$path" -nt "$archive" ] \
    && { IFS= read -r made_for && IFS= read -r kind; } <"$archive.java" && [ "$path" -ef "$made_for" ] \
    && lv_jdk_feature "$made_for" || return 1
  case "$kind" in
    aot) [ "$lv_feature" -ge 25 ] || return 1 ;;
    cds) [ "$lv_feature" -lt 25 ] || return 1 ;;
    *) return 1 ;;
  esac
  lv_cds_options "$kind" "$archive"
}

# lv_cds_starts JAVA JAR ARCHIVE KIND: whether a JVM starts with the archive (a damaged one fails or crashes this check).
lv_cds_starts() {
  case "$4" in
    aot) "$1" -XX:AOTCache="$3" -XX:AOTMode=on "${lv_quiet_options[@]}" -cp "$2" -version >/dev/null 2>&1 ;;
    *) "$1" -XX:SharedArchiveFile="$3" -Xshare:on "${lv_quiet_options[@]}" -cp "$2" -version >/dev/null 2>&1 ;;
  esac
}

# lv_cds_record JAVA ARCHIVE KIND: writes ARCHIVE.java, which names the java an archive is for and its kind.
lv_cds_record() {
  { lv_java_identity "$1" && echo "$3"; } >"$2.java"
}

# lv_cds_create JAVA JAR ARCHIVE EXAMPLES [KIND]: trains an archive of KIND (default: lv_cds_kind's) with the commands of
# dev.loadverdict.cli.Training on EXAMPLES (the repository's examples/: a compare with all reports, and the extraction of
# a raw JTL and a raw k6 file, whose classes and, on JDK 25, method profiles a large file's reading then starts with)
# and moves it into place when a JVM starts with it. Quiet; returns 1 when no archive could be made.
lv_cds_create() {
  local java=$1 jar=$2 archive=$3 examples=$4 kind=${5:-} work training
  [ -f "$examples/baselines/shop.json" ] && [ -d "$examples/runs/locust-unchanged" ] || return 1
  if [ -z "$kind" ]; then
    kind=$(lv_cds_kind "$java") || return 1
  fi
  mkdir -p "$(dirname "$archive")" || return 1
  work=$(mktemp -d "${TMPDIR:-/tmp}/loadverdict-cds.XXXXXX") || return 1
  case "$kind" in
    aot) training=(-XX:AOTCacheOutput="$work/archive" "${lv_quiet_options[@]}" "${lv_jit_options[@]}") ;;
    *) training=(-XX:ArchiveClassesAtExit="$work/archive" "${lv_quiet_options[@]}") ;;
  esac
  # -cp with the jar alone: the same class path as -jar's, so the archive fits the commands run later. Training never
  # exits 1; java does when the class is missing (a jar from before it: the action running a pinned older release),
  # and that jar is trained with its compare alone. Any other failure leaves no archive.
  local status=1
  if [ -f "$examples/jmeter-aa/aa-01.jtl.gz" ] && [ -f "$examples/k6-slo/data.json.gz" ]; then
    status=0
    "$java" "${training[@]}" -cp "$jar" dev.loadverdict.cli.Training "$examples" "$work" >/dev/null 2>&1 || status=$?
  fi
  if [ "$status" -eq 1 ]; then
    rm -f "$work/archive"
    "$java" "${training[@]}" -jar "$jar" compare --baseline "$examples/baselines/shop.json" \
      "$examples/runs/locust-unchanged/" --report md,html,junit,json --out-dir "$work/reports" >/dev/null 2>&1
  elif [ "$status" -ne 0 ]; then
    rm -f "$work/archive"
  fi
  if [ -s "$work/archive" ] && lv_cds_starts "$java" "$jar" "$work/archive" "$kind" \
    && lv_cds_record "$java" "$work/archive" "$kind" && mv -f "$work/archive" "$archive.tmp.$$" \
    && mv -f "$work/archive.java" "$archive.java" && mv -f "$archive.tmp.$$" "$archive"; then
    rm -rf "$work"
    return 0
  fi
  rm -rf "$work" "$archive.tmp.$$"
  return 1
}

# lv_action_java: the java the GitHub Action runs loadverdict with. LOADVERDICT_JAVA when set (a command or a path);
# else a JDK 25 the runner has (GitHub's images name theirs JAVA_HOME_25_X64, or JAVA_HOME_25_arm64 on macOS), which starts
# faster with its AOT cache than JDK 17 with its archive; else the JDK the action built with (LOADVERDICT_ACTION_JDK,
# from lv_action_jdk or the action's setup-java; the jar's bytecode is Java 17's and runs on every JDK from 17); else
# the java on PATH.
lv_action_java() {
  local home
  if [ -n "${LOADVERDICT_JAVA:-}" ]; then
    echo "$LOADVERDICT_JAVA"
    return
  fi
  for home in "${JAVA_HOME_25_X64:-}" "${JAVA_HOME_25_ARM64:-}" "${JAVA_HOME_25_arm64:-}" "${LOADVERDICT_ACTION_JDK:-}"; do
    if [ -n "$home" ] && [ -x "$home/bin/java" ]; then
      echo "$home/bin/java"
      return
    fi
  done
  echo java
}

# lv_action_jdk jdk|runtime: the home of a JDK 17 or later (its release file says so, and it has javac; with runtime, a
# Java runtime will do: a released jar needs no build) that the runner already has, for the GitHub Action to build and
# run loadverdict with, so that it need not install one with actions/setup-java, which would change the Java of the
# job's later steps: GitHub's images hold 17, 21 and 25 (JAVA_HOME_17_X64; JAVA_HOME_17_arm64 on macOS, ...); else
# JAVA_HOME, else the one whose java is on PATH (a self-hosted runner's). Returns 1 when there is none.
lv_action_jdk() {
  local java tool=javac
  [ "${1:-}" = runtime ] && tool=java
  java=$(lv_java_identity java 2>/dev/null) || java=""
  lv_first_jdk 17 "$tool" "${JAVA_HOME_17_X64:-}" "${JAVA_HOME_17_ARM64:-}" "${JAVA_HOME_17_arm64:-}" "${JAVA_HOME:-}" \
    "${JAVA_HOME_21_X64:-}" "${JAVA_HOME_21_ARM64:-}" "${JAVA_HOME_21_arm64:-}" "${JAVA_HOME_25_X64:-}" \
    "${JAVA_HOME_25_ARM64:-}" "${JAVA_HOME_25_arm64:-}" "${java%/bin/java}"
}

# lv_first_jdk MIN TOOL HOME...: the first HOME with bin/java and bin/TOOL whose release file (beside the real java
# binary) declares feature release MIN or later; returns 1 when there is none.
lv_first_jdk() {
  local min=$1 tool=$2 home
  shift 2
  for home in "$@"; do
    if [ -n "$home" ] && [ -x "$home/bin/java" ] && [ -x "$home/bin/$tool" ] \
        && lv_jdk_feature "$(lv_java_identity "$home/bin/java")" && [ "$lv_feature" -ge "$min" ]; then
      echo "$home"
      return 0
    fi
  done
  return 1
}

# lv_local_jdk25: the home of a JDK 25 or later on this machine, for benchmarks and tests that run loadverdict on both
# JDKs: JAVA25, else JAVA_HOME_25_X64, else the first /usr/lib/jvm/*-25-*, whichever its release file says is 25 or later;
# returns 1 when there is none.
lv_local_jdk25() {
  lv_first_jdk 25 java "${JAVA25:-}" "${JAVA_HOME_25_X64:-}" /usr/lib/jvm/*-25-*
}

# lv_small_command ARGS...: whether ARGS (a loadverdict command line) is a compare, extract or report of named files
# and directories holding less than 64 MB in all, with a compare's baseline a file rather than a suite (whose history
# it would read too). Such a command is over in well under a second, and C1 alone (-XX:TieredStopAtLevel=1) runs it
# about a quarter faster; C2 reads large inputs about twice as fast, so anything else keeps it.
lv_small_command() {
  case "${1:-}" in compare | extract | report) ;; *) return 1 ;; esac
  local arg previous="" file_baseline=false total=0 paths=()
  for arg in "$@"; do
    case "$previous" in
      --baseline | -b) [ -e "$arg" ] && file_baseline=true || return 1 ;;
    esac
    case "$arg" in
      --baseline=*) [ -e "${arg#--baseline=}" ] && file_baseline=true || return 1 ;;
    esac
    previous=$arg
    arg=${arg#--*=}
    [ -e "$arg" ] && paths+=("$arg")
  done
  [ "$1" != compare ] || $file_baseline || return 1 # a compare's baseline from the environment or config may be a suite
  if [ "${#paths[@]}" -gt 0 ]; then
    # one process; the last line is the total, in KiB (-k: POSIX, also macOS's du), as far as du could read
    total=$(du -sLck -- "${paths[@]}" 2>/dev/null || true)
    total=${total##*$'\n'}
    total=${total%%[[:space:]]*}
  fi
  [ "${total:-0}" -lt $((64 << 10)) ] 2>/dev/null
}
