package dev.loadverdict.issuebot;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
 * pagination, auth and rate-limit failures, retries, and a re-run after a lost answer that must not duplicate.
 */
class GitHubIssuesTest {

    private static final String TOKEN = "ghp_secretsecretsecret";
    private static final String LABEL = "performance-regression";
    private WireMockServer github;
    private final List<Long> sleeps = new ArrayList<>();

    @BeforeEach
    void start() {
        github = new WireMockServer(options().dynamicPort());
        github.start();
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop")).willReturn(okJson(repo())));
        github.stubFor(get(urlPathEqualTo("/rate_limit")).willReturn(okJson("{\"resources\":{}}")));
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
        return GitHubIssues.connect(github.baseUrl(), "acme/shop", TOKEN, sleeps::add);
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
    void unauthorisedIsAClearErrorWithoutTheToken() {
        github.stubFor(get(urlPathEqualTo("/repos/acme/shop/issues")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"Bad credentials " + TOKEN + "\"}")));
        GitHubIssues client = client();
        assertThatThrownBy(() -> client.openIssues(LABEL)).isInstanceOf(GitHubIssues.GitHubException.class)
                .hasMessageContaining("401 Unauthorized").hasMessageNotContaining(TOKEN)
                .satisfies(e -> assertThat(((GitHubIssues.GitHubException) e).forbidden()).isTrue());
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
    }
}
