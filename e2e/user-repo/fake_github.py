#!/usr/bin/env python3
"""A small, stateful stand-in for the GitHub REST API, for loadverdict's end-to-end tests (standard library only).

Implements what org.kohsuke:github-api 1.330 calls for `loadverdict issues` and `loadverdict comment`, with GitHub's
response shapes (ids, node_id, number, url, html_url, user, label objects, state, ISO times, comments count, rate-limit
headers, `Link` pagination) and GitHub's error bodies:

    GET   /user                                   the token's user; 403 for a bot login (an Actions token has no user)
    GET   /repos/{o}/{r}                          the repository (any name exists unless --repo restricts them)
    GET   /repos/{o}/{r}/issues                   state=open|closed|all, labels=a,b, sort, direction, per_page, page;
                                                  pull requests are listed too, marked by a `pull_request` key
    POST  /repos/{o}/{r}/issues                   title, body, labels (created on the fly), assignees/assignee
    GET   /repos/{o}/{r}/issues/{n}               an issue or a pull request (issues and pull requests share numbers)
    PATCH /repos/{o}/{r}/issues/{n}               title, body, state (open/closed), state_reason, labels, assignees
    GET   /repos/{o}/{r}/issues/{n}/comments      per_page, page
    POST  /repos/{o}/{r}/issues/{n}/comments      body
    GET   /repos/{o}/{r}/issues/comments/{id}
    PATCH /repos/{o}/{r}/issues/comments/{id}     body
    /repositories/{id}/...                        the same, by repository id (GitHub's `Link` URLs use this form)

Every API request needs `Authorization: token T` or `Bearer T` with the --token: else 401 ("Requires authentication"
or "Bad credentials"). Not implemented: everything else (pull-request files/reviews, reactions, milestones, search,
GraphQL, conditional requests, real rate limiting, permissions, /api/v3 prefixes). All content is kept in memory.

Control endpoints (no token needed; not GitHub's):
    GET  /_fake/state   {"issues": [...], "pulls": [...], "comments": [...]}: issue-shaped objects with a "repository"
                        key; comments also carry "issue_number"
    POST /_fake/pulls   {"repo": "o/r", "title": "...", "number": N, "body": "..."} (all optional; repo defaults to the
                        only --repo) creates an open pull request and answers it; a pull_request event for
                        $GITHUB_EVENT_PATH is {"pull_request": <that answer>}
    POST /_fake/reset   forget every repository, issue, pull request and comment
    POST /_fake/fail    {"count": 1, "status": 502, "retry_after": S, "match": "POST /repos/o/r/issues", "after": false}:
                        the next `count` API requests whose "METHOD PATH" contains `match` (default: any) get that
                        status, with a Retry-After header when retry_after is given; with "after": true each is
                        carried out first and only its answer is lost (a timeout after GitHub did the work)
    POST /_fake/hang    {"count": 1, "match": "...", "after": false}: likewise, but never answered (the connection stays
                        open until the server stops); with "after": true each is carried out first (GitHub did the work,
                        the client times out); a new /_fake/fail or /_fake/hang replaces the previous one of its kind

Start:  python3 fake_github.py --token T [--port 0] [--port-file FILE] [--log FILE] [--repo OWNER/NAME]...
        [--login github-actions[bot]]
It binds 127.0.0.1 only, prints "fake_github listening on http://127.0.0.1:PORT", writes PORT to --port-file once
listening, logs one JSON line per request to --log (the token is never logged) and stops cleanly on SIGTERM/SIGINT.
"""
import argparse
import json
import os
import re
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

DOCS = "https://docs.github.com/rest"


def now():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class ApiError(Exception):
    def __init__(self, status, message, **extra):
        super().__init__(message)
        self.status, self.body = status, {"message": message, **extra, "documentation_url": DOCS, "status": str(status)}


NOT_FOUND = (404, "Not Found")


def validation_failed(resource, field):
    return ApiError(422, "Validation Failed", errors=[{"resource": resource, "code": "missing_field", "field": field}])


