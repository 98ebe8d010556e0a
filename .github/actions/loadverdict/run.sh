#!/usr/bin/env bash
# The loadverdict composite action's main step. Inputs arrive as INPUT_* environment variables (see action.yml);
# GitHub provides GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REF and GITHUB_SHA.
#
#   1. compare the results with the suite's baseline: by default SUITE@auto, the newest recorded run at or before a pull
#      request's merge base (else at or before this commit), from the suite's history on the data branch;
#   2. on the default branch (push, schedule, workflow_dispatch), record the run in that history, so baselines keep
#      themselves;
#   3. keep one sticky comment on a pull request; on the default branch, open, update or close regression issues.
# With trend-page set, it also writes the suite's trend page after step 2.
#
# loadverdict itself writes the job summary, the annotations and most outputs; this script adds regressions,
# report-dir, recorded and trend-page. It exits with compare's exit code (0 pass, 1 regression, 2 usage, 3 bad input, 4 internal
# error or a GitHub failure), or 4 when compare passed but the run could not be recorded (a run that could not be
# pushed is kept in loadverdict-unpushed/, never lost).
set -uo pipefail

# The runnable jar comes from the action's install step (install.sh, run before this script; see action.yml).
jar=${LOADVERDICT_JAR:-}
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "::error title=loadverdict::no loadverdict.jar from the install step (LOADVERDICT_JAR='$jar')"
  exit 4
fi
# The java (lv_action_java: the runner's JDK 25 when it has one), JVM settings and the class-data archive the cds step
# prepared (bin/jvm.sh); LOADVERDICT_JAVA_OPTS comes last and wins.
# shellcheck source=bin/jvm.sh
. "$(dirname "${BASH_SOURCE[0]}")/../../../bin/jvm.sh"
java=$(lv_action_java)
jvm=("${lv_jit_options[@]}")
if [ -n "${LOADVERDICT_CDS_ARCHIVE:-}" ] && lv_cds_usable "$java" "$jar" "$LOADVERDICT_CDS_ARCHIVE"; then
  jvm+=("${lv_cds_use[@]}")
fi
# A short command (small named inputs, a baseline file: lv_small_command) also gets the launcher's short-command options.
loadverdict() {
  local options=("${jvm[@]}")
  if lv_small_command "$@"; then
    options+=("${lv_small_options[@]}")
  fi
  # shellcheck disable=SC2086 # LOADVERDICT_JAVA_OPTS holds several JVM options, split on purpose
  "$java" "${options[@]}" ${LOADVERDICT_JAVA_OPTS:-} -jar "$jar" "$@"
}

output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1" >>"$GITHUB_OUTPUT"; fi
}
output "java=$java" # for later steps that run the jar: the job's own java may be older than 17
flag() { # input-value: true or false (GitHub passes booleans as strings)
  case "$(printf '%s' "$1" | tr '[:upper:]' '[:lower:]')" in true|yes|1) echo true ;; *) echo false ;; esac
}

# --- what to compare ----------------------------------------------------------------------------------------------

# results: one path per line; a single line is one path when it exists, else paths separated by spaces.
results=()
if [[ "${INPUT_RESULTS:-}" == *$'\n'* ]]; then
  while IFS= read -r line; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    [ -n "$line" ] && results+=("$line")
  done <<<"$INPUT_RESULTS"
elif [ -e "${INPUT_RESULTS:-}" ]; then
  results=("$INPUT_RESULTS")
else
  read -r -a results <<<"${INPUT_RESULTS:-}"
fi
if [ "${#results[@]}" -eq 0 ]; then
  echo "::error title=loadverdict::the results input is empty: give the load test's result files or directory"
  exit 2
fi

suite=${INPUT_SUITE:-default}
baseline=${INPUT_BASELINE:-}
[ -n "$baseline" ] || baseline="$suite@auto"

event=${GITHUB_EVENT_NAME:-}
default_branch=${INPUT_DEFAULT_BRANCH:-}
on_default_branch=false
case "$event" in
  schedule) on_default_branch=true ;;   # scheduled runs always run on the default branch
  push|workflow_dispatch|merge_group)
    if [ -n "$default_branch" ] && [ "${GITHUB_REF:-}" = "refs/heads/$default_branch" ]; then on_default_branch=true; fi ;;
esac
is_pull_request=false
case "$event" in pull_request|pull_request_target) is_pull_request=true ;; esac

# where suites live: a data branch (default) or the working tree
store=()
if [ -n "${INPUT_DATA_BRANCH:-}" ]; then
  store+=(--data-branch "$INPUT_DATA_BRANCH")
fi
store+=(--baselines-dir "${INPUT_BASELINES_DIR:-baselines}")

# how to read the run: the same for compare and record
read_args=()
[ -n "${INPUT_THRESHOLDS:-}" ] && read_args+=(--config "$INPUT_THRESHOLDS")
[ -n "${INPUT_STAGES:-}" ] && read_args+=(--stages "$INPUT_STAGES")
[ -n "${INPUT_WINDOW:-}" ] && read_args+=(--window "$INPUT_WINDOW")
[ -n "${INPUT_SKIP_WARMUP:-}" ] && read_args+=(--skip-warmup "$INPUT_SKIP_WARMUP")
[ -n "${INPUT_SKIP_RAMPDOWN:-}" ] && read_args+=(--skip-rampdown "$INPUT_SKIP_RAMPDOWN")

