#!/usr/bin/env bash
# The CI journey in a user's repository, end to end. Builds a throwaway repository the way a team would: a bare
# "origin", a small service (examples/loadgen/shop_server.py) that starts on 127.0.0.1, a locustfile, and the README's
# workflow snippet, copied as it is (its placeholders OWNER and vX.Y.Z filled in, as a user does). Then runs that
# workflow's job as GitHub runs it (Runner.java here: the snippet's run: steps, then the action's own install.sh and
# run.sh with their inputs and defaults), with real event payloads (@octokit/webhooks-examples), against a stand-in
# GitHub (fake_github.py, through loadverdict's real github-api client) and a stand-in release server (the jar and
# its SHA-256, downloaded and verified by install.sh):
#
#   1. a push to main records the suite's first run (no baseline yet: it passes);
#   2. a pull request that slows one endpoint fails the step, with one sticky comment carrying the numbers and the
#      baseline used, annotations and a job summary;
#   3. a second push to that pull request updates the comment instead of adding one;
#   4. a nightly regression on main opens one issue, and its reproduce commands, pasted into a fresh clone, work;
#   5. the recovery closes the issue;
#   6. the first run of a new suite whose SLO breaks fails without any baseline.
#
# Exits 0 only when every check held. Load tests run LOAD_SECONDS (default 15) against 127.0.0.1 only; the service's
# port, 8089 in the snippet, must be free. Keeps its work directory when a check failed (or KEEP_WORK is set).
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/cli/target/loadverdict.jar"
# GitHub's ubuntu-24.04 images hold a JDK 25 (JAVA_HOME_25_X64), which the action then runs loadverdict on, with its AOT
# cache (bin/jvm.sh); so do these jobs when this machine has one (.ci/test-action.sh runs the action on JDK 17).
runner_env=()
# shellcheck source=bin/jvm.sh
. "$root/bin/jvm.sh"
if java25=$(lv_local_jdk25); then
  runner_env=(--env "JAVA_HOME_25_X64=$java25")
  echo "== the runner's JDK 25: $java25"
fi
load_seconds=${LOAD_SECONDS:-15}
token="ghs_e2eJourney${RANDOM}${RANDOM}"
repo=acme/shop
work=$(mktemp -d "${TMPDIR:-/tmp}/loadverdict-journey.XXXXXX")
failures=0
started=$SECONDS
pids=()
python=$(python3 -c 'import sys; print(sys.executable)')
unset GITHUB_ACTIONS GITHUB_REPOSITORY GITHUB_EVENT_PATH GITHUB_EVENT_NAME GITHUB_RUN_ID GITHUB_SERVER_URL GITHUB_SHA \
  GITHUB_REF GITHUB_OUTPUT GITHUB_STEP_SUMMARY GITHUB_TOKEN

