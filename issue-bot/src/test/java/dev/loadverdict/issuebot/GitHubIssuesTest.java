package dev.loadverdict.issuebot;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real github-api client against WireMock playing GitHub's REST API: create, dedupe, recurrence, recovery,
 * pagination, auth and rate-limit failures, retries, timeouts, and retries and re-runs after a lost answer that must
 * not duplicate anything.
 */
class GitHubIssuesTest {

    private static final String TOKEN = "ghp_secretsecretsecret";
    private static final String LABEL = "performance-regression";
    /** Short limits, so that a hang costs the test a fraction of a second. */
    private static final GitHubTimeouts SHORT = new GitHubTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500),
            Duration.ofSeconds(10));
    /** Far longer than {@link #SHORT}'s read timeout: an answer that never comes, as far as the client can tell. */
    private static final int HANG_MS = 5000;
    private WireMockServer github;
    private final List<Long> sleeps = new ArrayList<>();
    /** The time the client measures its retry time by: real time, plus the sleeps it asked for and did not have to wait. */
    private final VirtualTime time = new VirtualTime();

    private final class VirtualTime implements LongConsumer, LongSupplier {
        private long skipped;

        @Override
        public void accept(long millis) {
            sleeps.add(millis);
            skipped += millis * 1_000_000;
        }

        @Override
        public long getAsLong() {
            return System.nanoTime() + skipped;
        }
    }

    @BeforeEach
    void start() {
        github = new WireMockServer(options().dynamicPort());
        github.start();
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop")).willReturn(okJson(repo())));
        github.stubFor(get(urlPathEqualTo("/rate_limit")).willReturn(okJson("{\"resources\":{}}")));
    }

    /**
     * One request before any test: the first request of a JVM loads the HTTP client's classes, which can take longer
     * than {@link #SHORT}'s read timeout.
     */
    @BeforeAll
    static void warmUp() {
        WireMockServer warm = new WireMockServer(options().dynamicPort());
        warm.start();
        try {
            warm.stubFor(get(urlPathEqualTo("/repos/acme/shop")).willReturn(okJson("{\"id\":1,\"name\":\"shop\"}")));
            GitHubIssues.connect(warm.baseUrl(), "acme/shop", TOKEN, millis -> { });
        } finally {
            warm.stop();
        }
    }

    @AfterEach
    void stop() {
        github.stop();
    }

    private String repo() {
        return "{\"id\":1,\"name\":\"shop\",\"full_name\":\"acme/shop\",\"owner\":{\"login\":\"acme\",\"id\":2},"
                + "\"url\":\"" + github.baseUrl() + "/repos/acme/shop\",\"html_url\":\"https://github.com/acme/shop\"}";
    }

    private String issue(int number, String body) {
        return "{\"id\":" + (100 + number) + ",\"number\":" + number + ",\"title\":\"t\",\"state\":\"open\",\"body\":"
                + quote(body) + ",\"url\":\"" + github.baseUrl() + "/repos/acme/shop/issues/" + number + "\","
                + "\"html_url\":\"https://github.com/acme/shop/issues/" + number + "\",\"labels\":[{\"name\":\"" + LABEL + "\"}]}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private GitHubIssues client() {
        return client(GitHubTimeouts.DEFAULTS);
    }

    private GitHubIssues client(GitHubTimeouts timeouts) {
        return GitHubIssues.connect(github.baseUrl(), "acme/shop", TOKEN, timeouts, time, time);
    }

    private void stubNoComments(int issue) {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/" + issue + "/comments")).willReturn(okJson("[]")));
    }

    private static IssuePlanner.Scope scope(String name, boolean critical) {
        Fingerprint f = Fingerprint.of("nightly", name);
        return new IssuePlanner.Scope(name, critical, !critical, "Performance regression in " + name,
                f.startMarker() + "\nsummary of " + name + "\n" + f.endMarker() + "\n", "again in run 2", "recovered in run 3");
    }

    private static final IssuePlanner.Options OPTIONS =
            new IssuePlanner.Options("nightly", List.of(LABEL), List.of("oncall"), true);

    @Test
    void aNewRegressionOpensOneIssue() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson(issue(12, "x"))));
        GitHubIssues client = client();
        IssuePlan plan = IssuePlanner.plan(List.of(scope("checkout", true)), client.openIssues(LABEL), OPTIONS);
        assertThat(client.apply(plan, LABEL)).containsExactly("created issue #12 \"Performance regression in checkout\"");
        github.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("fingerprint=")));
    }

    @Test
    void anOpenIssueWithTheFingerprintGetsACommentAndANewSummaryNotADuplicate() {
        Fingerprint f = Fingerprint.of("nightly", "checkout");
        String body = "Notes by a human.\n" + f.startMarker() + "\nold summary\n" + f.endMarker() + "\nMore notes.";
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("[" + issue(7, body) + "]")));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/7")).willReturn(okJson(issue(7, body))));
        stubNoComments(7);
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(okJson("{\"id\":5,\"body\":\"c\"}")));
        github.stubFor(patch(urlPathEqualTo("/repos/acme/shop/issues/7")).willReturn(okJson(issue(7, "new"))));
        GitHubIssues client = client();
        IssuePlan plan = IssuePlanner.plan(List.of(scope("checkout", true)), client.openIssues(LABEL), OPTIONS);
        assertThat(client.apply(plan, LABEL)).containsExactly("commented on issue #7", "updated the summary of issue #7");
        github.verify(0, postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues")));
        String patched = github.findAll(com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(
                urlPathEqualTo("/repos/acme/shop/issues/7"))).get(0).getBodyAsString();
        assertThat(patched).contains("Notes by a human.").contains("summary of checkout").contains("More notes.")
                .doesNotContain("old summary");
    }

    @Test
    void aRecoveredServiceGetsItsEvidenceAndItsIssueClosed() {
        Fingerprint f = Fingerprint.of("nightly", "checkout");
        String body = f.startMarker() + "\nold\n" + f.endMarker();
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("[" + issue(7, body) + "]")));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/7")).willReturn(okJson(issue(7, body))));
        stubNoComments(7);
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(okJson("{\"id\":5,\"body\":\"c\"}")));
        github.stubFor(patch(urlPathEqualTo("/repos/acme/shop/issues/7")).willReturn(okJson(issue(7, body))));
        GitHubIssues client = client();
        IssuePlan plan = IssuePlanner.plan(List.of(scope("checkout", false)), client.openIssues(LABEL), OPTIONS);
        assertThat(client.apply(plan, LABEL)).containsExactly("commented on issue #7", "closed issue #7");
        assertThat(github.findAll(com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(
                urlPathEqualTo("/repos/acme/shop/issues/7"))).get(0).getBodyAsString()).contains("closed");
    }

    @Test
    void openIssuesAreReadFromEveryPage() {
        Fingerprint f = Fingerprint.of("nightly", "checkout");
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson("[" + issue(9, f.startMarker()) + "]")));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).atPriority(10).willReturn(okJson("[" + issue(3, "other") + "]")
                .withHeader("Link", "<" + github.baseUrl() + "/repos/acme/shop/issues?labels=" + LABEL
                        + "&state=open&per_page=100&page=2>; rel=\"next\"")));
        List<IssuePlanner.OpenIssue> open = client().openIssues(LABEL);
        assertThat(open).extracting(IssuePlanner.OpenIssue::number).containsExactly(3, 9);
    }

    @Test
    void a502ThenSuccessIsRetriedWithBackoff() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(502).withBody("{\"message\":\"Bad Gateway\"}")).willSetStateTo("ok"));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson("[]")));
        assertThat(client().openIssues(LABEL)).isEmpty();
        assertThat(sleeps).containsExactly(1000L);
    }

    @Test
    void aSecondaryRateLimitIsWaitedOutAsRetryAfterSays() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).inScenario("limit").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(403).withHeader("Retry-After", "7")
                        .withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}")).willSetStateTo("ok"));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).inScenario("limit").whenScenarioStateIs("ok")
                .willReturn(okJson("[]")));
        assertThat(client().openIssues(LABEL)).isEmpty();
        assertThat(sleeps).contains(7000L);
    }

    @Test
    void unauthorisedIsBadCredentialsNotAForksReadOnlyToken() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"Bad credentials " + TOKEN + "\"}")));
        GitHubIssues client = client();
        assertThatThrownBy(() -> client.openIssues(LABEL)).isInstanceOf(GitHubIssues.GitHubException.class)
                .hasMessage("cannot list open issues labelled " + LABEL + ": GitHub answered 401 Unauthorized for GET repos/acme/shop/issues:"
                        + " bad credentials: the token is wrong, expired or revoked").hasMessageNotContaining(TOKEN)
                .satisfies(e -> assertThat(((GitHubIssues.GitHubException) e).forbidden()).isFalse())
                .satisfies(e -> assertThat(((GitHubIssues.GitHubException) e).unauthorized()).isTrue());
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aForksReadOnlyTokenIsForbiddenButARateLimitIsNot() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(aResponse().withStatus(403)
                .withBody("{\"message\":\"Resource not accessible by integration\",\"documentation_url\":\"https://docs.github.com\"}")));
        GitHubIssues client = client();
        assertThatThrownBy(() -> client.openIssues(LABEL)).hasMessage("cannot list open issues labelled " + LABEL + ": GitHub answered 403 Forbidden for GET"
                        + " repos/acme/shop/issues: the token may not do this (GitHub says: Resource not accessible by integration)")
                .satisfies(e -> assertThat(((GitHubIssues.GitHubException) e).forbidden()).isTrue());
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(aResponse().withStatus(403)
                .withHeader("Retry-After", "1").withBody("{\"message\":\"You have exceeded a secondary rate limit.\"}")));
        assertThatThrownBy(() -> client.openIssues(LABEL)).hasMessageStartingWith("cannot list open issues labelled " + LABEL + ": GitHub answered 403 Forbidden for GET"
                        + " repos/acme/shop/issues: a rate limit was hit (GitHub asked to wait 1 s)")
                .satisfies(e -> assertThat(((GitHubIssues.GitHubException) e).forbidden()).isFalse());
    }

    /** Every status GitHub fails with is one sentence: the status and its reason, the request, what it means, GitHub's words. */
    @Test
    void everyFailingStatusIsOneSentenceWithItsReasonAndRequest() {
        GitHubIssues client = client();
        java.util.Map<Integer, String> bodies = new java.util.LinkedHashMap<>();
        java.util.Map<Integer, String> expected = new java.util.LinkedHashMap<>();
        String failed = "cannot list open issues labelled " + LABEL + ": GitHub answered ";
        bodies.put(404, "{\"message\":\"Not Found\"}");
        expected.put(404, failed + "404 Not Found for GET repos/acme/shop/issues: it does not exist, or the token cannot see it");
        bodies.put(410, "{\"message\":\"Issues are disabled for this repo\"}");
        expected.put(410, failed + "410 Gone for GET repos/acme/shop/issues: it is gone: deleted, or turned off in this repository"
                + " (as issues can be) (GitHub says: Issues are disabled for this repo)");
        bodies.put(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\",\"field\":\"assignees\","
                + "\"code\":\"invalid\",\"value\":\"nobody\\u001b[2J\"},{\"message\":\"label too long\"}]}");
        expected.put(422, failed + "422 Unprocessable Entity for GET repos/acme/shop/issues: GitHub refused what was sent"
                + " (GitHub says: Validation Failed: assignees invalid: nobody; label too long)");
        bodies.put(429, "{\"message\":\"API rate limit exceeded\"}");
        expected.put(429, failed + "429 Too Many Requests for GET repos/acme/shop/issues: a rate limit was hit");
        bodies.put(500, "{\"message\":\"Server Error\"}");
        expected.put(500, failed + "500 Internal Server Error for GET repos/acme/shop/issues: a failure on GitHub's side"
                + " (GitHub says: Server Error); gave up after 4 attempts in ");
        bodies.put(503, "<html>upstream\nunavailable</html>");
        expected.put(503, failed + "503 Service Unavailable for GET repos/acme/shop/issues: a failure on GitHub's side"
                + " (GitHub says: <html>upstream); gave up after 4 attempts in ");
        bodies.forEach((status, body) -> {
            github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(aResponse().withStatus(status).withBody(body)));
            assertThatThrownBy(() -> client.openIssues(LABEL)).as("status %d", status).isInstanceOf(GitHubIssues.GitHubException.class)
                    .hasMessageStartingWith(expected.get(status))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\u001b").doesNotContain("Exception")
                            .doesNotContain(TOKEN));
        });
    }

    @Test
    void aMissingRepositoryIsOneClearLineNotARawException() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/nosuch")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}")));
        assertThatThrownBy(() -> GitHubIssues.connect(github.baseUrl(), "acme/nosuch", TOKEN, GitHubTimeouts.DEFAULTS, time, time))
                .isInstanceOf(GitHubIssues.GitHubException.class)
                .hasMessage("cannot open repository acme/nosuch: GitHub answered 404 Not Found for GET repos/acme/nosuch: no repository acme/nosuch at "
                        + github.baseUrl() + ", or the token cannot see it");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aHangingRequestTimesOutAndIsRetried() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).inScenario("hang").whenScenarioStateIs("Started")
                .willReturn(okJson("[]").withFixedDelay(HANG_MS)).willSetStateTo("answering"));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).inScenario("hang").whenScenarioStateIs("answering")
                .willReturn(okJson("[]")));
        long start = System.nanoTime();
        assertThat(client(SHORT).openIssues(LABEL)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(HANG_MS / 2));
        assertThat(sleeps).containsExactly(1000L);
    }

    @Test
    void aRequestThatNeverAnswersFailsWithinTheRetryTimeWithOneClearLine() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("[]").withFixedDelay(HANG_MS)));
        GitHubIssues client = client(SHORT.withRetryTime(Duration.ofSeconds(5)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.openIssues(LABEL)).isInstanceOf(GitHubIssues.GitHubException.class)
                .hasMessageStartingWith("cannot list open issues labelled " + LABEL + ": no answer within 500 ms"
                        + " (read timeout) from GitHub at " + github.baseUrl() + "; gave up after 3 attempts in ")
                .hasMessageEndingWith(": waiting 4 s more would pass the retry time of 5 s")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(HANG_MS / 2));
        assertThat(sleeps).containsExactly(1000L, 2000L);
        github.verify(3, getRequestedFor(urlPathEqualTo("/repos/acme/shop/issues")));
    }

    @Test
    void buildingTheClientMakesNoRequestThatCanHangAndOpeningTheRepositoryIsBounded() {
        // github-api asks for the token's user while it builds a client with withOAuthToken: a request outside any retry
        github.stubFor(get(urlPathEqualTo("/user")).willReturn(okJson("{\"login\":\"bot\",\"id\":1}").withFixedDelay(HANG_MS)));
        long start = System.nanoTime();
        client(SHORT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(HANG_MS / 2));
        github.verify(0, getRequestedFor(urlPathEqualTo("/user")));

        github.stubFor(get(urlPathEqualTo("/repos/acme/shop")).willReturn(okJson(repo()).withFixedDelay(HANG_MS)));
        assertThatThrownBy(() -> client(SHORT.withRetryTime(Duration.ofMillis(1800))))
                .hasMessageStartingWith("cannot open repository acme/shop: no answer within ")
                .hasMessageMatching(".*; gave up after 2 attempts in 1\\.[89] s");
    }

    @Test
    void theLastAttemptGetsOnlyWhatIsLeftOfTheRetryTime() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("[]").withFixedDelay(HANG_MS)));
        // 500 ms, a 1 s wait, then 300 ms left of 1.8 s: the second attempt is cut short, and nothing more is tried
        GitHubIssues client = client(SHORT.withRetryTime(Duration.ofMillis(1800)));
        assertThatThrownBy(() -> client.openIssues(LABEL)).hasMessageContaining("(what was left of the retry time of 1.8 s)")
                .hasMessageMatching(".*; gave up after 2 attempts in 1\\.[89] s");
        github.verify(2, getRequestedFor(urlPathEqualTo("/repos/acme/shop/issues")));
    }

    @Test
    void aRefusedConnectionIsOneClearLineWithoutRetriesOrCredentials() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String secret = "ghp_inTheAddress0123456789";
        assertThatThrownBy(() -> GitHubIssues.connect("http://x-access-token:" + secret + "@127.0.0.1:" + closed + "/api/v3",
                "acme/shop", TOKEN, SHORT, time, time))
                .isInstanceOf(GitHubIssues.GitHubException.class)
                .hasMessage("cannot open repository acme/shop: cannot reach GitHub at http://127.0.0.1:" + closed
                        + "/api/v3: connection refused");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aServerThatNeverAcceptsIsAConnectTimeoutNamingTheAddressAndTheTimeout() throws IOException {
        // a listening socket whose backlog is full and never accepted: further connections wait for the connect timeout
        try (ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 64; i++) {
                    java.net.Socket s = new java.net.Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        queued.add(s);
                    } catch (java.net.SocketTimeoutException backlogFull) {
                        s.close();
                        break;
                    }
                }
                String api = "http://127.0.0.1:" + full.getLocalPort();
                assertThatThrownBy(() -> GitHubIssues.connect(api, "acme/shop", TOKEN,
                        new GitHubTimeouts(Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(1)), time, time))
                        .isInstanceOf(GitHubIssues.GitHubException.class)
                        .hasMessageStartingWith("cannot open repository acme/shop: cannot reach GitHub at " + api
                                + ": no connection within 300 ms (connect timeout); gave up after 1 attempt in ")
                        .hasMessageEndingWith(": waiting 1 s more would pass the retry time of 1 s")
                        .hasMessageNotContaining(TOKEN);
            } finally {
                for (java.net.Socket s : queued) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aCommentWhoseAnswerWasLostIsFoundNotAddedTwice() {
        Fingerprint f = Fingerprint.of("nightly", "checkout");
        String body = f.startMarker() + "\nold\n" + f.endMarker();
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(okJson("[" + issue(7, body) + "]")));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/7")).willReturn(okJson(issue(7, body))));
        github.stubFor(patch(urlPathEqualTo("/repos/acme/shop/issues/7")).willReturn(okJson(issue(7, body))));
        // GitHub adds the comment, then the answer is lost (a 502 from a proxy): the comment is there on the next look
        String added = "again in run 2\n" + Markers.digest("again in run 2") + "\n";
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).inScenario("lost").whenScenarioStateIs("Started")
                .willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).inScenario("lost").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(502).withBody("{\"message\":\"Bad Gateway\"}")).willSetStateTo("commented"));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).inScenario("lost").whenScenarioStateIs("commented")
                .willReturn(okJson("[{\"id\":5,\"body\":" + quote(added) + "}]")));
        GitHubIssues client = client();
        IssuePlan plan = IssuePlanner.plan(List.of(scope("checkout", true)), client.openIssues(LABEL), OPTIONS);
        assertThat(client.apply(plan, LABEL)).containsExactly("issue #7 already has this comment; not added again",
                "updated the summary of issue #7");
        github.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/7/comments"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("loadverdict:comment-digest=")));
        assertThat(sleeps).containsExactly(1000L);
    }

    @Test
    void aCommentWhoseAnswerTimedOutIsFoundNotAddedTwice() {
        Fingerprint f = Fingerprint.of("nightly", "checkout");
        String body = f.startMarker() + "\nold\n" + f.endMarker();
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/7")).willReturn(okJson(issue(7, body))));
        String added = "recovered in run 3\n" + Markers.digest("recovered in run 3") + "\n";
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).inScenario("late").whenScenarioStateIs("Started")
                .willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).inScenario("late").whenScenarioStateIs("Started")
                .willReturn(okJson("{\"id\":5}").withFixedDelay(HANG_MS)).willSetStateTo("commented"));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).inScenario("late").whenScenarioStateIs("commented")
                .willReturn(okJson("[{\"id\":5,\"body\":" + quote(added) + "}]")));
        github.stubFor(patch(urlPathEqualTo("/repos/acme/shop/issues/7")).willReturn(okJson(issue(7, body))));
        GitHubIssues client = client(SHORT);
        IssuePlan plan = IssuePlanner.plan(List.of(scope("checkout", false)), List.of(new IssuePlanner.OpenIssue(7, body)), OPTIONS);
        assertThat(client.apply(plan, LABEL)).containsExactly("issue #7 already has this comment; not added again", "closed issue #7");
        github.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/7/comments")));
    }

    @Test
    void filingTheSameComparisonAgainAddsNoComment() {
        Fingerprint f = Fingerprint.of("nightly", "checkout");
        String current = f.startMarker() + "\nsummary of checkout\n" + f.endMarker() + "\n";
        // the summary already says exactly this: the plan leaves the issue alone
        IssuePlan same = IssuePlanner.plan(List.of(scope("checkout", true)), List.of(new IssuePlanner.OpenIssue(7, current)), OPTIONS);
        assertThat(client().apply(same, LABEL)).containsExactly("left issue #7 as it is: it already shows this comparison");
        // a comment already on the issue (a run that failed after commenting, then ran again) is not added twice
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/7")).willReturn(okJson(issue(7, "x"))));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/7/comments")).willReturn(okJson("[{\"id\":5,\"body\":"
                + quote("again in run 2\n" + Markers.digest("again in run 2") + "\n") + "}]")));
        github.stubFor(patch(urlPathEqualTo("/repos/acme/shop/issues/7")).willReturn(okJson(issue(7, current))));
        IssuePlan stale = IssuePlanner.plan(List.of(scope("checkout", true)),
                List.of(new IssuePlanner.OpenIssue(7, f.startMarker() + "\nold\n" + f.endMarker() + "\n")), OPTIONS);
        assertThat(client().apply(stale, LABEL)).containsExactly("issue #7 already has this comment; not added again",
                "updated the summary of issue #7");
        github.verify(0, postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/7/comments")));
    }

    @Test
    void aPendingStateIssueWhoseAnswerWasLostIsFoundNotCreatedTwice() {
        IssuePlanner.Options confirm = new IssuePlanner.Options("nightly", List.of(LABEL), List.of(), true, 2);
        IssuePlan plan = IssuePlanner.plan(List.of(scope("checkout", true)), List.of(), confirm);
        String pendingBody = ((IssuePlan.UpdatePending) plan.actions().get(0)).body();
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).inScenario("lost").whenScenarioStateIs("Started")
                .willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues")).inScenario("lost").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(502).withBody("{\"message\":\"Bad Gateway\"}")).willSetStateTo("created"));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).inScenario("lost").whenScenarioStateIs("created")
                .willReturn(okJson("[" + issue(40, pendingBody) + "]")));
        assertThat(client().apply(plan, LABEL)).containsExactly("found the pending-state issue #40 already open; not created twice");
        github.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues")));
        github.verify(0, com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/40")));
    }

    @Test
    void aReRunAfterALostAnswerFindsTheIssueInsteadOfCreatingASecond() {
        Fingerprint f = Fingerprint.of("nightly", "checkout");
        // the first POST creates the issue on GitHub's side, but the connection drops before the answer arrives
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).inScenario("lost").whenScenarioStateIs("Started")
                .willReturn(okJson("[]")));
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues")).inScenario("lost").whenScenarioStateIs("Started")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("created"));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).inScenario("lost").whenScenarioStateIs("created")
                .willReturn(okJson("[" + issue(21, f.startMarker() + "\nsummary\n" + f.endMarker()) + "]")));
        GitHubIssues client = client();
        IssuePlan plan = IssuePlanner.plan(List.of(scope("checkout", true)), List.of(), OPTIONS);
        assertThat(client.apply(plan, LABEL)).containsExactly(
                "found issue #21 already open for \"Performance regression in checkout\"; not created twice");
        github.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues")));
    }

    @Test
    void theStickyCommentIsCreatedOnceThenUpdatedInPlace() {
        String marker = "<!-- loadverdict:comment:start -->";
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/5")).willReturn(okJson(issue(5, "a pull request"))));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/5/comments")).inScenario("sticky").whenScenarioStateIs("Started")
                .willReturn(okJson("[{\"id\":1,\"body\":\"LGTM\"}]")));
        github.stubFor(post(urlPathEqualTo("/repos/acme/shop/issues/5/comments")).inScenario("sticky").whenScenarioStateIs("Started")
                .willReturn(okJson("{\"id\":2,\"body\":\"x\"}")).willSetStateTo("commented"));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/5/comments")).inScenario("sticky").whenScenarioStateIs("commented")
                .willReturn(okJson("[{\"id\":1,\"body\":\"LGTM\"},{\"id\":2,\"body\":\"" + marker + " old\",\"url\":\""
                        + github.baseUrl() + "/repos/acme/shop/issues/comments/2\"}]")));
        github.stubFor(patch(urlPathEqualTo("/repos/acme/shop/issues/comments/2")).willReturn(okJson("{\"id\":2,\"body\":\"new\"}")));
        GitHubIssues client = client();
        assertThat(client.stickyComment(5, marker, marker + " first")).isEqualTo("created comment on #5");
        assertThat(client.stickyComment(5, marker, marker + " second")).isEqualTo("updated comment on #5");
        github.verify(1, postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/5/comments")));
        github.verify(1, com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/comments/2")));
    }

    @Test
    void anUnchangedStickyCommentIsNotSentAgainAndTheOutputSaysSo() {
        String marker = "<!-- loadverdict:comment:start -->";
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/5")).willReturn(okJson(issue(5, "a pull request"))));
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues/5/comments")).willReturn(okJson("[{\"id\":2,\"body\":"
                + quote(marker + " same") + ",\"url\":\"" + github.baseUrl() + "/repos/acme/shop/issues/comments/2\"}]")));
        assertThat(client().stickyComment(5, marker, marker + " same")).isEqualTo("comment on #5 already up to date; not changed");
        github.verify(0, com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/comments/2")));
        github.verify(0, postRequestedFor(urlPathEqualTo("/repos/acme/shop/issues/5/comments")));
    }
}