class Fake:
    """All of the fake GitHub's state; every method runs under the one lock."""

    def __init__(self, token, login, repos):
        self.token, self.login, self.allowed = token, login, [r.lower() for r in repos]
        self.lock, self.released = threading.Lock(), threading.Event()
        self.base = ""
        self.reset()

    def reset(self):
        self.repos, self.by_id, self.next_id = {}, {}, 1000
        self.faults = {"hang": {"count": 0}, "fail": {"count": 0}}

    def take_fault(self, method, path):
        """The fault injected into this API request, if any: hangs first, then failures."""
        for kind in ("hang", "fail"):
            fault = self.faults[kind]
            if fault["count"] > 0 and fault.get("match", "") in "%s %s" % (method, path):
                fault["count"] -= 1
                return dict(fault, kind=kind)
        return None

    def new_id(self, kind):
        self.next_id += 1
        return self.next_id, "%s_kwDO%08d" % (kind, self.next_id)

    def user(self, login):
        uid = 41898282 if login == "github-actions[bot]" else 5000 + sum(map(ord, login))
        return {"login": login, "id": uid, "node_id": "U_%d" % uid, "avatar_url": "", "gravatar_id": "",
                "url": "%s/users/%s" % (self.base, quote(login)), "html_url": "%s/%s" % (self.base, quote(login)),
                "type": "Bot" if login.endswith("[bot]") else "User", "site_admin": False}

    def repo(self, owner, name):
        key = "%s/%s" % (owner, name)
        if key.lower() not in self.repos:
            if self.allowed and key.lower() not in self.allowed:
                raise ApiError(*NOT_FOUND)
            rid, node = self.new_id("R")
            url = "%s/repos/%s" % (self.base, key)
            self.repos[key.lower()] = self.by_id[rid] = {
                "json": {"id": rid, "node_id": node, "name": name, "full_name": key, "private": False,
                         "owner": self.user(owner), "html_url": "%s/%s" % (self.base, key), "description": None,
                         "fork": False, "url": url, "issues_url": url + "/issues{/number}",
                         "created_at": now(), "updated_at": now(), "pushed_at": now(), "default_branch": "main",
                         "has_issues": True, "archived": False, "disabled": False, "visibility": "public",
                         "open_issues_count": 0,
                         "permissions": {"admin": False, "maintain": False, "push": True, "triage": True, "pull": True}},
                "issues": {}, "comments": {}, "labels": {}, "next_number": 1}
        return self.repos[key.lower()]

    def label(self, repo, name):
        if name.lower() not in repo["labels"]:
            lid, node = self.new_id("LA")
            repo["labels"][name.lower()] = {"id": lid, "node_id": node, "name": name, "color": "ededed",
                                            "url": "%s/labels/%s" % (repo["json"]["url"], quote(name)),
                                            "default": False, "description": None}
        return repo["labels"][name.lower()]

    def new_issue(self, repo, data, number=None, pull=False):
        if not isinstance(data.get("title"), str) or not data["title"]:
            raise validation_failed("Issue", "title")
        if number is None:
            number = repo["next_number"]
        elif number in repo["issues"]:
            raise ApiError(422, "Validation Failed", errors=[{"resource": "PullRequest", "code": "already_exists"}])
        repo["next_number"] = max(repo["next_number"], number + 1)
        iid, node = self.new_id("PR" if pull else "I")
        url, html = "%s/issues/%d" % (repo["json"]["url"], number), "%s/%s/%d" % (
            repo["json"]["html_url"], "pull" if pull else "issues", number)
        issue = {"id": iid, "node_id": node, "url": url, "repository_url": repo["json"]["url"],
                 "labels_url": url + "/labels{/name}", "comments_url": url + "/comments", "events_url": url + "/events",
                 "html_url": html, "number": number, "state": "open", "state_reason": None, "title": "", "body": None,
                 "user": self.user(self.login), "labels": [], "assignee": None, "assignees": [], "milestone": None,
                 "locked": False, "active_lock_reason": None, "comments": 0, "closed_at": None, "created_at": now(),
                 "updated_at": now(), "closed_by": None, "author_association": "NONE"}
        if pull:
            pr_url = "%s/pulls/%d" % (repo["json"]["url"], number)
            issue["pull_request"] = {"url": pr_url, "html_url": html, "diff_url": html + ".diff",
                                     "patch_url": html + ".patch", "merged_at": None}
        repo["issues"][number] = issue
        return self.edit_issue(repo, issue, data)

    def edit_issue(self, repo, issue, data):
        for key in ("title", "body"):
            if key in data:
                issue[key] = data[key]
        if "labels" in data:
            names = [lab["name"] if isinstance(lab, dict) else str(lab) for lab in data["labels"] or []]
            issue["labels"] = [self.label(repo, name) for name in names]
        if "assignees" in data or "assignee" in data:
            logins = data.get("assignees") or ([data["assignee"]] if data.get("assignee") else [])
            issue["assignees"] = [self.user(login) for login in logins]
            issue["assignee"] = issue["assignees"][0] if issue["assignees"] else None
        if data.get("state") in ("open", "closed") and data["state"] != issue["state"]:
            closing = data["state"] == "closed"
            issue.update(state=data["state"], closed_at=now() if closing else None,
                         closed_by=self.user(self.login) if closing else None,
                         state_reason=data.get("state_reason") or ("completed" if closing else "reopened"))
        issue["updated_at"] = now()
        repo["json"]["open_issues_count"] = sum(i["state"] == "open" for i in repo["issues"].values())
        return issue

    def issue(self, repo, number):
        if int(number) not in repo["issues"]:
            raise ApiError(*NOT_FOUND)
        return repo["issues"][int(number)]

    def new_comment(self, repo, issue, data):
        if not isinstance(data.get("body"), str) or not data["body"]:
            raise validation_failed("IssueComment", "body")
        cid, node = self.new_id("IC")
        comment = {"id": cid, "node_id": node, "url": "%s/issues/comments/%d" % (repo["json"]["url"], cid),
                   "html_url": "%s#issuecomment-%d" % (issue["html_url"], cid), "issue_url": issue["url"],
                   "body": data["body"], "user": self.user(self.login), "created_at": now(), "updated_at": now(),
                   "author_association": "NONE", "issue_number": issue["number"]}
        repo["comments"][cid] = comment
        issue["comments"] += 1
        issue["updated_at"] = now()
        return comment

    def comment(self, repo, cid):
        if int(cid) not in repo["comments"]:
            raise ApiError(*NOT_FOUND)
        return repo["comments"][int(cid)]

    def state(self):
        out = {"issues": [], "pulls": [], "comments": []}
        for repo in self.repos.values():
            full = {"repository": repo["json"]["full_name"]}
            for issue in sorted(repo["issues"].values(), key=lambda i: i["number"]):
                out["pulls" if "pull_request" in issue else "issues"].append({**issue, **full})
            out["comments"] += [{**c, **full} for c in sorted(repo["comments"].values(), key=lambda c: c["id"])]
        return out


