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

    @Test
    void theWholeHintIsShownSoItsMappingCanBeUsed() {
        // what compare says of by-segment.json against the Locust 2.12 shop-regressed run (cli MatchingTest)
        String identities = "nothing matched: the baseline has 3 services cart, checkout, payments (totals only, no"
                + " endpoints); this run has service default with 5 endpoints POST /api/cart, POST /api/checkout,"
                + " GET /api/products, GET /api/products/[id], GET /api/search";
        String hint = "the run's endpoints POST /api/cart, POST /api/checkout look like the baseline's services cart,"
                + " checkout: map each to its service by the endpoint name in loadverdict.yml, mapping: [{match: {name:"
                + " \"(^|/)cart(/|$)\"}, service: cart}, {match: {name: \"(^|/)checkout(/|$)\"}, service: checkout}]";

        String md = Reports.unmatched("seg.json", identities, hint);

        assertThat(md).doesNotContain("…").contains("GET /api/search.")
                .contains("service: checkout}\\].");
    }

    @Test
    void aLongWarningIsShownWhole() {
        String warning = "7 of the baseline's 10 endpoints (70%) are missing from this run, more than matching.warnMissing"
                + " 10%: checkout GET /api/v2/customers/[id]/orders, checkout GET /api/v2/customers/[id]/addresses,"
                + " checkout POST /api/v2/customers/[id]/payment-methods, checkout GET /api/v2/catalogue/search and 3 more";

        String text = Reports.render(ReportFormat.TEXT, Fixtures.passing().withWarnings(java.util.List.of(warning)));

        assertThat(text).contains("WARNING: 7 of the baseline's 10 endpoints").contains("/catalogue/search and 3 more.");
    }
}
