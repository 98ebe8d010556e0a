#!/usr/bin/env bash
# Tests the composite action's installation (.github/actions/loadverdict/install.sh), run the way action.yml runs it
# (RUNNER_TEMP, GITHUB_OUTPUT, the ref and repository in env), and times it. Releases come from a fake release server
# on 127.0.0.1 (python3 -m http.server, through LOADVERDICT_RELEASES_URL) serving this checkout's jar:
#   - the release of the action's ref is downloaded and its SHA-256 verified; the jar then runs the action's step;
#   - a checksum that does not match, or none, fails with one ::error line and exit 5; a pinned version without a
#     release with exit 6; a commit-SHA ref makes no request at all;
#   - a version tag without a release builds from the action's source (a copy outside the workspace, as GitHub
#     downloads a remote action), and a later job with that build restored by the cache uses it without building.
# actions/cache itself cannot run here: its restore is stood in for by copying the saved directory back.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/install-test
jar=$root/cli/target/loadverdict.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl cli -am
rm -rf "$work" && mkdir -p "$work/releases"

# The fake releases: v9.9.9 good, v9.9.8 with a wrong checksum, v9.9.7 without one; no v9.9.5 at all.
for tag in v9.9.9 v9.9.8 v9.9.7; do
  mkdir -p "$work/releases/$tag" && cp "$jar" "$work/releases/$tag/loadverdict.jar"
done
(cd "$work/releases/v9.9.9" && sha256sum loadverdict.jar >loadverdict.jar.sha256)
echo "0000000000000000000000000000000000000000000000000000000000000000  loadverdict.jar" \
  >"$work/releases/v9.9.8/loadverdict.jar.sha256"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/releases" >/dev/null 2>"$work/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fsS --max-time 1 "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
  sleep 0.1
done
releases="http://127.0.0.1:$port"

ms() { echo $(( $(date +%s%N) / 1000000 )); }

# step NAME ACTION-DIR RUNNER-TEMP MODE [VAR=value...]: runs install.sh as the action's step; sets status and took (ms)
step() {
  local name=$1 action=$2 temp=$3 mode=$4
  shift 4
  : >"$work/$name.output"
  local start
  start=$(ms)
  set +e
  env -i PATH="$PATH" HOME="$HOME" JAVA_HOME="${JAVA_HOME:-}" RUNNER_TEMP="$temp" RUNNER_OS=Linux GITHUB_ACTIONS=true \
    GITHUB_OUTPUT="$work/$name.output" LOADVERDICT_RELEASES_URL="$releases" LOADVERDICT_ACTION_REPOSITORY=acme/loadverdict \
    INPUT_LOADVERDICT_VERSION= LOADVERDICT_ACTION_REF= "$@" \
    bash "$action/.github/actions/loadverdict/install.sh" "$mode" >"$work/$name.stdout" 2>"$work/$name.stderr"
  status=$?
  set -e
  took=$(( $(ms) - start ))
}
expect_status() { # name expected
  if [ "$status" -ne "$2" ]; then
    echo "!! $1: install.sh exited $status, expected $2" >&2
    cat "$work/$1.stdout" "$work/$1.stderr" "$work/$1.output" >&2
    exit 1
  fi
}
expect() { # file pattern
  grep -q -- "$2" "$1" || { echo "!! $1 lacks: $2" >&2; cat "$1" >&2; exit 1; }
}
out() { # name key
  sed -n "s/^$2=//p" "$work/$1.output" | tail -n 1
}
one_error_line() { # name message-pattern: stdout is exactly one ::error line, and no jar was installed
  [ "$(wc -l <"$work/$1.stdout")" -eq 1 ] || { echo "!! $1: stdout is not one line" >&2; cat "$work/$1.stdout" >&2; exit 1; }
  expect "$work/$1.stdout" "^::error title=loadverdict install::$2"
  if grep -q '^jar=' "$work/$1.output"; then echo "!! $1: a jar was installed" >&2; exit 1; fi
}
requests() { grep -c '"GET ' "$work/server.log" || true; }

run_step() { # jar expected-exit: the action's run.sh with that jar, on the example's regressed run
  local start
  start=$(ms)
  set +e
  env -i PATH="$PATH" HOME="$HOME" JAVA_HOME="${JAVA_HOME:-}" RUNNER_TEMP="$work/run" GITHUB_ACTIONS=true \
    GITHUB_OUTPUT="$work/run.output" GITHUB_STEP_SUMMARY="$work/run.summary" GITHUB_EVENT_NAME=push \
    INPUT_RESULTS=examples/runs/locust-regressed/ INPUT_BASELINE=examples/baselines/shop.json \
    INPUT_REPORT_DIR="$work/run/reports" LOADVERDICT_JAR="$1" \
    bash .github/actions/loadverdict/run.sh >"$work/run.stdout" 2>"$work/run.stderr"
  local s=$?
  set -e
  run_took=$(( $(ms) - start ))
  [ "$s" -eq "$2" ] || { echo "!! run.sh with $1 exited $s, expected $2" >&2; cat "$work/run.stderr" >&2; exit 1; }
  expect "$work/run.output" "^verdict=fail$"
}

