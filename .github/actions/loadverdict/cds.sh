#!/usr/bin/env bash
# The action's class-data archive (see bin/jvm.sh; an AOT cache when the action runs loadverdict on JDK 25), which makes
# each loadverdict command start faster; cached by actions/cache under the jar's SHA-256 and the java that runs it
# (lv_action_java), so a job after the first reuses it.
#
#   cds.sh key JAR                writes path=ARCHIVE and key=CACHE-KEY to $GITHUB_OUTPUT
#   cds.sh prepare JAR ARCHIVE [RESTORED]
#                                 keeps an archive the cache restored (RESTORED=true) when a JVM starts with it, else
#                                 trains one on the action's examples/ (lv_cds_create); writes created=true|false and
#                                 usable=true|false
# Never fails the job: without an archive loadverdict only starts slower.
set -uo pipefail
action_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
# shellcheck source=bin/jvm.sh
. "$action_root/bin/jvm.sh"

output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1" >>"$GITHUB_OUTPUT"; fi
}
if command -v sha256sum >/dev/null 2>&1; then sha_cmd=(sha256sum); else sha_cmd=(shasum -a 256); fi

java=$(lv_action_java) # the java run.sh runs loadverdict with
case "${1:-}" in
  key)
    jar=$2
    jar_sha=$("${sha_cmd[@]}" "$jar" | cut -c 1-16)
    java_sha=$({ lv_java_identity "$java" && "$java" -version 2>&1; } | "${sha_cmd[@]}" | cut -c 1-12)
    output "path=${HOME}/.cache/loadverdict/cds/loadverdict.jsa"
    output "key=loadverdict-cds-${RUNNER_OS:-$(uname -s)}-${jar_sha}-${java_sha}"
    ;;
  prepare)
    jar=$2 archive=$3 restored=${4:-false} created=false
    if ! kind=$(lv_cds_kind "$java"); then
      echo "loadverdict: no class-data archive ($java is no JDK's own java; loadverdict starts a little slower)" >&2
      output "created=false"
      output "usable=false"
      exit 0
    fi
    if [ "$restored" != true ]; then
      # not from the cache under this jar's and this java's key: a file left there (a self-hosted runner's home) may be
      # another jar's, and JDK 25 would not notice
      rm -f "$archive" "$archive.java"
    fi
    if [ -s "$archive" ] && lv_cds_starts "$java" "$jar" "$archive" "$kind"; then
      lv_cds_record "$java" "$archive" "$kind" # restored from the cache, whose key names this jar and this java
      touch "$archive"
    elif lv_cds_create "$java" "$jar" "$archive" "$action_root/examples" "$kind"; then
      created=true
      echo "loadverdict: made a class-data archive for faster starts ($archive, $kind, $("$java" -version 2>&1 | head -n 1))" >&2
    else
      echo "loadverdict: no class-data archive (loadverdict starts a little slower)" >&2
    fi
    output "created=$created"
    if lv_cds_usable "$java" "$jar" "$archive"; then output "usable=true"; else output "usable=false"; fi
    ;;
  *)
    echo "usage: cds.sh key JAR | cds.sh prepare JAR ARCHIVE [RESTORED]" >&2
    exit 2
    ;;
esac
