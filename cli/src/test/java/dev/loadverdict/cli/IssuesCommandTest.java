package dev.loadverdict.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** loadverdict issues: from a saved comparison to GitHub (WireMock playing GitHub's REST API). */
class IssuesCommandTest {

    private static final String TOKEN = "ghp_verysecret";
    private WireMockServer github;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() throws IOException {
        github = new WireMockServer(options().dynamicPort());
        github.start();
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop")).willReturn(okJson("{\"id\":1,\"name\":\"shop\",\"full_name\":\"acme/shop\","
                + "\"owner\":{\"login\":\"acme\",\"id\":2},\"url\":\"" + github.baseUrl() + "/repos/acme/shop\"}")));
        Cli.Result json = Cli.run("compare", "--baseline", "examples/baselines/shop.json", "--format", "json",
                "examples/runs/locust-regressed/");
        Files.writeString(tmp.resolve("comparison.json"), json.out());
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    private Cli.Result issues(Map<String, String> env, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "issues";
        args[1] = "comparison.json";
        args[2] = "--repo";
        args[3] = "acme/shop";
        System.arraycopy(more, 0, args, 4, more.length);
        return Cli.runIn(tmp, env, args);
    }

    @Test
    void aDryRunWithoutATokenPrintsThePlanAndTouchesNothing() {
        Cli.Result r = issues(Map.of(), "--dry-run", "--suite", "nightly");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.out()).contains("loadverdict: dry run: would create issue \"Performance regression in default (nightly)\"");
        assertThat(issues(Map.of()).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void confirmRunsAndTheConfigsIssueSettingsShapeThePlan() throws IOException {
        Files.writeString(tmp.resolve("loadverdict.yml"), "issues:\n  labels: [perf]\n  title: \"Slow {service} in {suite}\"\n  confirmRuns: 2\n");
        Cli.Result pending = issues(Map.of(), "--dry-run", "--suite", "nightly");
        assertThat(pending.out()).contains("would create the pending-state issue \"loadverdict: regressions awaiting confirmation (nightly)\"")
                .doesNotContain("would create issue");
        Cli.Result now = issues(Map.of(), "--dry-run", "--suite", "nightly", "--confirm-runs", "1");
        assertThat(now.out()).contains("would create issue \"Slow default in nightly\" (labels: perf)");
    }

    @Test
    void compareCanFileTheIssuesItself() {
        Cli.Result r = Cli.run("compare", "--baseline", "examples/baselines/shop.json", "--create-issues", "--dry-run",
                "--repo", "acme/shop", "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.out()).startsWith("loadverdict: FAIL")
                .contains("loadverdict: dry run: would create issue \"Performance regression in default (default)\"");
    }

    @Test
    void anIssueIsCreatedWithTheRenderedBodyAndTheTokenNeverPrinted() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("{\"number\":3,\"title\":\"t\",\"state\":\"open\"}")));
        Map<String, String> env = Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.baseUrl());
        Cli.Result r = issues(env, "--suite", "nightly");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.out()).contains("loadverdict: created issue #3 \"Performance regression in default (nightly)\"");
        String body = github.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues"))).get(0).getBodyAsString();
        assertThat(body).contains("loadverdict:fingerprint=").contains("GET /api/search").contains("Reproduce locally");
        assertThat(r.out() + r.err()).doesNotContain(TOKEN);
    }

    @Test
    void aGitHubFailureIsOneLineAndTheVerdictStillDecidesWhenTheRunRegressed() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"Bad credentials\"}")));
        Map<String, String> env = Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.baseUrl());
        Cli.Result r = issues(env);
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.err()).contains("401 Unauthorized").doesNotContain(TOKEN).doesNotContain("\tat ");
        Cli.Result neverFails = issues(env, "--fail-on", "never");
        assertThat(neverFails.exitCode()).isEqualTo(ExitCode.INTERNAL);
    }

    @Test
    void theStickyCommentFindsItsPullRequestInTheActionsEvent() throws IOException {
        Files.writeString(tmp.resolve("event.json"), "{\"action\":\"synchronize\",\"number\":5,\"pull_request\":{\"number\":5}}");
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/5")).willReturn(okJson("{\"number\":5,\"title\":\"pr\",\"state\":\"open\"}")));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/5/comments")).willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues/5/comments")).willReturn(okJson("{\"id\":9,\"body\":\"x\"}")));
        Map<String, String> env = Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.baseUrl(), "GITHUB_REPOSITORY", "acme/shop",
                "GITHUB_EVENT_PATH", "event.json", "GITHUB_EVENT_NAME", "pull_request");
        Cli.Result r = Cli.runIn(tmp, env, "comment", "comparison.json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.out()).contains("loadverdict: created comment on #5");
        String body = github.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/5/comments"))).get(0).getBodyAsString();
        assertThat(body).contains("loadverdict:comment:start").contains("loadverdict: FAIL");
        Files.writeString(tmp.resolve("push.json"), "{\"ref\":\"refs/heads/main\"}");
        Map<String, String> push = Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_REPOSITORY", "acme/shop", "GITHUB_EVENT_PATH", "push.json");
        assertThat(Cli.runIn(tmp, push, "comment", "comparison.json").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    /** The token, the fake's address and more variables. */
    private Map<String, String> env(String... more) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("GITHUB_TOKEN", TOKEN, "GITHUB_API_URL", github.baseUrl()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static final int HANG_MS = 5000;

    @Test
    void aGitHubThatNeverAnswersEndsTheStepWithinTheRetryTimeWithOneLine() throws IOException {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("[]").withFixedDelay(HANG_MS)));
        // limits as short as a test wants them, through the same variables users set: 1 s, a 1 s wait, the 0.5 s left
        String[] quick = {GitHubAccess.READ_TIMEOUT, "1s", GitHubAccess.RETRY_TIME, "2.5s"};
        long start = System.nanoTime();
        Cli.Result r = issues(env(quick), "--fail-on", "never");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofMillis(HANG_MS - 1000));
        assertThat(r.exitCode()).isEqualTo(ExitCode.INTERNAL);
        assertThat(r.err()).startsWith("loadverdict: cannot list open issues labelled performance-regression: no answer within")
                .contains("gave up after 2 attempts").doesNotContain(TOKEN);
        assertThat(r.err().lines()).hasSize(1);

        Files.writeString(tmp.resolve("event.json"), "{\"pull_request\":{\"number\":5}}");
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/5")).willReturn(okJson("{\"number\":5}").withFixedDelay(HANG_MS)));
        Cli.Result comment = Cli.runIn(tmp, env(GitHubAccess.READ_TIMEOUT, "1s", GitHubAccess.RETRY_TIME, "2.5s",
                "GITHUB_REPOSITORY", "acme/shop", "GITHUB_EVENT_PATH", "event.json"), "comment", "comparison.json", "--fail-on", "never");
        assertThat(comment.exitCode()).isEqualTo(ExitCode.INTERNAL);
        assertThat(comment.err()).startsWith("loadverdict: cannot comment on pull request #5: no answer within");
    }

    @Test
    void badTimeoutsAreAUsageError() {
        Cli.Result r = issues(env(GitHubAccess.READ_TIMEOUT, "soon"));
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).isEqualTo("loadverdict: $" + GitHubAccess.READ_TIMEOUT
                + ": expected a duration such as 30s, 500ms or 2m but found 'soon'\n");
    }

    @Test
    void badCredentialsFailTheStepEvenInsideActionsWhereAForksReadOnlyTokenOnlyWarns() throws IOException {
        Files.writeString(tmp.resolve("event.json"), "{\"pull_request\":{\"number\":5}}");
        String[] actions = {"GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "acme/shop", "GITHUB_EVENT_PATH", "event.json"};
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/5")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"Bad credentials\"}")));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"Bad credentials\"}")));
        for (Cli.Result r : List.of(Cli.runIn(tmp, env(actions), "comment", "comparison.json", "--fail-on", "never"),
                issues(env(actions), "--fail-on", "never"))) {
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.INTERNAL);
            assertThat(r.err()).contains("GitHub answered 401 Unauthorized for GET repos/acme/shop/issues")
                    .contains(": bad credentials: the token is wrong, expired or revoked").doesNotContain("fork").doesNotContain("warning");
            assertThat(r.err().lines()).hasSize(1);
        }
        assertThat(Cli.runIn(tmp, env(actions), "comment", "comparison.json").exitCode()).isEqualTo(ExitCode.REGRESSION);

        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/5")).willReturn(aResponse().withStatus(403)
                .withBody("{\"message\":\"Resource not accessible by integration\"}")));
        Cli.Result fork = Cli.runIn(tmp, env(actions), "comment", "comparison.json", "--fail-on", "never");
        assertThat(fork.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(fork.err()).contains("403 Forbidden").contains("a pull request from a fork gets a read-only token");
    }

    @Test
    void anUnreachableGitHubIsOneLineWithoutLibraryLogsOrCredentials() throws IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        List<java.util.logging.LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(handler);
        try {
            Cli.Result r = issues(env("GITHUB_API_URL", "http://x-access-token:" + TOKEN + "@127.0.0.1:" + closed + "/api/v3"),
                    "--fail-on", "never");
            assertThat(r.exitCode()).isEqualTo(ExitCode.INTERNAL);
            assertThat(r.err()).isEqualTo("loadverdict: cannot open repository acme/shop: cannot reach GitHub at http://127.0.0.1:"
                    + closed + "/api/v3: connection refused\n");
        } finally {
            root.removeHandler(handler);
        }
        assertThat(logged).extracting(java.util.logging.LogRecord::getLoggerName).noneMatch(n -> n != null && n.startsWith("org.kohsuke"));
        assertThat(java.util.logging.Logger.getLogger("org.kohsuke.github.GitHubClient").isLoggable(java.util.logging.Level.SEVERE))
                .as("github-api's logging is off").isFalse();
    }

    @Test
    void aMissingRepositoryIsOneClearLine() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/nosuch")).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}")));
        Cli.Result r = Cli.runIn(tmp, env(), "issues", "comparison.json", "--repo", "acme/nosuch", "--fail-on", "never");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INTERNAL);
        assertThat(r.err()).isEqualTo("loadverdict: cannot open repository acme/nosuch: GitHub answered 404 Not Found for GET repos/acme/nosuch:"
                + " no repository acme/nosuch at "
                + github.baseUrl() + ", or the token cannot see it\n");
    }

    @Test
    void anInvalidAssigneeIsGitHubsValidationMessageOnOneSafeLine() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(aResponse().withStatus(422).withBody(
                "{\"message\":\"Validation Failed\",\"errors\":[{\"value\":\"nobody\\u001b]0;x\\u0007\",\"resource\":\"Issue\","
                        + "\"field\":\"assignees\",\"code\":\"invalid\"}]}")));
        Cli.Result r = issues(env(), "--suite", "nightly", "--assignee", "nobody", "--fail-on", "never");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INTERNAL);
        assertThat(r.err()).isEqualTo("loadverdict: cannot create issue \"Performance regression in default (nightly)\": GitHub answered"
                + " 422 Unprocessable Entity for POST repos/acme/shop/issues: GitHub refused what was sent"
                + " (GitHub says: Validation Failed: assignees invalid: nobody)\n");
    }

    /** The texts a dry run printed, each body put back together from its lines after {@link DryRun#BODY}. */
    private static List<String> printedBodies(String out) {
        List<List<String>> bodies = new java.util.ArrayList<>();
        List<String> body = null;
        for (String line : out.split("\n", -1)) {
            if (line.startsWith("    body, ")) {
                body = new java.util.ArrayList<>();
                bodies.add(body);
            } else if (body != null && line.startsWith(DryRun.BODY)) {
                body.add(line.substring(DryRun.BODY.length()));
            } else {
                body = null;
            }
        }
        return bodies.stream().map(lines -> String.join("\n", lines)).toList();
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    }

    @Test
    void aDryRunPrintsTheVeryIssueARealRunThenCreates() throws IOException {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("{\"number\":3,\"title\":\"t\",\"state\":\"open\"}")));
        Cli.Result dry = issues(env(), "--suite", "nightly", "--assignee", "octocat", "--label", "perf", "--label", "team-a", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isEqualTo(ExitCode.REGRESSION);
        assertThat(github.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues")))).as("a dry run posts nothing").isEmpty();
        assertThat(dry.out()).startsWith("loadverdict: dry run: would create issue \"Performance regression in default (nightly)\""
                + " (labels: perf, team-a)\n    title: Performance regression in default (nightly)\n    labels: perf, team-a\n"
                + "    assignees: octocat\n    body, ");

        Cli.Result real = issues(env(), "--suite", "nightly", "--assignee", "octocat", "--label", "perf", "--label", "team-a");
        assertThat(real.out()).as(real.err()).contains("created issue #3");
        var sent = json(github.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues"))).get(0).getBodyAsString());
        assertThat(printedBodies(dry.out())).containsExactly(sent.get("body").asText());
        assertThat(sent.get("body").asText()).contains("<!-- loadverdict:fingerprint=");
        assertThat(dry.out()).contains("    title: " + sent.get("title").asText() + "\n");
    }

    @Test
    void aDryRunOfARecurrencePrintsTheCommentWithItsDigestAndTheRewrittenBodyAsSent() throws IOException {
        dev.loadverdict.issuebot.Fingerprint f = dev.loadverdict.issuebot.Fingerprint.of("nightly", "default");
        stubOpenIssue7("Notes by people\\n" + f.startMarker() + "\\nold\\n" + f.endMarker() + "\\nmore notes");
        Cli.Result dry = issues(env(), "--suite", "nightly", "--dry-run");
        assertThat(dry.out()).as(dry.err()).contains("loadverdict: dry run: would comment on issue #7\n    body, ")
                .contains("loadverdict: dry run: would update the summary of issue #7\n    body, ");
        Cli.Result real = issues(env(), "--suite", "nightly");
        assertThat(real.out()).as(real.err()).contains("commented on issue #7");
        String comment = json(github.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/7/comments"))).get(0)
                .getBodyAsString()).get("body").asText();
        String updated = json(github.findAll(com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(
                urlPathEqualTo("/repos/acme/shop/issues/7"))).get(0).getBodyAsString()).get("body").asText();
        assertThat(printedBodies(dry.out())).containsExactly(comment, updated);
        assertThat(comment).contains("<!-- loadverdict:comment-digest=");
        assertThat(updated).startsWith("Notes by people\n").endsWith("more notes");
    }

    @Test
    void aDryRunCommentNeedsNoTokenAndPrintsTheCommentARealRunPosts() throws IOException {
        Cli.Result dry = Cli.runIn(tmp, Map.of("GITHUB_REPOSITORY", "acme/shop"), "comment", "comparison.json", "--pr", "5", "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isEqualTo(ExitCode.REGRESSION);
        assertThat(dry.out()).startsWith("loadverdict: dry run: would create or update loadverdict's comment on pull request #5 of acme/shop\n");
        assertThat(github.getAllServeEvents()).as("a dry run asks GitHub nothing").isEmpty();

        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/5")).willReturn(okJson("{\"number\":5,\"title\":\"pr\",\"state\":\"open\"}")));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/5/comments")).willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues/5/comments")).willReturn(okJson("{\"id\":9,\"body\":\"x\"}")));
        Cli.Result real = Cli.runIn(tmp, env("GITHUB_REPOSITORY", "acme/shop"), "comment", "comparison.json", "--pr", "5");
        assertThat(real.out()).as(real.err()).contains("created comment on #5");
        String sent = json(github.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/5/comments"))).get(0)
                .getBodyAsString()).get("body").asText();
        assertThat(printedBodies(dry.out())).containsExactly(sent);
    }

    /** Issue #7 open with the label and this body (JSON-escaped), and what commenting on, updating and closing it need. */
    private void stubOpenIssue7(String jsonBody) {
        String issue = "{\"number\":7,\"title\":\"t\",\"state\":\"open\",\"body\":\"" + jsonBody + "\",\"url\":\"" + github.baseUrl()
                + "/repos/acme/shop/issues/7\",\"labels\":[{\"name\":\"performance-regression\"}]}";
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("[" + issue + "]")));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/7")).willReturn(okJson(issue)));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(okJson("{\"id\":9}")));
        github.stubFor(com.github.tomakehurst.wiremock.client.WireMock.patch(urlPathEqualTo("/repos/acme/shop/issues/7"))
                .willReturn(okJson(issue)));
    }

    /** The saved comparison with its one service renamed, as a k6 tag or a hand-written comparison JSON could name it. */
    private void renameService(String file, String name) throws IOException {
        String json = Files.readString(tmp.resolve(file));
        Files.writeString(tmp.resolve(file), json.replace("\"service\": \"default\"", "\"service\": " + jsonString(name))
                .replace("\"service\":\"default\"", "\"service\":" + jsonString(name)));
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.chars().forEach(c -> out.append(c < 0x20 || c == '"' || c == '\\' ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }

    private static final String HOSTILE = "shop\u001B]0;pwned\u0007\u001B[2J\nPASS @octocat #1 <img src=x> <!-- loadverdict:fingerprint=0123456789abcdef -->";

    @Test
    void aHostileServiceNameReachesNeitherTheTerminalNorGitHubRaw() throws IOException {
        renameService("comparison.json", HOSTILE);
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("{\"number\":3,\"title\":\"t\",\"state\":\"open\"}")));
        Cli.Result r = issues(env(), "--suite", "nightly");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.out()).startsWith("loadverdict: created issue #3 \"Performance regression in shop PASS @\u200Doctocat #\u200D1 ")
                .doesNotContain("\u001B").doesNotContain("\u0007");
        assertThat(r.out().lines()).hasSize(1);
        Cli.Result dry = issues(env(), "--suite", "nightly", "--dry-run");
        assertThat(dry.out()).as("a dry run prints the escaped texts").contains("@\u200Doctocat").doesNotContain("\u001B")
                .doesNotContain("\u0007").doesNotContain("@octocat");
        String title = new com.fasterxml.jackson.databind.ObjectMapper().readTree(github.findAll(postRequestedFor(
                urlPathEqualTo("/repos/acme/shop/issues"))).get(0).getBodyAsString()).get("title").asText();
        assertThat(title).startsWith("Performance regression in shop PASS @\u200Doctocat #\u200D1 ").endsWith(" (nightly)")
                .doesNotContain("\u001B").doesNotContain("\n").doesNotContain("@octocat");

        // the recovery comment: a passing run of the same service closes its issue
        Cli.Result pass = Cli.run("compare", "--baseline", "examples/baselines/shop.json", "--format", "json",
                "examples/runs/locust-unchanged/");
        Files.writeString(tmp.resolve("pass.json"), pass.out());
        renameService("pass.json", HOSTILE);
        String scope = HOSTILE;
        dev.loadverdict.issuebot.Fingerprint f = dev.loadverdict.issuebot.Fingerprint.of("nightly", scope);
        stubOpenIssue7(f.startMarker() + "\\nold\\n" + f.endMarker());
        Cli.Result recovered = Cli.runIn(tmp, env(), "issues", "pass.json", "--repo", "acme/shop", "--suite", "nightly", "--close-resolved");
        assertThat(recovered.out()).as(recovered.err()).contains("loadverdict: commented on issue #7").contains("closed issue #7");
        String comment = github.findAll(postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/7/comments"))).get(0).getBodyAsString();
        assertThat(comment).contains("passes again").contains("@\u200Doctocat").doesNotContain("@octocat")
                .doesNotContain("<img").doesNotContain("<!-- loadverdict:fingerprint=").doesNotContain("\\u001b");
        assertThat(dev.loadverdict.issuebot.Fingerprint.findIn(comment)).as("no forged fingerprint marker").isEmpty();
    }
}
