#!/usr/bin/env bash
# Checks fake_github.py against the real loadverdict CLI: starts the fake on a free port, builds the jar if it is
# missing, and runs `loadverdict issues` and `loadverdict comment` against it (GITHUB_API_URL=http://127.0.0.1:PORT),
# asserting on the fake's /_fake/state and request log: issues, recurrences, pagination and the sticky comment, a wrong
# token (401), the same comparison filed again, answers lost after GitHub did the work (a 502, a hang), and a GitHub
# that never answers (short LOADVERDICT_GITHUB_* timeouts). One line per check; exits 0 only when every check held.
# Keeps its work directory (server output, request log, CLI output) when a check failed or KEEP_WORK is set.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
jar="$root/cli/target/loadverdict.jar"
repo=acme/shop
token="ghs_fakeCheck${RANDOM}${RANDOM}"
wrong_token="ghs_notTheRightOne0123456789"
work=$(mktemp -d "${TMPDIR:-/tmp}/fake-github-check.XXXXXX")
mkdir -p "$work/run"
server_pid=""
failures=0
started=$SECONDS
python=$(python3 -c 'import sys; print(sys.executable)')   # the interpreter itself: a pyenv shim costs ~0.5 s a call
# the CLI reads these; a run inside GitHub Actions must not change what it does here
unset GITHUB_ACTIONS GITHUB_REPOSITORY GITHUB_EVENT_PATH GITHUB_EVENT_NAME GITHUB_RUN_ID GITHUB_SERVER_URL GITHUB_SHA

finish() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null
  fi
  if [ "$failures" -eq 0 ] && [ -z "${KEEP_WORK:-}" ]; then
    rm -rf "$work"
  else
    echo "work directory kept: $work"
  fi
}
trap finish EXIT
trap 'echo "interrupted"; failures=$((failures + 1)); exit 130' INT TERM

# --- a small client for the fake and the assertions, in python3 (jq may not be installed) -------------------------
cat >"$work/fake.py" <<'EOF'
import json, os, sys, urllib.error, urllib.request
url, token, work = os.environ["FAKE_URL"], os.environ["FAKE_TOKEN"], os.environ["WORK"]

