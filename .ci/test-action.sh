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

# The JDK the action builds and runs with (java.sh): one the runner has, so that the job's Java is left alone; else
# setup=true (actions/setup-java), after which restore gives the job its JAVA_HOME and java back.
mkdir -p "$work/tools"   # a PATH without java: the few commands java.sh needs
for tool in dirname readlink basename mktemp ln; do ln -sf "$(command -v "$tool")" "$work/tools/$tool"; done
java_step() { # out-file env...: java.sh find in an environment of only these variables (PATH: without java)
  local out=$1; shift
  : >"$out"
  env -i PATH="$work/tools" HOME="$HOME" GITHUB_OUTPUT="$out" "$@" "$(command -v bash)" .github/actions/loadverdict/java.sh find 2>/dev/null
}
fake_jdk() { # dir: a directory that looks like a JDK 11 (no JDK 17 or later)
  mkdir -p "$1/bin"
  printf '#!/bin/sh\n' >"$1/bin/java" && cp "$1/bin/java" "$1/bin/javac" && chmod +x "$1/bin/java" "$1/bin/javac"
  echo 'JAVA_VERSION="11.0.24"' >"$1/release"
}
# shellcheck source=bin/jvm.sh
. "$PWD/bin/jvm.sh"
jdk=$(lv_action_jdk jdk) || { echo "!! no JDK 17 or later found on this machine (lv_action_jdk)" >&2; exit 1; }
fake_jdk "$work/jdk11"
java_step "$work/java-output" JAVA_HOME_17_X64="$jdk" JAVA_HOME="$work/jdk11"
expect_line() { grep -qx -- "$2" "$1" || { echo "!! $1 lacks the line: $2" >&2; cat "$1" >&2; exit 1; }; }
expect_line "$work/java-output" "jdk=$jdk"
expect_line "$work/java-output" "previous-home=$work/jdk11"
java_step "$work/java-output" JAVA_HOME_21_X64="$work/jdk11" JAVA_HOME="$jdk"
expect_line "$work/java-output" "jdk=$jdk"
java_step "$work/java-output" JAVA_HOME="$work/jdk11"
expect_line "$work/java-output" "setup=true"
expect_line "$work/java-output" "previous-home=$work/jdk11"
if grep -q '^jdk=' "$work/java-output"; then echo "!! a JDK 11 was taken for one the action can use" >&2; exit 1; fi
java_step "$work/java-output" PATH="$work/tools:$jdk/bin"   # a self-hosted runner's JDK on PATH
expect_line "$work/java-output" "jdk=$(readlink -f "$jdk")"
# a released jar needs no build: a Java 17 runtime (no javac) will do then, not for a build
mkdir -p "$work/jre17/bin" && ln -sf "$jdk/bin/java" "$work/jre17/bin/java" && cp "$jdk/release" "$work/jre17/release"
java_step "$work/java-output" JAVA_HOME="$work/jre17"
expect_line "$work/java-output" "setup=true"
: >"$work/java-output"
env -i PATH="$work/tools" HOME="$HOME" GITHUB_OUTPUT="$work/java-output" JAVA_HOME="$work/jre17" \
  "$(command -v bash)" .github/actions/loadverdict/java.sh find false 2>/dev/null
expect_line "$work/java-output" "jdk=$work/jre17"
# restore, after setup-java put its JDK's bin first on PATH: the job's commands are found where they were before
abs="$PWD/$work"   # as on a runner, PATH holds absolute directories
restore_step() { # previous-home: runs restore as the step after setup-java; sets restored_path, the later steps' PATH
  : >"$work/github-env" && : >"$work/github-path"
  local before="$abs/oldbin:$abs/tools"
  env -i PATH="$abs/setup17/bin:$before" GITHUB_ENV="$work/github-env" GITHUB_PATH="$work/github-path" \
    RUNNER_TEMP="$abs/runner-temp" "$(command -v bash)" .github/actions/loadverdict/java.sh restore "$1" "$abs/setup17" \
    2>/dev/null
  restored_path="$abs/setup17/bin:$before"
  while IFS= read -r entry; do restored_path="$entry:$restored_path"; done <"$work/github-path"
}
mkdir -p "$work/setup17/bin" "$work/oldbin" "$work/runner-temp"
for tool in java javac jshell; do printf '#!/bin/sh\necho setup17\n' >"$work/setup17/bin/$tool"; done
for tool in java javac; do printf '#!/bin/sh\necho old\n' >"$work/oldbin/$tool"; done
chmod +x "$work"/setup17/bin/* "$work"/oldbin/*
restore_step ""
expect_line "$work/github-env" "JAVA_HOME="
for tool in java javac; do
  [ "$(PATH="$restored_path" "$tool")" = old ] || { echo "!! after restore, $tool is not the job's own" >&2; exit 1; }
done
[ "$(PATH="$restored_path" jshell)" = setup17 ] || { echo "!! a command the job had not is gone" >&2; exit 1; }
restore_step "$work/jdk11"
expect_line "$work/github-env" "JAVA_HOME=$work/jdk11"
[ "$(PATH="$restored_path" java)" = old ] || { echo "!! after restore, java is not the job's own" >&2; exit 1; }

# The install steps as action.yml runs them. Here the action is this checkout used as a local action (empty
# github.action_ref): the jar it built is used, or it is built now. Releases and caches: .ci/test-install.sh.
install_step() { # mode
  env -i PATH="$PATH" HOME="$HOME" JAVA_HOME="${JAVA_HOME:-}" RUNNER_TEMP="$work" RUNNER_OS=Linux GITHUB_ACTIONS=true \
    GITHUB_OUTPUT="$work/install-output" INPUT_LOADVERDICT_VERSION= LOADVERDICT_ACTION_REF= LOADVERDICT_ACTION_REPOSITORY= \
    LOADVERDICT_ACTION_JDK="$jdk" \
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
    "${extra_env[@]}" LOADVERDICT_JAR="$jar" LOADVERDICT_ACTION_JDK="$jdk" bash .github/actions/loadverdict/run.sh \
    >"$work/stdout" 2>"$work/stderr"
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
expect "$work/output" "^java=$jdk/bin/java$"   # the Java it chose, not the job's
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
