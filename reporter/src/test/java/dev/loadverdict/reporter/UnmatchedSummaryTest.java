package dev.loadverdict.reporter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The job summary of a comparison that matched (almost) nothing: no verdict, both sides named, the hint. */
class UnmatchedSummaryTest {

    @Test
    void namesTheBaselineBothSidesAndTheHintAndGivesNoVerdict() {
        String md = Reports.unmatched("base.json", "nothing matched: the baseline has service cart (totals only, no"
                + " endpoints); this run has service default with endpoint POST /api/cart", "the run's endpoints POST"
                + " /api/cart look like the baseline's service cart: map each to its service by the endpoint name in"
                + " loadverdict.yml, mapping: [{match: {name: \"(^|/)cart(/|$)\"}, service: cart}]");

        assertThat(md).startsWith("## loadverdict: no verdict — the run and the baseline `base.json` have (almost)"
                + " nothing in common\n\nnothing matched: the baseline has service cart \\(totals only, no endpoints\\);");
        assertThat(md).contains("\n\n**Hint:** the run's endpoints POST /api/cart look like the baseline's service cart")
                .contains("compare` exits 3 (bad input)")
                .doesNotContain("PASS").doesNotContain("FAIL");
    }

    @Test
    void namesFromResultFilesAreEscaped() {
        String md = Reports.unmatched("b`ase.json", "nothing matched: this run has service " + Fixtures.HOSTILE_ENDPOINT,
                "map @octocat");

        assertThat(md).contains("``b`ase.json``").doesNotContain("<script>").doesNotContain("x|y").doesNotContain(" @octocat");
    }
}