def call(method, path, data=None, auth=True):
    request = urllib.request.Request(url + path, method=method, data=None if data is None else json.dumps(data).encode(),
                                     headers={"Authorization": "token " + token} if auth else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as e:
        return json.load(e)

def namespace():
    state = call("GET", "/_fake/state", auth=False)
    requests = [json.loads(line) for line in open(work + "/requests.jsonl", encoding="utf-8")]
    run = work + "/run/"
    offset = int(open(run + "offset").read()) if os.path.exists(run + "offset") else 0
    read = lambda name: open(run + name, encoding="utf-8").read() if os.path.exists(run + name) else ""
    return dict(state, call=call, out=read("out"), err=read("err"), rc=int(read("rc") or -1), secs=int(read("ms") or 0) / 1000,
                reqs=[r for r in requests[offset:] if not r["path"].startswith("/_fake/")],  # the last CLI run's
                on=lambda n: [c for c in state["comments"] if c["issue_number"] == n],
                issue=lambda n: next(i for i in state["issues"] + state["pulls"] if i["number"] == n),
                tracked=[i for i in state["issues"] if "loadverdict:fingerprint=" in (i["body"] or "")])

command = sys.argv[1]
if command == "call":        # call METHOD PATH [JSON]: prints the answer
    print(json.dumps(call(sys.argv[2], sys.argv[3], json.loads(sys.argv[4]) if len(sys.argv) > 4 else None)))
elif command == "eval":      # eval EXPRESSION: prints its value
    print(eval(sys.argv[2], namespace()))
elif command == "verify":    # verify DESCRIPTION EXPRESSION ...: a line for each; exits with the number that failed
    names, failed = namespace(), 0
    for description, expression in zip(sys.argv[2::2], sys.argv[3::2]):
        try:
            held = bool(eval(expression, names))
        except Exception as e:
            held, description = False, "%s (%s: %s)" % (description, type(e).__name__, e)
        failed += not held
        print("%s - %s" % ("ok  " if held else "FAIL", description))
    sys.exit(min(failed, 100))
elif command == "fill":      # fill PATH N JSON: N POSTs of JSON ({i} replaced by the count)
    for i in range(int(sys.argv[3])):
        call("POST", sys.argv[2], json.loads(sys.argv[4].replace("{i}", str(i))))
EOF

fake() { FAKE_URL="$api" FAKE_TOKEN="$token" WORK="$work" "$python" "$work/fake.py" "$@"; }

# lv ARGS...: runs the CLI against the fake; its stdout, stderr, exit code and milliseconds taken go to $work/run for
# the checks. Each call is another CI run (its own GITHUB_RUN_ID, so its own run address in what it files) unless
# run_id names an earlier one ($last_run: the same comparison filed again).
runs=0
lv() {
  wc -l <"$work/requests.jsonl" >"$work/run/offset"
  runs=$((runs + 1))
  last_run=${run_id:-$runs}
  local t0
  t0=$(date +%s%N)
  GITHUB_API_URL="$api" GITHUB_TOKEN="${use_token:-$token}" GITHUB_SERVER_URL=https://github.com GITHUB_REPOSITORY="$repo" \
    GITHUB_RUN_ID="$last_run" java -XX:TieredStopAtLevel=1 -jar "$jar" "$@" >"$work/run/out" 2>"$work/run/err"
  echo $? >"$work/run/rc"
  echo $((($(date +%s%N) - t0) / 1000000)) >"$work/run/ms"
}

# check DESCRIPTION PYTHON_EXPRESSION...: checks, evaluated together on the fake's state by the next `verify`. Names:
# issues, pulls, comments (GitHub-shaped, as in /_fake/state), tracked (issues with a fingerprint), on(n) (comments
# on #n), issue(n), call(method, path, data, auth); out, err, rc, secs (the last CLI run), reqs (its requests, from
# the log)
pending=()
check() { pending+=("$@"); }
verify() {
  fake verify "${pending[@]}"
  local failed=$?
  pending=()
  if [ "$failed" -ne 0 ]; then
    failures=$((failures + failed))
    echo "       last CLI run: exit $(cat "$work/run/rc" 2>/dev/null); output:"
    sed 's/^/       | /' "$work/run/out" "$work/run/err" 2>/dev/null | head -n 20
  fi
}

# --- set up ----------------------------------------------------------------------------------------------------------
if [ ! -f "$jar" ]; then
  echo "building $jar ..."
  (cd "$root" && ./mvnw -B -q -DskipTests package -pl cli -am) || { echo "FAIL - cannot build loadverdict"; exit 1; }
fi
touch "$work/requests.jsonl"
"$python" "$here/fake_github.py" --token "$token" --port 0 --port-file "$work/port" --log "$work/requests.jsonl" \
  --repo "$repo" >"$work/server.out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  [ -s "$work/port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ ! -s "$work/port" ]; then
  echo "FAIL - the fake did not start:"
  cat "$work/server.out"
  failures=1
  exit 1
fi
api="http://127.0.0.1:$(cat "$work/port")"
echo "fake GitHub at $api (pid $server_pid)"

(cd "$root" && java -XX:TieredStopAtLevel=1 -jar "$jar" compare --baseline examples/baselines/shop.json \
  examples/runs/locust-regressed/ --format json >"$work/cmp.json" 2>"$work/compare.err"; echo $? >"$work/compare.rc") &
compare_pid=$!
(cd "$root" && java -XX:TieredStopAtLevel=1 -jar "$jar" compare --baseline examples/baselines/shop.json \
  examples/runs/locust-unchanged/ --format json >"$work/pass.json" 2>"$work/compare-pass.err") &
wait "$compare_pid" $!
cmp="$work/cmp.json"
pass="$work/pass.json"
check "compare: the regressed run exits 1 and its comparison has critical regressions" \
  "open('$work/compare.rc').read().strip() == '1' and '\"critical\"' in open('$cmp').read().lower()"
check "fake: an API request without a token gets 401 Requires authentication" \
  "call('GET', '/repos/$repo', auth=False)['message'] == 'Requires authentication'"
verify

# --- issues ----------------------------------------------------------------------------------------------------------
cd "$work" || exit 1   # no loadverdict.yml here
lv issues "$cmp" --repo "$repo" --label performance-regression --label team-shop --assignee alice
check "issues: a critical regression opens one issue (exit 1, the verdict's)" \
  "rc == 1 and 'created issue #1 ' in out and len(issues) == 1 and issue(1)['state'] == 'open'"
check "issues: the issue has both labels, the assignee and the hidden fingerprint" \
  "sorted(l['name'] for l in issue(1)['labels']) == ['performance-regression', 'team-shop'] and \
   [a['login'] for a in issue(1)['assignees']] == ['alice'] and tracked == [issue(1)]"
check "issues: open issues were listed by label, state and page size" \
  "{'labels': 'performance-regression', 'state': 'open', 'per_page': '100'} in \
   [r['query'] for r in reqs if (r['method'], r['path']) == ('GET', '/repos/$repo/issues')]"
verify

