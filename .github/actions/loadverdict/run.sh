#!/usr/bin/env bash
# The loadverdict composite action's one step. Inputs arrive as INPUT_* environment variables (see action.yml);
# GitHub provides GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_NAME and GITHUB_EVENT_PATH. loadverdict itself
# writes the job summary, the annotations and its outputs; this script adds the action's own outputs, the
# pull-request comment and the issues, and exits with compare's exit code (0 pass, 1 regression,
# 2 usage, 3 bad input, 4 internal error or a GitHub failure on a run that did not regress).
set -uo pipefail

action_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
work=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/loadverdict-action
mkdir -p "$work"

jar="$work/loadverdict.jar"
if [ -n "${INPUT_LOADVERDICT_VERSION:-}" ]; then
  repo=${LOADVERDICT_ACTION_REPOSITORY:-loadverdict/loadverdict}
  base="https://github.com/$repo/releases/download/v$INPUT_LOADVERDICT_VERSION"
  if ! curl -fsSL "$base/loadverdict.jar" -o "$jar" || ! curl -fsSL "$base/loadverdict.jar.sha256" -o "$jar.sha256"; then
    echo "::error title=loadverdict::cannot download loadverdict $INPUT_LOADVERDICT_VERSION from $base"
    exit 4
  fi
  if ! (cd "$work" && sha256sum -c loadverdict.jar.sha256 >/dev/null); then
    echo "::error title=loadverdict::the downloaded loadverdict.jar does not match its checksum"
    exit 4
  fi
elif [ -f "$action_root/cli/target/loadverdict.jar" ]; then
  jar="$action_root/cli/target/loadverdict.jar"
else
  echo "loadverdict: building loadverdict from the action's source (set loadverdict-version to download a release instead)"
  (cd "$action_root" && ./mvnw -B -q -DskipTests package -pl cli -am) || { echo "::error title=loadverdict::cannot build loadverdict"; exit 4; }
  jar="$action_root/cli/target/loadverdict.jar"
fi

report_dir=${INPUT_REPORT_DIR:-loadverdict-reports}
formats=${INPUT_REPORT_FORMATS:-md,html,junit,json}
case ",$formats," in *,json,*) ;; *) formats="$formats,json" ;; esac   # comment and issues read the JSON

args=(compare --baseline "$INPUT_BASELINE" --baselines-dir "${INPUT_BASELINES_DIR:-baselines}"
      --fail-on "${INPUT_FAIL_ON:-critical}" --if-no-baseline "${INPUT_IF_NO_BASELINE:-fail}"
      --report "$formats" --out-dir "$report_dir")
if [ -n "${INPUT_THRESHOLDS:-}" ]; then
  args+=(--config "$INPUT_THRESHOLDS")
fi
read -r -a results <<<"$INPUT_RESULTS"
java -jar "$jar" "${args[@]}" "${results[@]}"
status=$?

regressions=0
if [ -n "${GITHUB_OUTPUT:-}" ] && [ -f "$GITHUB_OUTPUT" ]; then
  critical=$(sed -n 's/^critical=//p' "$GITHUB_OUTPUT" | tail -n 1)
  warning=$(sed -n 's/^warning=//p' "$GITHUB_OUTPUT" | tail -n 1)
  regressions=$(( ${critical:-0} + ${warning:-0} ))
  {
    echo "regressions=$regressions"
    echo "report-dir=$report_dir"
  } >>"$GITHUB_OUTPUT"
fi

comparison="$report_dir/comparison.json"
if [ "$status" -le 1 ] && [ -f "$comparison" ]; then
  if [ "${INPUT_COMMENT_ON_PR:-false}" = "true" ]; then
    case "${GITHUB_EVENT_NAME:-}" in
      pull_request|pull_request_target) java -jar "$jar" comment "$comparison" --fail-on never || echo "::warning title=loadverdict::the pull-request comment failed" ;;
      *) echo "loadverdict: not a pull request event (${GITHUB_EVENT_NAME:-none}): no comment" ;;
    esac
  fi
  if [ "${INPUT_CREATE_ISSUES:-false}" = "true" ]; then
    issue_args=(issues "$comparison" --repo "${GITHUB_REPOSITORY:?}" --suite "${INPUT_SUITE:-$INPUT_BASELINE}" --fail-on never)
    if [ "${INPUT_CLOSE_RESOLVED:-true}" = "true" ]; then
      issue_args+=(--close-resolved)
    fi
    java -jar "$jar" "${issue_args[@]}" || echo "::warning title=loadverdict::filing issues failed"
  fi
fi
exit "$status"
