package dev.loadverdict.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