def page(items, query, link_path, base):
    """One page of items and GitHub's Link header for the others."""
    per_page = max(1, min(100, int(query.get("per_page", 30))))
    number = max(1, int(query.get("page", 1)))
    last = max(1, -(-len(items) // per_page))
    links = []
    for rel, target in (("prev", number - 1), ("next", number + 1), ("last", last), ("first", 1)):
        if (rel in ("prev", "first") and number > 1) or (rel in ("next", "last") and number < last):
            links.append('<%s%s?%s>; rel="%s"' % (base, link_path, urlencode({**query, "page": target}), rel))
    return items[(number - 1) * per_page:number * per_page], ({"Link": ", ".join(links)} if links else {})


def public(obj):
    return {k: v for k, v in obj.items() if k != "issue_number"}


def api(fake, method, path, query, data):
    """Answers one authenticated API request: (status, body, extra headers)."""
    if (method, path) == ("GET", "/user"):  # an Actions token is an app installation's, which has no user
        if fake.login.endswith("[bot]"):
            raise ApiError(403, "Resource not accessible by integration")
        return 200, fake.user(fake.login), {}
    m = re.fullmatch(r"/repos/([^/]+)/([^/]+)(/.*)?", path) or re.fullmatch(r"/repositories/(\d+)(/.*)?", path)
    if not m:
        raise ApiError(*NOT_FOUND)
    if path.startswith("/repositories/"):
        repo, rest = fake.by_id.get(int(m.group(1))), m.group(2) or ""
        if repo is None:
            raise ApiError(*NOT_FOUND)
    else:
        repo, rest = fake.repo(m.group(1), m.group(2)), m.group(3) or ""
    link_base = "/repositories/%d" % repo["json"]["id"]
    route = (method, re.sub(r"/\d+", "/N", rest))
    ids = [int(n) for n in re.findall(r"/(\d+)", rest)]
    if route == ("GET", ""):
        return 200, repo["json"], {}
    if route == ("GET", "/issues"):
        state = query.get("state", "open")
        labels = [name.strip().lower() for name in query.get("labels", "").split(",") if name.strip()]
        found = [i for i in repo["issues"].values() if state in ("all", i["state"])
                 and all(name in {lab["name"].lower() for lab in i["labels"]} for name in labels)]
        key = {"updated": "updated_at", "comments": "comments"}.get(query.get("sort"), "id")
        found.sort(key=lambda i: (i[key], i["id"]), reverse=query.get("direction", "desc") != "asc")
        items, headers = page(found, query, link_base + "/issues", fake.base)
        return 200, items, headers
    if route == ("POST", "/issues"):
        issue = fake.new_issue(repo, data)
        return 201, issue, {"Location": issue["url"]}
    if route == ("GET", "/issues/N"):
        return 200, fake.issue(repo, ids[0]), {}
    if route == ("PATCH", "/issues/N"):
        return 200, fake.edit_issue(repo, fake.issue(repo, ids[0]), data), {}
    if route == ("GET", "/issues/N/comments"):
        issue = fake.issue(repo, ids[0])
        found = [public(c) for c in repo["comments"].values() if c["issue_number"] == issue["number"]]
        items, headers = page(found, query, "%s/issues/%d/comments" % (link_base, issue["number"]), fake.base)
        return 200, items, headers
    if route == ("POST", "/issues/N/comments"):
        comment = fake.new_comment(repo, fake.issue(repo, ids[0]), data)
        return 201, public(comment), {"Location": comment["url"]}
    if route == ("GET", "/issues/comments/N"):
        return 200, public(fake.comment(repo, ids[0])), {}
    if route == ("PATCH", "/issues/comments/N"):
        comment = fake.comment(repo, ids[0])
        if not isinstance(data.get("body"), str) or not data["body"]:
            raise validation_failed("IssueComment", "body")
        comment.update(body=data["body"], updated_at=now())
        return 200, public(comment), {}
    raise ApiError(*NOT_FOUND)


def control(fake, method, path, data):
    if (method, path) == ("GET", "/_fake/state"):
        return 200, fake.state()
    if (method, path) == ("POST", "/_fake/reset"):
        fake.reset()
        return 200, {"reset": True}
    if (method, path) == ("POST", "/_fake/pulls"):
        full = data.get("repo") or (fake.allowed[0] if len(fake.allowed) == 1 else None)
        if not full or "/" not in full:
            raise ApiError(422, "give repo OWNER/NAME")
        repo = fake.repo(*full.split("/", 1))
        fields = {"title": data.get("title", "A pull request"), "body": data.get("body")}
        number = int(data["number"]) if data.get("number") is not None else None
        return 201, fake.new_issue(repo, fields, number, pull=True)
    if method == "POST" and path in ("/_fake/fail", "/_fake/hang"):
        kind = path[len("/_fake/"):]
        fake.faults[kind] = {"count": int(data.get("count", 1)), "status": int(data.get("status", 502)),
                             "retry_after": data.get("retry_after"), "match": str(data.get("match", "")),
                             "after": bool(data.get("after", False))}
        return 200, {kind: fake.faults[kind]}
    raise ApiError(*NOT_FOUND)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake_github/1"
    fake: Fake = None
    log_file = None
    log_lock = threading.Lock()
    used = [0]

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline().strip():  # trailers, then the empty line
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def handle_any(self):
        method = self.headers.get("X-HTTP-Method-Override", self.command).upper()
        parts = urlsplit(self.path)
        path, query = parts.path.rstrip("/") or "/", dict(parse_qsl(parts.query))
        fake, raw, data, status, body, headers, fault = self.fake, self.read_body(), None, None, None, {}, None
        try:
            try:
                data = json.loads(raw) if raw.strip() else {}
            except ValueError:
                raise ApiError(400, "Problems parsing JSON")
            args = data if isinstance(data, dict) else {}
            with fake.lock:
                if path.startswith("/_fake/"):
                    status, body = control(fake, method, path, args)
                else:
                    fault = fake.take_fault(method, path)
                    if not fault or fault["after"]:
                        self.authenticate()
                        status, body, headers = api(fake, method, path, query, args)
                body = json.loads(json.dumps(body))  # a snapshot, taken under the lock
        except ApiError as e:
            status, body = e.status, e.body
        except (ValueError, TypeError, KeyError) as e:
            status, body = 400, ApiError(400, "Bad request: %s" % e).body
        note = fault and fault["kind"] + (" after the work" if fault["after"] else "")
        if fault and fault["kind"] == "fail":
            status, body, headers = fault["status"], {"message": "Server Error"}, {}
            if fault["retry_after"] is not None:
                headers["Retry-After"] = str(fault["retry_after"])
        self.log_request_line(method, parts.path, query, data, status, note)
        if fault and fault["kind"] == "hang":
            fake.released.wait()
            self.close_connection = True
            return
        out = json.dumps(body, ensure_ascii=False, indent=1 if path == "/_fake/state" else None).encode()
        self.send_response(status)
        reset = (int(time.time()) // 3600 + 1) * 3600
        for name, value in {"Content-Type": "application/json; charset=utf-8", "Content-Length": str(len(out)),
                            "X-GitHub-Media-Type": "github.v3; format=json", "X-RateLimit-Limit": "5000",
                            "X-RateLimit-Remaining": str(max(0, 5000 - self.used[0])),
                            "X-RateLimit-Used": str(self.used[0]), "X-RateLimit-Reset": str(reset),
                            "X-RateLimit-Resource": "core", **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(out)

    def authenticate(self):
        auth = self.headers.get("Authorization", "")
        if not auth:
            raise ApiError(401, "Requires authentication")
        if auth not in ("token " + self.fake.token, "Bearer " + self.fake.token):
            raise ApiError(401, "Bad credentials")
        self.used[0] += 1

    def log_request_line(self, method, path, query, data, status, note):
        if not self.log_file:
            return
        auth = self.headers.get("Authorization", "")
        entry = {"time": now(), "method": method, "path": path, "query": query, "status": status,
                 "auth": "none" if not auth else ("ok" if auth.split(" ")[-1] == self.fake.token else "bad"),
                 "headers": {k: v for k, v in self.headers.items() if k.lower() != "authorization"}, "body": data}
        if note:
            entry["injected"] = note
        with self.log_lock, open(self.log_file, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry) + "\n")

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = handle_any

    def log_message(self, fmt, *args):  # quiet: the --log file has everything
        pass


def main():
    parser = argparse.ArgumentParser(description="A small stateful fake of the GitHub REST API (see the header).")
    parser.add_argument("--token", required=True, help="the one token accepted")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1; 0 picks a free one")
    parser.add_argument("--port-file", help="write the port here once listening")
    parser.add_argument("--log", help="append one JSON line per request here")
    parser.add_argument("--repo", action="append", default=[], help="OWNER/NAME; only these exist (default: any)")
    parser.add_argument("--login", default="github-actions[bot]", help="the token's user")
    args = parser.parse_args()

    Handler.fake, Handler.log_file = Fake(args.token, args.login, args.repo), args.log
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads, server.block_on_close = True, False  # stop without waiting for idle keep-alives
    port = server.server_address[1]
    Handler.fake.base = "http://127.0.0.1:%d" % port
    if args.port_file:
        with open(args.port_file + ".tmp", "w", encoding="utf-8") as f:
            f.write("%d\n" % port)
        os.replace(args.port_file + ".tmp", args.port_file)
    print("fake_github listening on http://127.0.0.1:%d" % port, flush=True)

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    serving = threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True)
    serving.start()
    while not stop.wait(0.2):
        pass
    Handler.fake.released.set()  # let hung requests end
    server.shutdown()
    server.server_close()
    print("fake_github stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