finish() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pidfile in "$work"/jobs/*/workspace/.service.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
  done
  wait 2>/dev/null
  if [ "$failures" -eq 0 ] && [ -z "${KEEP_WORK:-}" ]; then
    rm -rf "$work"
  else
    echo "work directory kept: $work"
  fi
}
trap finish EXIT
trap 'echo "interrupted"; failures=$((failures + 1)); exit 130' INT TERM

check() { # description command...: one line per check
  if "${@:2}"; then
    echo "   ok $1"
  else
    echo "!! FAILED: $1"
    failures=$((failures + 1))
  fi
}
free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
git_() { git -c user.name=dev -c user.email=dev@example.com -c init.defaultBranch=main "$@"; }

[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package -pl cli -am) || { echo "!! cannot build $jar"; exit 1; }
if ! "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 8089))' 2>/dev/null; then
  echo "!! port 8089 (the snippet's service port) is in use; free it first"
  exit 1
fi
command -v locust >/dev/null || { echo "!! locust is not installed (Debian: python3-locust)"; exit 1; }

# --- the stand-ins: a release server and GitHub ------------------------------------------------------------------
release_tag=v9.9.9
mkdir -p "$work/release/$release_tag"
cp "$jar" "$work/release/$release_tag/loadverdict.jar"
(cd "$work/release/$release_tag" && sha256sum loadverdict.jar >loadverdict.jar.sha256)
release_port=$(free_port)
"$python" -m http.server "$release_port" --bind 127.0.0.1 --directory "$work/release" >"$work/release.log" 2>&1 &
pids+=($!)
"$python" "$here/fake_github.py" --token "$token" --port 0 --port-file "$work/github.port" --log "$work/github.jsonl" \
  --repo "$repo" >"$work/github.out" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$work/github.port" ] && curl -fsS "http://127.0.0.1:$release_port/" >/dev/null 2>&1 && break; sleep 0.1; done
github_url="http://127.0.0.1:$(cat "$work/github.port")"

# real event payloads, adapted to this repository below
mkdir -p "$work/node"
(cd "$work/node" && npm install --silent --no-audit --no-fund @octokit/webhooks-examples@7.6.1 >/dev/null 2>&1) \
  || { echo "!! cannot install @octokit/webhooks-examples from npm"; exit 1; }

# --- the user's repository ---------------------------------------------------------------------------------------
origin="$work/origin.git"
git_ init --quiet --bare "$origin"
git -C "$origin" config uploadpack.allowAnySHA1InWant true   # as GitHub: commits are fetched by hash
dev="$work/dev"
git_ clone --quiet "file://$origin" "$dev" 2>/dev/null
mkdir -p "$dev/service" "$dev/.github/workflows"
cp "$root/examples/loadgen/shop_server.py" "$dev/service/"
cp "$root/examples/loadgen/locustfile.py" "$dev/locustfile.py"
echo baseline >"$dev/service.mode"
cat >"$dev/start-service.sh" <<'EOF'
#!/usr/bin/env bash
# Starts the service on 127.0.0.1:PORT in the background, as the mode in service.mode says, and waits until it answers.
set -euo pipefail
port=${1:?usage: start-service.sh PORT}
nohup python3 service/shop_server.py "$port" --mode "$(cat service.mode)" --seed 1 >service.log 2>&1 &
echo $! >.service.pid
for _ in $(seq 100); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && exit 0
  sleep 0.1
done
echo "the service did not start; service.log:" >&2
cat service.log >&2
exit 1
EOF
chmod +x "$dev/start-service.sh"
# the README's workflow: the first yml block that starts with '# .github/workflows/load.yml'
awk '/^```yml$/ {inside=1; block=""; next} inside && /^```$/ {if (block ~ /^# \.github\/workflows\/load\.yml/) {printf "%s", block; exit} inside=0; next} inside {block = block $0 "\n"}' \
  "$root/README.md" | sed "s#OWNER/loadverdict#acme-tools/loadverdict#; s#@vX.Y.Z#@$release_tag#" >"$dev/.github/workflows/load.yml"
grep -q 'loadverdict/.github/actions/loadverdict@' "$dev/.github/workflows/load.yml" \
  || { echo "!! no workflow snippet found in README.md"; exit 1; }
# a second suite, an SLO gate: the same workflow with its own suite and limits
sed 's/suite: checkout$/suite: checkout-slo\n          thresholds: slo.yml/' "$dev/.github/workflows/load.yml" >"$dev/.github/workflows/load-slo.yml"
# ... whose team set up a newer Java for its own steps (when this machine has one): the action must leave it as it was
if [ -n "${java25:-}" ]; then
  sed 's#^      - uses: actions/checkout@v5$#&\n      - uses: actions/setup-java@v5\n        with:\n          distribution: temurin\n          java-version: "25"#' \
    "$dev/.github/workflows/load-slo.yml" >"$work/load-slo.yml"
  cat >>"$work/load-slo.yml" <<'EOF'
      - name: The job's Java after loadverdict
        if: always()
        run: |
          echo "$JAVA_HOME" >java-after.txt
          readlink -f "$(command -v java)" >>java-after.txt
EOF
  mv "$work/load-slo.yml" "$dev/.github/workflows/load-slo.yml"
  grep -q 'java-version: "25"' "$dev/.github/workflows/load-slo.yml" || { echo "!! cannot add setup-java to load-slo.yml"; exit 1; }
fi
cat >"$dev/slo.yml" <<'EOF'
defaults:
  builtInRules: false
  metrics:
    p95: { critical: { limit: 150ms } }
EOF
printf '.service.pid\nservice.log\nresults/\nloadverdict-reports/\n' >"$dev/.gitignore"
(cd "$dev" && git_ add -A && git_ commit --quiet -m "the shop, its load test and the loadverdict workflow" && git_ push --quiet origin HEAD:main)

commit_mode() { # mode message: a commit on the current branch that changes how fast the service is
  (cd "$dev" && echo "$1" >service.mode && git_ commit --quiet -am "$2" && git rev-parse HEAD)
}

# --- events ------------------------------------------------------------------------------------------------------
event() { # kind out [base-sha head-sha pr-number] : a real payload of GitHub's, adapted
  (cd "$work/node" && KIND=$1 OUT=$2 BASE=${3:-} HEAD=${4:-} NUMBER=${5:-} REPO=$repo node -e '
const all = require("@octokit/webhooks-examples/api.github.com/index.json");
const env = process.env;
let e;
if (env.KIND === "push") {
  e = all.find(x => x.name === "push").examples[0];
  e.ref = "refs/heads/main"; e.after = env.HEAD;
} else if (env.KIND === "pull_request") {
  e = all.find(x => x.name === "pull_request").examples.find(x => x.action === "synchronize");
  e.number = Number(env.NUMBER); e.pull_request.number = Number(env.NUMBER);
  e.pull_request.base.ref = "main"; e.pull_request.base.sha = env.BASE;
  e.pull_request.head.ref = "feature"; e.pull_request.head.sha = env.HEAD;
} else {
  e = { schedule: "17 3 * * *" };
}
if (e.repository) { e.repository.full_name = env.REPO; e.repository.default_branch = "main"; }
require("fs").writeFileSync(env.OUT, JSON.stringify(e));')
}

# --- a job, as GitHub runs it ------------------------------------------------------------------------------------
jobs=0
job() { # workflow event ref sha checkout-ref event-file : runs the job in a fresh checkout; sets job_dir, job_status
  jobs=$((jobs + 1))
  job_dir="$work/jobs/$jobs"
  mkdir -p "$job_dir/temp"
  # actions/checkout: one commit deep, the ref of the event (a pull request's merge commit)
  git_ clone --quiet --depth=1 "file://$origin" "$job_dir/workspace" 2>/dev/null
  (cd "$job_dir/workspace" && git_ fetch --quiet --depth=1 origin "$5" && git_ checkout --quiet --detach FETCH_HEAD)
  echo "== job $jobs: $2 on $3 ($(basename "$1"))"
  java -cp "$jar" "$here/Runner.java" --workflow "$job_dir/workspace/.github/workflows/$1" --job load \
    --workspace "$job_dir/workspace" --action-root "$root" --out "$job_dir" --temp "$job_dir/temp" \
    --event "$2" --event-path "$6" --ref "$3" --sha "$4" --repository "$repo" --token "$token" --run-id "$jobs" \
    --skip-step "Install Locust" --job-env "LOAD_SECONDS=$load_seconds" \
    --env "GITHUB_API_URL=$github_url" --env "LOADVERDICT_RELEASES_URL=http://127.0.0.1:$release_port" \
    "${runner_env[@]}" >"$job_dir/stdout" 2>&1
  job_status=$?
  [ -f "$job_dir/workspace/.service.pid" ] && kill "$(cat "$job_dir/workspace/.service.pid")" 2>/dev/null
  echo "   job exit $job_status ($(grep -c '' "$job_dir/annotations.txt") annotations)"
}

# assertions on the stand-in GitHub: python3 reading /_fake/state
state() { # python expression over s (the state) -> printed
  curl -fsS "$github_url/_fake/state" | "$python" -c "import json,sys; s=json.load(sys.stdin); print($1)"
}
output() { # name: a step output of the loadverdict step in the last job
  "$python" -c "import json,sys; print(json.load(open('$job_dir/outputs.json'))['loadverdict']['outputs'].get('$1', ''))" 2>/dev/null
}
contains() { grep -q -- "$2" "$1"; }
equals() { [ "$1" = "$2" ]; }

# --- 1. a push to main records the first run -----------------------------------------------------------------------
main1=$(git -C "$dev" rev-parse HEAD)
event push "$work/push1.json" "" "$main1"
job load.yml push refs/heads/main "$main1" "$main1" "$work/push1.json"
check "the first run on main passes (no baseline yet: limits only)" equals "$job_status" 0
check "it is recorded as checkout@v1" equals "$(output recorded)" "checkout@v1"
check "on the data branch, not on main" equals "$(git --git-dir="$origin" ls-tree -r --name-only loadverdict-data | grep -c '^baselines/checkout/history/')" 1
check "main is unchanged" equals "$(git --git-dir="$origin" rev-parse main)" "$main1"

# --- 2. a pull request that slows one endpoint ---------------------------------------------------------------------
git_ -C "$dev" checkout --quiet -b feature
pr1=$(commit_mode slow-search "search: a slower query plan")
git_ -C "$dev" push --quiet origin feature
curl -fsS -X POST "$github_url/_fake/pulls" -H 'Content-Type: application/json' \
  -d '{"repo": "'"$repo"'", "title": "Slower search", "number": 1}' >/dev/null
merge_ref() { # head: GitHub's refs/pull/1/merge, the head merged into main
  (cd "$dev" && git_ checkout --quiet --detach main && git_ merge --quiet --no-ff -m "Merge $1 into main" "$1" >/dev/null \
    && git_ push --quiet -f origin HEAD:refs/pull/1/merge && git rev-parse HEAD && git_ checkout --quiet feature)
}
merge1=$(merge_ref "$pr1")
event pull_request "$work/pr1.json" "$main1" "$pr1" 1
job load.yml pull_request refs/pull/1/merge "$merge1" refs/pull/1/merge "$work/pr1.json"
check "the pull request's step fails" equals "$job_status" 1
check "against the run of its merge base" equals "$(output baseline)" "checkout@v1"
check "an ::error annotation names the slower endpoint" contains "$job_dir/annotations.txt" '^::error.*GET /api/search'
check "the job summary holds the report" contains "$job_dir/summary.md" '^## loadverdict: FAIL'
check "one sticky comment on the pull request" equals "$(state 'len([c for c in s["comments"] if c["issue_number"] == 1])')" 1
check "the comment carries the numbers and the baseline used" equals "$(state '"GET /api/search" in [c for c in s["comments"] if c["issue_number"] == 1][0]["body"] and "checkout@v1" in [c for c in s["comments"] if c["issue_number"] == 1][0]["body"] and "merge base" in [c for c in s["comments"] if c["issue_number"] == 1][0]["body"]')" True
check "a pull request's run is not recorded" equals "$(output recorded)" ""
comment_before=$(state '[c for c in s["comments"] if c["issue_number"] == 1][0]["body"]' | md5sum)

# --- 3. a second push to the pull request ----------------------------------------------------------------------------
pr2=$(cd "$dev" && echo "# retry" >>locustfile.py && git_ commit --quiet -am "a second commit" && git rev-parse HEAD)
git_ -C "$dev" push --quiet origin feature
merge2=$(merge_ref "$pr2")
event pull_request "$work/pr2.json" "$main1" "$pr2" 1
job load.yml pull_request refs/pull/1/merge "$merge2" refs/pull/1/merge "$work/pr2.json"
check "the second push fails again" equals "$job_status" 1
check "still one comment on the pull request" equals "$(state 'len([c for c in s["comments"] if c["issue_number"] == 1])')" 1
check "updated in place" test "$(state '[c for c in s["comments"] if c["issue_number"] == 1][0]["body"]' | md5sum)" != "$comment_before"

# --- 4. a nightly regression on main -------------------------------------------------------------------------------
git_ -C "$dev" checkout --quiet main
main2=$(commit_mode regressed "checkout: retry less")
git_ -C "$dev" push --quiet origin main
event schedule "$work/nightly.json"
job load.yml schedule refs/heads/main "$main2" "$main2" "$work/nightly.json"
check "the nightly run fails" equals "$job_status" 1
check "against the run before it" equals "$(output baseline)" "checkout@v1"
check "and is recorded as checkout@v2" equals "$(output recorded)" "checkout@v2"
check "one open regression issue" equals "$(state 'len([i for i in s["issues"] if i["state"] == "open" and "pull_request" not in i])')" 1
body="$work/issue.md"
state '[i for i in s["issues"] if i["state"] == "open"][0]["body"]' >"$body"
check "the issue names the regressed endpoint" contains "$body" 'GET /api/search'
awk '/^```sh$/ {inside=1; next} inside && /^```$/ {exit} inside' "$body" >"$work/reproduce.sh"
check "the issue has reproduce commands for a clone" contains "$work/reproduce.sh" 'checkout@v2'
clone="$work/clone"
git_ clone --quiet "file://$origin" "$clone" 2>/dev/null
(cd "$clone" && bash -e "$work/reproduce.sh" >"$work/reproduce.out" 2>&1)
reproduced=$?
check "pasted into a fresh clone, they reproduce the regression (exit 1)" equals "$reproduced" 1
check "with the same verdict" contains "$work/reproduce.out" '^loadverdict: FAIL'
check "no invisible character in what was pasted" equals "$(grep -c $'\u200d' "$work/reproduce.sh")" 0

# --- 5. the recovery ---------------------------------------------------------------------------------------------
main3=$(commit_mode baseline "checkout: back to the old retries")
git_ -C "$dev" push --quiet origin main
event push "$work/push3.json" "" "$main3"
job load.yml push refs/heads/main "$main3" "$main3" "$work/push3.json"
check "the recovered run passes" equals "$job_status" 0
check "it is recorded as checkout@v3" equals "$(output recorded)" "checkout@v3"
check "the issue is closed" equals "$(state 'len([i for i in s["issues"] if i["state"] == "open" and "pull_request" not in i])')" 0
check "with a comment saying why" equals "$(state 'any("passes again" in c["body"] for c in s["comments"])')" True

# --- 6. a new suite with an SLO ----------------------------------------------------------------------------------
main4=$(commit_mode regressed "checkout: retry less, again")
git_ -C "$dev" push --quiet origin main
event push "$work/push4.json" "" "$main4"
job load-slo.yml push refs/heads/main "$main4" "$main4" "$work/push4.json"
check "the first run of a new suite fails on its SLO, without a baseline" equals "$job_status" 1
check "no baseline was used" equals "$(output baseline)" ""
check "the limit breach is the reason" contains "$job_dir/summary.md" 'limit 150 ms'
if [ -n "${java25:-}" ]; then
  java25_real=$(readlink -f "$java25")
  check "the job's own Java (set up before the action) is the same after it" \
    equals "$(cat "$job_dir/workspace/java-after.txt" 2>/dev/null)" "$java25_real"$'\n'"$java25_real/bin/java"
fi

# --- the data branch ---------------------------------------------------------------------------------------------
check "the data branch holds one commit" equals "$(git --git-dir="$origin" rev-list --count loadverdict-data)" 1
echo "== data branch: $(git --git-dir="$origin" ls-tree -r --name-only loadverdict-data | grep -c history/) runs," \
  "$(git --git-dir="$origin" ls-tree -r -l loadverdict-data | awk '{s += $4} END {print s}') bytes"
echo "== $jobs jobs in $((SECONDS - started)) s; $failures failed check(s)"
[ "$failures" -eq 0 ]