fake call POST /_fake/fail '{"count": 1, "status": 502, "match": "POST /repos/acme/shop/issues/1/comments"}' >/dev/null
lv issues "$cmp" --repo "$repo" --label performance-regression --label team-shop
check "issues, second run: no second issue, a recurrence comment on #1 instead" \
  "rc == 1 and 'commented on issue #1' in out and len(issues) == 1 and len(on(1)) == 1 \
   and 'found this regression again' in on(1)[0]['body']"
check "issues, second run: a 502 on the comment was retried and succeeded" \
  "[r['status'] for r in reqs if (r['method'], r['path']) == ('POST', '/repos/$repo/issues/1/comments')] == [502, 201]"
check "issues, second run: the summary in the body was rewritten (PATCH)" \
  "any(r['method'] == 'PATCH' and r['path'] == '/repos/$repo/issues/1' and 'body' in r['body'] for r in reqs)"
verify

fake fill "/repos/$repo/issues" 100 '{"title": "Someone else'"'"'s issue {i}", "labels": ["performance-regression"]}'
lv issues "$cmp" --repo "$repo"
check "issues, behind 100 newer labelled issues: #1 found on page 2 (Link rel=next), still no duplicate" \
  "rc == 1 and len(tracked) == 1 and len(on(1)) == 2 and \
   any(r['path'].startswith('/repositories/') and r['query'].get('page') == '2' for r in reqs)"
verify

lv issues "$pass" --repo "$repo" --close-resolved
check "issues --close-resolved on a passing run: #1 gets the evidence and is closed" \
  "rc == 0 and 'closed issue #1' in out and issue(1)['state'] == 'closed' and issue(1)['state_reason'] == 'completed' \
   and 'passes again' in on(1)[-1]['body'] and len(on(1)) == 3"
check "issues: the other 100 labelled issues were left alone" \
  "sum(i['state'] == 'open' and i['comments'] == 0 for i in issues) == 100"
verify

# --- the pull-request comment ----------------------------------------------------------------------------------------
pr=$(fake eval "call('POST', '/_fake/pulls', {'repo': '$repo', 'title': 'Speed up search'})['number']")
check "fake: a pull request takes the next number after the issues (#$pr)" "$pr == 102 and issue($pr)['pull_request']"
lv comment "$cmp" --pr "$pr" --repo "$repo"
check "comment: creates one comment on #$pr (exit 1, the verdict's)" \
  "rc == 1 and 'created comment on #$pr' in out and len(on($pr)) == 1 and 'loadverdict:comment:start' in on($pr)[0]['body']"
verify
comment_id=$(fake eval "on($pr)[0]['id']")
lv comment "$pass" --pr "$pr" --repo "$repo"
check "comment, second run: still exactly one comment, updated in place (same id, new body, PATCH)" \
  "rc == 0 and 'updated comment on #$pr' in out and [c['id'] for c in on($pr)] == [$comment_id] \
   and 'PASS' in on($pr)[0]['body'] and any(r['method'] == 'PATCH' \
   and r['path'] == '/repos/$repo/issues/comments/$comment_id' for r in reqs)"
verify

echo "{\"action\": \"synchronize\", \"number\": $pr, \"pull_request\": {\"number\": $pr}}" >"$work/event.json"
GITHUB_EVENT_NAME=pull_request GITHUB_EVENT_PATH="$work/event.json" lv comment "$pass" --repo "$repo"
check "comment from a pull_request event (no --pr): the same one comment" \
  "rc == 0 and 'comment on #$pr' in out and [c['id'] for c in on($pr)] == [$comment_id]"
verify
run_id=$last_run GITHUB_EVENT_NAME=pull_request GITHUB_EVENT_PATH="$work/event.json" lv comment "$pass" --repo "$repo"
check "comment, the same run again: says it is already up to date, and sends nothing (no PATCH)" \
  "rc == 0 and out == 'loadverdict: comment on #$pr already up to date; not changed\n' \
   and [c['id'] for c in on($pr)] == [$comment_id] and all(r['method'] == 'GET' for r in reqs)"
verify

busy=$(fake eval "call('POST', '/_fake/pulls', {'repo': '$repo', 'title': 'A busy pull request'})['number']")
fake fill "/repos/$repo/issues/$busy/comments" 30 '{"body": "a reviewer'"'"'s remark {i}"}'
fake call POST "/repos/$repo/issues/$busy/comments" '{"body": "<!-- loadverdict:comment:start -->\nan old verdict"}' >/dev/null
lv comment "$pass" --pr "$busy" --repo "$repo"
check "comment: its comment behind 30 others (page 2) is found and updated, not duplicated" \
  "rc == 0 and len(on($busy)) == 31 and 'PASS' in on($busy)[30]['body'] and \
   any(r['query'].get('page') == '2' for r in reqs)"
