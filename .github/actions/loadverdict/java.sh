#!/usr/bin/env bash
# The Java the action builds loadverdict with (and runs it on, when the runner has no JDK 25), chosen so that the job's
# own Java stays as it was: actions/setup-java sets JAVA_HOME and puts its bin first on PATH for every later step of
# the job, so a team whose workflow set up Java 21 before this action would find Java 17 in its steps after it.
#
#   java.sh find [NEED-BUILD]
#                       writes jdk=HOME, a Java 17 or later the runner already has (lv_action_jdk in bin/jvm.sh:
#                       GitHub's images hold 17, 21 and 25; a JDK when NEED-BUILD is true, else a runtime will do), or
#                       setup=true when there is none (the action then runs actions/setup-java); and
#                       previous-home=$JAVA_HOME, as the job had it
#   java.sh restore PREVIOUS-HOME SETUP-HOME
#                       after actions/setup-java installed SETUP-HOME: for the job's later steps (GITHUB_ENV,
#                       GITHUB_PATH), JAVA_HOME back to PREVIOUS-HOME (empty when the job had none), and each command of
#                       SETUP-HOME/bin that PATH found elsewhere before (java, javac, ...) found there again, through a
#                       directory of links put first on PATH; commands the job had not are left to SETUP-HOME/bin
set -uo pipefail
action_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
# shellcheck source=bin/jvm.sh
. "$action_root/bin/jvm.sh"

output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1" >>"$GITHUB_OUTPUT"; fi
}
one_line() { # value: true when it holds no line break (a GITHUB_ENV or GITHUB_PATH line cannot)
  case "$1" in *$'\n'* | *$'\r'*) return 1 ;; esac
}

case "${1:-}" in
  find)
    if [ "${2:-true}" = true ]; then kind=jdk; else kind=runtime; fi
    one_line "${JAVA_HOME:-}" && output "previous-home=${JAVA_HOME:-}"
    if jdk=$(lv_action_jdk "$kind"); then
      output "jdk=$jdk"
      echo "loadverdict: using the runner's Java $jdk (the job's Java is left as it is)" >&2
    else
      output "setup=true"
      echo "loadverdict: no Java 17 or later on this runner: installing one with actions/setup-java" >&2
    fi
    ;;
  restore)
    previous=${2:-}
    setup=${3:-}
    if [ -z "${GITHUB_ENV:-}" ] || [ -z "${GITHUB_PATH:-}" ] || [ -z "$setup" ] || [ ! -d "$setup/bin" ]; then
      echo "loadverdict: cannot give the job its Java back (no GITHUB_ENV, GITHUB_PATH or setup-java path)" >&2
      exit 0
    fi
    one_line "$previous" || exit 0
    echo "JAVA_HOME=$previous" >>"$GITHUB_ENV"
    # PATH as it was before setup-java: without its bin, which GITHUB_PATH put first
    before=""
    IFS=: read -r -a entries <<<"$PATH"
    for entry in "${entries[@]}"; do
      [ "$entry" = "$setup/bin" ] || before="${before:+$before:}$entry"
    done
    links=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/loadverdict-java-path.XXXXXX") || exit 0
    restored=0
    for tool in "$setup"/bin/*; do
      name=$(basename "$tool")
      if found=$(PATH="$before" command -v "$name") && [ "${found#/}" != "$found" ]; then
        ln -s "$found" "$links/$name" && restored=$((restored + 1))
      fi
    done
    if [ "$restored" -gt 0 ] && one_line "$links"; then
      echo "$links" >>"$GITHUB_PATH"
    fi
    echo "loadverdict: gave the job back JAVA_HOME='$previous' and $restored commands as PATH found them before" >&2
    ;;
  *)
    echo "usage: java.sh find [NEED-BUILD] | restore PREVIOUS-HOME SETUP-HOME" >&2
    exit 2
    ;;
esac
