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
# Class-data sharing: an AppCDS archive of the classes a compare loads (-XX:ArchiveClassesAtExit, made once by a
# training compare of examples/), used with -XX:SharedArchiveFile. The JVM checks an archive against the jar and
# itself and ignores one that does not match; CDS logging is off because JDK 17 prints its warnings on stdout, where
# they would corrupt --format json. A damaged archive can crash the JVM, so an archive is used only after a JVM has
# started with it (-Xshare:on), and it is written under a temporary name and renamed into place.

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
lv_cds_quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)

# lv_java_identity JAVA: the java command's path (a builtin lookup, no process): an archive is made for one JVM, and one
# made for another is not used (the JVM would ignore it anyway, after a check, so this only spares the attempt).
lv_java_identity() {
  command -v "$1" || echo "$1"
}

# lv_cds_usable JAVA JAR ARCHIVE: whether ARCHIVE was made from this JAR (not older than it) for this JAVA, and after
# that java was last installed. Cheap: file tests and one read, no JVM.
lv_cds_usable() {
  local java=$1 jar=$2 archive=$3 made_for path
  path=$(lv_java_identity "$java")
  [ -s "$archive" ] && [ -f "$archive.java" ] && [ ! "$jar" -nt "$archive" ] && [ ! "$path" -nt "$archive" ] \
    && read -r made_for <"$archive.java" && [ "$made_for" = "$path" ]
}

# lv_cds_starts JAVA JAR ARCHIVE: whether a JVM starts with the archive (a damaged one fails or crashes this check).
lv_cds_starts() {
  "$1" -XX:SharedArchiveFile="$3" -Xshare:on "${lv_cds_quiet[@]}" -cp "$2" -version >/dev/null 2>&1
}

# lv_cds_create JAVA JAR ARCHIVE EXAMPLES: trains an archive with a compare of EXAMPLES (the repository's examples/)
# and moves it into place when a JVM starts with it. Quiet; returns 1 when no archive could be made.
lv_cds_create() {
  local java=$1 jar=$2 archive=$3 examples=$4 work
  [ -f "$examples/baselines/shop.json" ] && [ -d "$examples/runs/locust-unchanged" ] || return 1
  mkdir -p "$(dirname "$archive")" || return 1
  work=$(mktemp -d "${TMPDIR:-/tmp}/loadverdict-cds.XXXXXX") || return 1
  "$java" -XX:ArchiveClassesAtExit="$work/archive.jsa" "${lv_cds_quiet[@]}" -jar "$jar" compare \
    --baseline "$examples/baselines/shop.json" "$examples/runs/locust-unchanged/" --report md,html,junit,json \
    --out-dir "$work/reports" >/dev/null 2>&1
  if [ -s "$work/archive.jsa" ] && lv_cds_starts "$java" "$jar" "$work/archive.jsa" \
    && lv_java_identity "$java" >"$work/archive.jsa.java" && mv -f "$work/archive.jsa" "$archive.tmp.$$" \
    && mv -f "$work/archive.jsa.java" "$archive.java" && mv -f "$archive.tmp.$$" "$archive"; then
    rm -rf "$work"
    return 0
  fi
  rm -rf "$work" "$archive.tmp.$$"
  return 1
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
