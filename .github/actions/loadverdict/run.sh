#!/usr/bin/env bash
# The loadverdict composite action's one step. Inputs arrive as INPUT_* environment variables (see action.yml);
# GitHub provides GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_NAME and GITHUB_EVENT_PATH. loadverdict itself
# writes the job summary, the annotations and its outputs; this script adds the action's own outputs, the
# pull-request comment and the issues, and exits with compare's exit code (0 pass, 1 regression,
# 2 usage, 3 bad input, 4 internal error or a GitHub failure on a run that did not regress).
set -uo pipefail

# The runnable jar comes from the action's install step (install.sh, run before this script; see action.yml).
jar=${LOADVERDICT_JAR:-}
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "::error title=loadverdict::no loadverdict.jar from the install step (LOADVERDICT_JAR='$jar')"
  exit 4
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
