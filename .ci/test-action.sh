#!/usr/bin/env bash
# Runs the composite action's steps (.github/actions/loadverdict/install.sh, then run.sh) the way GitHub would:
# INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, and GITHUB_EVENT_PATH pointing at a real pull_request event
# payload (GitHub's own example payloads, published on npm as @octokit/webhooks-examples, MIT). No GitHub API is
# called: commenting and issues are off here; they are tested against WireMock in the issue-bot and cli modules.
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/action-test
rm -rf "$work" && mkdir -p "$work/node"
(cd "$work/node" && npm install --silent --no-audit --no-fund @octokit/webhooks-examples@7.6.1 >/dev/null 2>&1)
(cd "$work/node" && node -e '
const all = require("@octokit/webhooks-examples/api.github.com/index.json");
const pr = all.find(e => e.name === "pull_request").examples.find(e => e.action === "synchronize");
require("fs").writeFileSync("event.json", JSON.stringify(pr));')

# The install steps as action.yml runs them. Here the action is this checkout used as a local action (empty
# github.action_ref): the jar it built is used, or it is built now. Releases and caches: .ci/test-install.sh.
install_step() { # mode
  env -i PATH="$PATH" HOME="$HOME" JAVA_HOME="${JAVA_HOME:-}" RUNNER_TEMP="$work" RUNNER_OS=Linux GITHUB_ACTIONS=true \
    GITHUB_OUTPUT="$work/install-output" INPUT_LOADVERDICT_VERSION= LOADVERDICT_ACTION_REF= LOADVERDICT_ACTION_REPOSITORY= \
    bash .github/actions/loadverdict/install.sh "$1" >"$work/install-stdout" 2>"$work/install-stderr" \
    || { echo "!! install.sh $1 exited $?" >&2; cat "$work/install-stdout" "$work/install-stderr" >&2; exit 1; }
}
: >"$work/install-output"
install_step --no-build
if grep -q '^need-build=true$' "$work/install-output"; then
  install_step --from-source
fi
jar=$(sed -n 's/^jar=//p' "$work/install-output" | tail -n 1)
[ -f "$jar" ] || { echo "!! the install steps gave no jar" >&2; cat "$work/install-output" >&2; exit 1; }

extra_env=()   # more variables for the next run_action, NAME=VALUE each
run_action() { # expected-exit results...
  local expected=$1; shift
  : >"$work/output" && : >"$work/summary"
  set +e
  env -i PATH="$PATH" HOME="$HOME" JAVA_HOME="${JAVA_HOME:-}" RUNNER_TEMP="$work" \
    GITHUB_ACTIONS=true GITHUB_EVENT_NAME=pull_request GITHUB_EVENT_PATH="$work/node/event.json" \
    GITHUB_OUTPUT="$work/output" GITHUB_STEP_SUMMARY="$work/summary" GITHUB_REPOSITORY=Codertocat/Hello-World \
    INPUT_RESULTS="$*" INPUT_BASELINE=examples/baselines/shop.json INPUT_FAIL_ON=critical INPUT_IF_NO_BASELINE=fail \
    INPUT_REPORT_FORMATS=md,html,junit INPUT_REPORT_DIR="$work/reports" INPUT_COMMENT_ON_PR=false INPUT_CREATE_ISSUES=false \
    "${extra_env[@]}" LOADVERDICT_JAR="$jar" bash .github/actions/loadverdict/run.sh >"$work/stdout" 2>"$work/stderr"
  local status=$?
  set -e
  if [ "$status" -ne "$expected" ]; then
    echo "!! the action exited $status, expected $expected" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
}

expect() { # file pattern
  grep -q -- "$2" "$1" || { echo "!! $1 lacks: $2" >&2; cat "$1" >&2; exit 1; }
}

run_action 1 examples/runs/locust-regressed/
expect "$work/output" "^verdict=fail$"
expect "$work/output" "^regressions=7$"
expect "$work/output" "^report-dir=$work/reports$"
expect "$work/summary" "^## loadverdict: FAIL"
expect "$work/stderr" "^::error title=loadverdict critical"
for f in report.md report.html junit.xml comparison.json; do
  [ -s "$work/reports/$f" ] || { echo "!! missing report $f" >&2; exit 1; }
done

run_action 0 examples/runs/locust-unchanged/
expect "$work/output" "^verdict=pass$"
expect "$work/output" "^regressions=0$"
# trend-page: the suite's page is written after the comparison (a pull request records nothing: the history as it is)
for i in 01 02 03; do
  java -jar "$jar" baseline record "examples/jmeter-aa/aa-$i.jtl.gz" --suite shop --baselines-dir "$work/baselines" 2>/dev/null
done
extra_env=(INPUT_SUITE=shop INPUT_BASELINES_DIR="$work/baselines" INPUT_TREND_PAGE="$work/site/trend.html")
run_action 0 examples/runs/locust-unchanged/
expect "$work/output" "^trend-page=$work/site/trend.html$"
expect "$work/site/trend.html" "loadverdict: trend of shop"
# results that cannot be read: the step fails with loadverdict's exit code (3, bad input), and the verdict says error
run_action 3 "$work/no-such-results.jtl"
expect "$work/output" "^verdict=error$"
expect "$work/stderr" "no-such-results.jtl"
echo "== the composite action: regressed run exits 1 with its outputs, unchanged run exits 0, trend-page written;"\
  "unreadable results exit 3 with verdict=error"
