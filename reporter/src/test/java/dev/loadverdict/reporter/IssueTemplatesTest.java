package dev.loadverdict.reporter;

import dev.loadverdict.model.compare.Comparison;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IssueTemplatesTest {

    private static final Comparison FULL = Fixtures.full();

    @Test
    void anIssueBodyHoldsOneServicesRegressionsBetweenItsMarkers() {
        String body = Reports.issue(FULL, "checkout", "fingerprint=0123456789abcdef", "nightly",
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
        String body = Reports.issue(FULL, "checkout", "fingerprint=0123456789abcdef", "", "",
                "loadverdict compare x```\n## owned @team");
        // one command a line, inside the fence: the backticks that could close it are gone, the rest is inert there
        assertThat(body).doesNotContain("x```").contains("```sh\nloadverdict compare x'''\n## owned @team\n```");
    }

    @Test
    void anActionsRunAddressIsALinkAnythingElseIsInertText() {
        assertThat(Reports.comment(FULL, "comment", "https://github.com/acme/shop/actions/runs/42"))
                .contains("Run: https://github.com/acme/shop/actions/runs/42\n");
        assertThat(Reports.issue(FULL, "checkout", "fingerprint=0123456789abcdef", "", "https://github.com/acme/shop/actions/runs/42, commit 3f9c2ab", ""))
                .contains("Run: https://github.com/acme/shop/actions/runs/42, commit 3f9c2ab\n");
        assertThat(Reports.comment(FULL, "comment", "https://evil.example/x @team"))
                .doesNotContain("https://evil").contains("@\u200Dteam");
    }

    @Test
    void theStickyCommentCarriesItsMarker() {
        String comment = Reports.comment(FULL, "comment", "https://github.com/acme/shop/actions/runs/42");
        assertThat(comment).startsWith("<!-- loadverdict:comment:start -->").contains("### loadverdict: FAIL")
                .contains("POST /pay").contains("GET /cart");
        assertThatThrownBy(() -> Reports.comment(FULL, "x --> <script>", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
