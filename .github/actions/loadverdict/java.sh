#!/usr/bin/env bash
# The JDK the action builds loadverdict with (and runs it on, when the runner has no JDK 25), chosen so that the job's
# own Java stays as it was: actions/setup-java sets JAVA_HOME and puts its java first on PATH for every later step of
# the job, so a team whose workflow set up Java 21 before this action would find Java 17 in its steps after it.
#
#   java.sh find        writes jdk=HOME, a JDK 17 or later the runner already has (lv_action_jdk in bin/jvm.sh:
#                       GitHub's images hold 17, 21 and 25), or setup=true when there is none (the action then runs
#                       actions/setup-java); and previous-home=$JAVA_HOME, as the job had it
#   java.sh restore PREVIOUS-HOME
#                       after actions/setup-java: JAVA_HOME back to PREVIOUS-HOME and its java first on PATH again, for
#                       the job's later steps (GITHUB_ENV, GITHUB_PATH); nothing to restore when it was empty
set -uo pipefail
action_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
# shellcheck source=bin/jvm.sh
. "$action_root/bin/jvm.sh"

output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1" >>"$GITHUB_OUTPUT"; fi
}

case "${1:-}" in
  find)
    output "previous-home=${JAVA_HOME:-}"
    if jdk=$(lv_action_jdk); then
      output "jdk=$jdk"
      echo "loadverdict: using the runner's JDK $jdk (the job's Java is left as it is)" >&2
    else
      output "setup=true"
      echo "loadverdict: no JDK 17 or later on this runner: installing one with actions/setup-java" >&2
    fi
    ;;
  restore)
    previous=${2:-}
    if [ -z "$previous" ]; then
      echo "loadverdict: the job had no JAVA_HOME; the JDK set up for loadverdict stays on PATH" >&2
      exit 0
    fi
    if [ -z "${GITHUB_ENV:-}" ] || [ -z "${GITHUB_PATH:-}" ]; then
      echo "loadverdict: GITHUB_ENV or GITHUB_PATH is not set; cannot restore JAVA_HOME=$previous" >&2
      exit 0
    fi
    case "$previous" in
      *$'\n'* | *$'\r'*) echo "loadverdict: JAVA_HOME holds a line break; not restored" >&2; exit 0 ;;
    esac
    echo "JAVA_HOME=$previous" >>"$GITHUB_ENV"
    echo "$previous/bin" >>"$GITHUB_PATH"
    echo "loadverdict: JAVA_HOME restored to $previous for the job's later steps" >&2
    ;;
  *)
    echo "usage: java.sh find | restore PREVIOUS-HOME" >&2
    exit 2
    ;;
esac
