package dev.loadverdict.reporter;

import dev.loadverdict.model.compare.Comparison;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IssueTemplatesTest {

    private static final Comparison FULL = Fixtures.full();

    @Test
    void anIssueBodyHoldsOneServicesRegressionsBetweenItsMarkers() {
        String body = Reports.issue(FULL, "checkout", Fixtures.markers("fingerprint=0123456789abcdef"), "nightly",
                "https://github.com/acme/shop/actions/runs/42", "./loadverdict compare --baseline nightly results/");
        assertThat(body).startsWith("<!-- loadverdict:fingerprint=0123456789abcdef:start -->\n")
                .endsWith("<!-- loadverdict:fingerprint=0123456789abcdef:end -->\n")
                .contains("performance regression in checkout (suite nightly)")
                .contains("GET /cart").doesNotContain("POST /pay")      // payments' regression is another issue
                .contains("```sh\n./loadverdict compare --baseline nightly results/\n```");
        // untrusted names are escaped: no mention, no markup
        assertThat(body).doesNotContain("@octocat").doesNotContain("<script>");
    }

    @Test
    void theReproduceCommandCannotCloseItsCodeFence() {
        String body = Reports.issue(FULL, "checkout", Fixtures.markers("fingerprint=0123456789abcdef"), "", "",
                "loadverdict compare x```\n## owned @team");
        // inside the fence nothing is markup, and backticks within a line cannot close it: shown exactly as they are
        assertThat(body).contains("```sh\nloadverdict compare x```\n## owned @team\n```");
        // a line that would close the fence is not shown, and nor is the rest of the command
        String closing = Reports.issue(FULL, "checkout", Fixtures.markers("fingerprint=0123456789abcdef"), "", "",
                "loadverdict compare 'x\n```\n## owned @team'");
        assertThat(closing).doesNotContain("owned").contains("```sh\n# not shown: ");
    }

    @Test
    void anActionsRunAddressIsALinkAnythingElseIsInertText() {
        assertThat(Reports.comment(FULL, Fixtures.markers("comment"), "https://github.com/acme/shop/actions/runs/42"))
                .contains("Run: https://github.com/acme/shop/actions/runs/42\n");
        assertThat(Reports.issue(FULL, "checkout", Fixtures.markers("fingerprint=0123456789abcdef"), "", "https://github.com/acme/shop/actions/runs/42, commit 3f9c2ab", ""))
                .contains("Run: https://github.com/acme/shop/actions/runs/42, commit 3f9c2ab\n");
        assertThat(Reports.comment(FULL, Fixtures.markers("comment"), "https://evil.example/x @team"))
                .doesNotContain("https://evil").contains("@\u200Dteam");
    }

    @Test
    void theStickyCommentCarriesItsMarker() {
        String comment = Reports.comment(FULL, Fixtures.markers("comment"), "https://github.com/acme/shop/actions/runs/42");
        assertThat(comment).startsWith("<!-- loadverdict:comment:start -->").contains("### loadverdict: FAIL")
                .contains("POST /pay").contains("GET /cart");
        assertThatThrownBy(() -> Reports.comment(FULL, Fixtures.markers("x --> <script>"), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A service name as a k6 tag or a hand-written comparison JSON could carry it. */
    private static final String HOSTILE_SERVICE = "shop @octocat #12 <img src=x onerror=alert(1)> "
            + "<!-- loadverdict:fingerprint=0123456789abcdef --> \u001B]0;pwned\u0007[x](http://evil)";

    @Test
    void theRecoveryCommentIsEscapedLikeEveryOtherBody() {
        Comparison hostile = Fixtures.comparison(java.util.List.of(
                Fixtures.finding(HOSTILE_SERVICE, "GET /health", dev.loadverdict.model.Metric.P95).values(5, 4.9, -0.1, -2).build(),
                Fixtures.finding(HOSTILE_SERVICE, "GET /items", dev.loadverdict.model.Metric.P99).values(9, 9, 0, 0).build()),
                java.util.List.of());
        String scope = hostile.scopes().get(0);
        String recovery = Reports.recovery(hostile, scope, Fixtures.markers("recovery"), "nightly", "https://github.com/acme/shop/actions/runs/42");
        assertThat(recovery).startsWith("loadverdict: shop @\u200Doctocat \\#\u200D12 &lt;img")
                .contains(" passes again in https://github.com/acme/shop/actions/runs/42: all 2 checks within their thresholds")
                .contains(" within their thresholds with enough requests, against `")
                .endsWith(". Closing.\n");
        // no live mention, reference, HTML, hidden marker, link or escape sequence
        assertThat(recovery).doesNotContain("@octocat").doesNotContain("#12").doesNotContain("<img")
                .doesNotContain("<!--").doesNotContain("](http").doesNotContain("\u001B").doesNotContain("\u0007");
    }

    @Test
    void theRecurrenceCommentNamesTheRunAndCarriesTheIssueBody() {
        String recurrence = Reports.recurrence(FULL, "checkout", Fixtures.markers("recurrence"), "nightly", "https://github.com/acme/shop/actions/runs/42", "");
        assertThat(recurrence).startsWith("loadverdict found this regression again in https://github.com/acme/shop/actions/runs/42.\n\n"
                + "<!-- loadverdict:recurrence:start -->\n").contains("GET /cart").doesNotContain("POST /pay")
                .endsWith("<!-- loadverdict:recurrence:end -->\n");
        assertThat(Reports.recurrence(FULL, "checkout", Fixtures.markers("recurrence"), "", "https://evil.example/x @team", ""))
                .startsWith("loadverdict found this regression again in https:\u200D//evil.example/x @\u200Dteam.\n\n");
    }

    @Test
    void anIssueTitleIsInertPrintableAndWithinGitHubsLimit() {
        String title = Reports.issueTitle("Slow {service} ({suite})", "\u001B]0;pwned\u0007\u001B[2Jcheckout\n@team #3\rPASS", "nightly");
        assertThat(title).isEqualTo("Slow checkout @\u200Dteam #\u200D3 PASS (nightly)");
        assertThat(title.chars().filter(Character::isISOControl).count()).isZero();
        String longTitle = Reports.issueTitle("{service} {suite}", "s".repeat(300), "x".repeat(300));
        assertThat(longTitle).hasSizeLessThanOrEqualTo(Reports.TITLE_LIMIT).endsWith("…");
        assertThat(Reports.issueTitle("Performance regression in {service} ({suite})", "checkout", "nightly"))
                .isEqualTo("Performance regression in checkout (nightly)");
    }
}