verify

# --- a wrong token ---------------------------------------------------------------------------------------------------
before=$(fake eval "len(issues) + len(comments)")
use_token=$wrong_token lv issues "$pass" --repo "$repo" --close-resolved
check "issues with a wrong token: one clear error line, exit 4, token not shown, nothing changed" \
  "rc == 4 and out == '' and err.count('\n') == 1 and '401' in err and 'token' in err \
   and '$wrong_token' not in err and len(issues) + len(comments) == $before and all(r['status'] == 401 for r in reqs)"
verify
use_token=$wrong_token lv comment "$pass" --pr "$pr" --repo "$repo"
check "comment with a wrong token: the same error line, exit 4 (a 401 is no fork's read-only token), nothing changed" \
  "rc == 4 and err.count('\n') == 1 and 'GitHub answered 401 Unauthorized for ' in err and ': bad credentials' in err and 'fork' not in err \
   and '$wrong_token' not in err and len(issues) + len(comments) == $before"
verify

# --- the same comparison again, lost answers, hangs --------------------------------------------------------------------
lv issues "$cmp" --repo "$repo"
n=$(fake eval "max(i['number'] for i in tracked if i['state'] == 'open')")
check "issues: the regression back after #1 was closed opens a new issue #$n" "rc == 1 and 'created issue #$n ' in out"
verify
run_id=$last_run lv issues "$cmp" --repo "$repo"
check "issues, the same comparison filed again: #$n left as it is, no comment, no PATCH, nothing created" \
  "rc == 1 and out == 'loadverdict: left issue #$n as it is: it already shows this comparison\n' and on($n) == [] \
   and all(r['method'] == 'GET' for r in reqs)"
verify

fake call POST /_fake/fail '{"count": 1, "status": 502, "after": true, "match": "POST /repos/acme/shop/issues/'"$n"'/comments"}' >/dev/null
lv issues "$cmp" --repo "$repo"
check "issues, the recurrence comment's answer lost (502 after GitHub added it): the retry finds it, one comment" \
  "rc == 1 and 'issue #$n already has this comment; not added again' in out and len(on($n)) == 1 \
   and [r['status'] for r in reqs if r['method'] == 'POST'] == [502]"
verify

fake call POST /_fake/hang '{"count": 1, "after": true, "match": "POST /repos/acme/shop/issues/'"$n"'/comments"}' >/dev/null
LOADVERDICT_GITHUB_READ_TIMEOUT=1s lv issues "$cmp" --repo "$repo"
check "issues, the recurrence comment never answered (GitHub added it): a timeout after 1 s, the retry finds it" \
  "rc == 1 and 'issue #$n already has this comment; not added again' in out and len(on($n)) == 2 \
   and sum(r['method'] == 'POST' for r in reqs) == 1 and err == ''"
verify

fake call POST /_fake/fail '{"count": 1, "status": 502, "after": true, "match": "POST /repos/acme/shop/issues"}' >/dev/null
lv issues "$cmp" --repo "$repo" --suite other --confirm-runs 2
check "issues --confirm-runs 2, the pending-state issue's answer lost: the retry finds it, one pending-state issue" \
  "rc == 1 and 'found the pending-state issue #' in out and 'not created twice' in out \
   and sum('loadverdict:pending-state' in (i['body'] or '') for i in issues) == 1"
verify

fake call POST /_fake/hang '{"count": 100}' >/dev/null
LOADVERDICT_GITHUB_READ_TIMEOUT=1s LOADVERDICT_GITHUB_RETRY_TIME=4s lv comment "$pass" --pr "$pr" --repo "$repo"
check "comment when GitHub never answers: one line, exit 4, within the retry time (4 s) and a run's own time" \
  "rc == 4 and err.count('\n') == 1 and 'no answer within' in err and 'gave up after' in err and out == '' \
   and secs < 12 and len(reqs) >= 2"
verify
fake call POST /_fake/hang '{"count": 0}' >/dev/null

# --- stopping --------------------------------------------------------------------------------------------------------
kill "$server_pid"
wait "$server_pid"
status=$?
server_pid=""
if [ "$status" -eq 0 ] && grep -q "fake_github stopped" "$work/server.out"; then
  echo "ok   - fake: stops cleanly on SIGTERM"
else
  echo "FAIL - fake: stops cleanly on SIGTERM (exit $status)"
  failures=$((failures + 1))
fi

echo "$((SECONDS - started)) s; $failures failed check(s)"
[ "$failures" -eq 0 ]