report_dir=${INPUT_REPORT_DIR:-loadverdict-reports}
formats=${INPUT_REPORT_FORMATS:-md,html,junit,json}
case ",$formats," in *,json,*) ;; *) formats="$formats,json" ;; esac   # comment and issues read the JSON

compare_args=(compare --baseline "$baseline" --baseline-runs "${INPUT_BASELINE_RUNS:-1}" "${store[@]}" "${read_args[@]}"
  --fail-on "${INPUT_FAIL_ON:-critical}" --if-no-baseline "${INPUT_IF_NO_BASELINE:-pass}"
  --report "$formats" --out-dir "$report_dir")
[ "$(flag "${INPUT_STRICT_PROFILE:-false}")" = true ] && compare_args+=(--strict-profile)
extra=()
if [ -n "${INPUT_EXTRA_ARGS:-}" ]; then
  read -r -a extra <<<"$INPUT_EXTRA_ARGS"
fi

# --- 1. compare ---------------------------------------------------------------------------------------------------

loadverdict "${compare_args[@]}" "${extra[@]}" -- "${results[@]}"
status=$?
# exit 2-5: no comparison (a usage, input or internal error, or a conflict), so loadverdict wrote no verdict; say so
# rather than leave it empty (the step fails with loadverdict's exit code all the same)
if [ "$status" -gt 1 ] && [ -n "${GITHUB_OUTPUT:-}" ] && ! grep -q '^verdict=' "$GITHUB_OUTPUT" 2>/dev/null; then
  output "verdict=error"
fi

regressions=0
if [ -n "${GITHUB_OUTPUT:-}" ] && [ -f "$GITHUB_OUTPUT" ]; then
  critical=$(sed -n 's/^critical=//p' "$GITHUB_OUTPUT" | tail -n 1)
  warning=$(sed -n 's/^warning=//p' "$GITHUB_OUTPUT" | tail -n 1)
  regressions=$(( ${critical:-0} + ${warning:-0} ))
fi
output "regressions=$regressions"
output "report-dir=$report_dir"

# --- 2. record the run on the default branch ----------------------------------------------------------------------

record=${INPUT_RECORD:-auto}
do_record=false
case "$record" in
  always) do_record=true ;;
  never) ;;
  *) [ "$on_default_branch" = true ] && do_record=true ;;
esac
recorded=""
if [ "$do_record" = true ] && [ "$status" -le 1 ]; then
  record_args=(baseline record --suite "$suite" "${store[@]}" "${read_args[@]}")
  [ -n "${INPUT_KEEP_FULL:-}" ] && record_args+=(--keep-full "$INPUT_KEEP_FULL")
  # a run that failed its gate is kept, but no reference for later runs until promoted: the regression keeps failing
  [ "$status" -eq 1 ] && record_args+=(--regressed)
  record_log="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/loadverdict-record.log"
  loadverdict "${record_args[@]}" -- "${results[@]}" 2>"$record_log"
  record_status=$?
  cat "$record_log" >&2
  recorded=$(grep -o 'recorded as [A-Za-z0-9._-]*@v[0-9]*' "$record_log" | tail -n 1 | sed 's/^recorded as //')
  if [ "$record_status" -ne 0 ]; then
    echo "::error title=loadverdict::the run could not be recorded in suite $suite (exit $record_status); see the log above"
    [ "$status" -eq 0 ] && status=4
  fi
elif [ "$do_record" = false ] && [ "$record" = auto ] && [ "$is_pull_request" = false ]; then
  echo "loadverdict: not on the default branch (${GITHUB_REF:-?}): the run is not recorded"
fi
output "recorded=$recorded"

# --- the suite's trend page, with this run when it was recorded ----------------------------------------------------

trend_page=""
if [ -n "${INPUT_TREND_PAGE:-}" ]; then
  if loadverdict baseline trend "$suite" "${store[@]}" --out "$INPUT_TREND_PAGE"; then
    trend_page=$INPUT_TREND_PAGE
  else
    echo "::warning title=loadverdict::the trend page of suite $suite was not written (a suite without recorded runs has none yet); see the log above"
  fi
fi
output "trend-page=$trend_page"

# --- 3. tell people -----------------------------------------------------------------------------------------------

comparison="$report_dir/comparison.json"
if [ "$status" -le 1 ] && [ -f "$comparison" ]; then
  comment=${INPUT_COMMENT_ON_PR:-auto}
  if [ "$is_pull_request" = true ] && [ "$comment" != false ] && [ "$comment" != never ]; then
    loadverdict comment "$comparison" --fail-on never || echo "::warning title=loadverdict::the pull-request comment failed"
  elif [ "$(flag "$comment")" = true ]; then
    echo "loadverdict: not a pull request event (${event:-none}): no comment"
  fi
  issues=${INPUT_CREATE_ISSUES:-auto}
  if [ "$(flag "$issues")" = true ] || { [ "$issues" = auto ] && [ "$on_default_branch" = true ]; }; then
    issue_args=(issues "$comparison" --repo "${GITHUB_REPOSITORY:?}" --suite "$suite" "${store[@]}" --fail-on never)
    [ -n "$recorded" ] && issue_args+=(--run-ref "$recorded")
    [ "$(flag "${INPUT_CLOSE_RESOLVED:-true}")" = true ] && issue_args+=(--close-resolved)
    loadverdict "${issue_args[@]}" || echo "::warning title=loadverdict::filing issues failed"
  fi
fi
exit "$status"