# 1. The release of the action's ref: downloaded, verified, and it runs the action's step.
mkdir -p "$work/job1" "$work/run"
step download "$root" "$work/job1" --no-build LOADVERDICT_ACTION_REF=v9.9.9
expect_status download 0
if [ "$(out download origin)" != release ] || [ "$(out download need-build)" != false ]; then
  cat "$work/download.output" >&2; exit 1
fi
downloaded=$(out download jar)
cmp -s "$downloaded" "$jar" || { echo "!! the downloaded jar differs from the released one" >&2; exit 1; }
[ "$(cat "$work/download.stdout")" = "$downloaded" ] || { echo "!! stdout is not the jar's path" >&2; exit 1; }
download_ms=$took
run_step "$downloaded" 1
echo "== install: ref v9.9.9 downloads the release's jar, SHA-256 verified (${download_ms} ms; run.sh then ${run_took} ms)"

# 2. A wrong checksum, none, a malformed pinned version, a pinned version without a release.
mkdir -p "$work/job2"
step mismatch "$root" "$work/job2" --no-build LOADVERDICT_ACTION_REF=v9.9.9 INPUT_LOADVERDICT_VERSION=9.9.8
expect_status mismatch 5
one_error_line mismatch "loadverdict.jar of release v9.9.8 does not match its checksum"
[ ! -e "$work/job2/loadverdict-release/v9.9.8/loadverdict.jar" ] || { echo "!! the unverified jar was kept" >&2; exit 1; }
step missing "$root" "$work/job2" --no-build LOADVERDICT_ACTION_REF=v9.9.7
expect_status missing 5
one_error_line missing "release v9.9.7 has loadverdict.jar but no loadverdict.jar.sha256"
step pinned-absent "$root" "$work/job2" --no-build INPUT_LOADVERDICT_VERSION=v9.9.5
expect_status pinned-absent 6
one_error_line pinned-absent "loadverdict-version v9.9.5: release v9.9.5 has no loadverdict.jar"
before=$(requests)
step sha "$root" "$work/job2" --no-build LOADVERDICT_ACTION_REF=0123456789abcdef0123456789abcdef01234567
expect_status sha 0
[ "$(requests)" -eq "$before" ] || { echo "!! a commit-SHA ref made a request" >&2; exit 1; }
echo "== install: wrong or missing checksum exit 5 with one ::error line; a pinned version without a release exits 6;"
echo "   a commit-SHA ref asks no server"

# 3. No release for the ref: built from the action's source, once. The action is a copy outside the workspace without
#    build output, as GitHub downloads it.
copy() { # dir: a fresh copy of the action's repository
  rm -rf "$1" && mkdir -p "$1"
  tar -C "$root" --exclude=target --exclude=.git --exclude=node_modules -cf - . | tar -C "$1" -xf -
}
copy "$work/action"
temp=$work/runner-temp   # the same path in every job, as on GitHub's runners, emptied between jobs
mkdir -p "$temp"
step cold-plan "$work/action" "$temp" --no-build LOADVERDICT_ACTION_REF=v9.9.5
expect_status cold-plan 0
plan_ms=$took
[ "$(out cold-plan need-build)" = true ] || { cat "$work/cold-plan.output" >&2; exit 1; }
expect "$work/cold-plan.stderr" "::notice title=loadverdict::release v9.9.5 has no loadverdict.jar"
key=$(out cold-plan cache-key)
cache_path=$(out cold-plan cache-path)
step cold-build "$work/action" "$temp" --from-source LOADVERDICT_ACTION_REF=v9.9.5
expect_status cold-build 0
[ "$(out cold-build origin)" = build ] || { cat "$work/cold-build.output" >&2; exit 1; }
build_ms=$took
run_step "$(out cold-build jar)" 1
cp -R "$cache_path" "$work/saved-cache"          # what actions/cache/save keeps under $key
echo "== install: no release for v9.9.5: built from the action's source (${plan_ms} ms + ${build_ms} ms), cached as $key"

# 4. A later job: a fresh download of the action and a fresh RUNNER_TEMP; the cache restores the build.
copy "$work/action"
rm -rf "$temp" && mkdir -p "$temp"
step warm-plan "$work/action" "$temp" --no-build LOADVERDICT_ACTION_REF=v9.9.5
expect_status warm-plan 0
warm_plan_ms=$took
if [ "$(out warm-plan need-build)" != true ] || [ "$(out warm-plan cache-key)" != "$key" ] \
   || [ "$(out warm-plan cache-path)" != "$cache_path" ]; then
  echo "!! the later job's cache key or path differs" >&2; cat "$work/warm-plan.output" >&2; exit 1
fi
mkdir -p "$(dirname "$cache_path")" && cp -R "$work/saved-cache" "$cache_path"    # what actions/cache/restore does
step warm "$work/action" "$temp" --from-source LOADVERDICT_ACTION_REF=v9.9.5
expect_status warm 0
[ "$(out warm origin)" = cache ] || { cat "$work/warm.output" "$work/warm.stderr" >&2; exit 1; }
[ ! -d "$work/action/cli/target" ] || { echo "!! the later job built again" >&2; exit 1; }
warm_ms=$took
run_step "$(out warm jar)" 1
echo "== install: a later job uses the cached build without building (${warm_plan_ms} ms + ${warm_ms} ms; run.sh ${run_took} ms)"
