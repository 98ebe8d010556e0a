package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.EndpointChange;
import dev.loadverdict.model.compare.EndpointChange.Kind;
import dev.loadverdict.model.compare.Matching;
import dev.loadverdict.model.config.IssueSettings;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.config.MatchingSettings;
import dev.loadverdict.model.config.Naming;
import dev.loadverdict.model.config.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static dev.loadverdict.comparator.Fixtures.compare;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.finding;
import static dev.loadverdict.comparator.Fixtures.run;
import static dev.loadverdict.comparator.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a comparison matched: flat (legacy) baseline services paired with the run by name, the share of the baseline
 * found ({@code matching.minMatched}, {@link Unmatched}) and the share missing ({@code matching.warnMissing}).
 */
class MatchingTest {

    /** A flat service as {@code baseline import} makes it: a total, no endpoints. */
    private static Fixtures.ServiceBuilder flat(String name, double p95) {
        return service(name).total(endpoint("Aggregated").requests(900).p95(p95));
    }

    /** Service {@code api} with endpoints {@code GET /e0} … {@code GET /e(n-1)}. */
    private static Run endpoints(int n) {
        Fixtures.ServiceBuilder api = service("api");
        IntStream.range(0, n).forEach(i -> api.endpoint(endpoint("GET /e" + i).p95(10)));
        return run(api);
    }

    /** The baseline's {@code GET /e0} … {@code GET /e(n-1)} of which the run has the first {@code found}. */
    private static Comparison found(int found, int of, LoadverdictConfig config) {
        return Fixtures.compare(endpoints(found), endpoints(of), config);
    }

    private static LoadverdictConfig matching(double minMatched, double warnMissing) {
        return new LoadverdictConfig(RuleSet.empty(), List.of(), List.of(), Naming.defaults(),
                LoadverdictConfig.DEFAULT_ALPHA, LoadverdictConfig.DEFAULT_ALPHA_CRITICAL,
                Optional.of(Fixtures.CONFIG_FILE), IssueSettings.none(), true, new MatchingSettings(minMatched, warnMissing));
    }

    private static final LoadverdictConfig DEFAULTS = matching(MatchingSettings.DEFAULT_MIN_MATCHED_PERCENT,
            MatchingSettings.DEFAULT_WARN_MISSING_PERCENT);

    private static Optional<Unmatched> unmatched(Comparison c, Run current, Run baseline) {
        return Unmatched.of(c, current, baseline, DEFAULTS.matching());
    }

    // ---- flat baseline services paired by name ----

    @Test
    void aFlatServicePairsWithTheRunsOneEndpointOfItsNameWithoutMethodAndLeadingSlash() {
        Run current = run(service("default").endpoint(endpoint("GET /api_gateway").p95(150))
                .endpoint(endpoint("POST /other").p95(5)));
        Run baseline = run(flat("api_gateway", 120));

        Comparison c = compare(current, baseline, DEFAULTS);

        Matching m = c.matching().orElseThrow();
        assertThat(m.endpoints()).isEqualTo(new Matching.Counts(1, 0, 1));
        assertThat(m.services()).isEqualTo(new Matching.Counts(1, 0, 1));
        assertThat(m.byName()).containsExactly("api_gateway = default GET /api_gateway");
        // the legacy total is compared with the endpoint, reported under the run's service and endpoint
        assertThat(finding(c, "default", "GET /api_gateway", Metric.P95).baseline()).hasValue(120);
        assertThat(finding(c, "default", "GET /api_gateway", Metric.P95).current()).hasValue(150);
        assertThat(c.endpointChanges()).containsExactly(new EndpointChange("default", "POST /other", Kind.NEW, 1000));
    }

    @Test
    void aNameWithoutALeadingSlashPairsToo() {
        Comparison c = compare(run(service("default").endpoint(endpoint("rag_service").p95(900))),
                run(flat("rag_service", 800)), DEFAULTS);

        assertThat(c.matching().orElseThrow().byName()).containsExactly("rag_service = default rag_service");
        assertThat(c.endpointChanges()).isEmpty();
    }

    @Test
    void anEndpointNameUsedUnderTwoMethodsPairsWithNone() {
        Run current = run(service("default").endpoint(endpoint("GET /cart").p95(50)).endpoint(endpoint("POST /cart").p95(60)));
        Run baseline = run(flat("cart", 55));

        Comparison c = compare(current, baseline, DEFAULTS);

        Matching m = c.matching().orElseThrow();
        assertThat(m.byName()).isEmpty();
        assertThat(m.endpoints()).isEqualTo(new Matching.Counts(0, 1, 2));
        assertThat(c.endpointChanges()).containsExactly(
                new EndpointChange("default", "GET /cart", Kind.NEW, 1000),
                new EndpointChange("default", "POST /cart", Kind.NEW, 1000),
                new EndpointChange("cart", "(total)", Kind.MISSING, 900));
        assertThat(unmatched(c, current, baseline)).hasValueSatisfying(u ->
                assertThat(u.identities()).startsWith("nothing matched: the baseline has service cart (totals only, no endpoints)"));
    }

    @Test
    void aMissingFlatServiceIsNamedAsItsTotal() {
        Run current = run(service("default").endpoint(endpoint("GET /cart").p95(50)));
        Run baseline = run(flat("cart", 55), flat("payments", 50));

        Comparison c = compare(current, baseline, DEFAULTS);

        assertThat(c.endpointChanges()).contains(new EndpointChange("payments", "(total)", Kind.MISSING, 900));
        assertThat(c.warnings()).containsExactly("1 of the baseline's 2 endpoints (50%) is missing from this run, more"
                + " than matching.warnMissing 10%: payments (total)");
    }

    @Test
    void theRunsEndpointsOfAServiceTheBaselineHasFlatAreComparedThroughItsTotalNotNew() {
        // the run's requests were mapped onto the legacy service's name (mapping rules): its endpoints are not new
        Run current = run(service("cart").total(endpoint("Aggregated").requests(1106).p95(70))
                .endpoint(endpoint("POST /api/cart").requests(1106).p95(70)));
        Run baseline = run(flat("cart", 60));

        Comparison c = compare(current, baseline, DEFAULTS);

        assertThat(c.matching().orElseThrow().endpoints()).isEqualTo(new Matching.Counts(1, 0, 0));
        assertThat(c.matching().orElseThrow().services()).isEqualTo(new Matching.Counts(1, 0, 0));
        assertThat(c.endpointChanges()).isEmpty();
        assertThat(finding(c, "cart", null, Metric.P95).baseline()).hasValue(60);
        assertThat(c.findings()).noneMatch(f -> f.endpoint().isPresent());
    }

    @Test
    void anEndpointCoveredByAFlatTotalIsStillHeldToAbsoluteLimits() {
        LoadverdictConfig slo = Fixtures.config(Fixtures.rules(Metric.P95, Fixtures.critical(Fixtures.limit(100), "slo")));
        Run current = run(service("cart").total(endpoint("Aggregated").requests(1106).p95(70))
                .endpoint(endpoint("POST /api/cart").requests(1106).p95(700)));

        Comparison c = compare(current, run(flat("cart", 60)), slo);

        assertThat(c.endpointChanges()).isEmpty();
        assertThat(finding(c, "cart", "POST /api/cart", Metric.P95).severity())
                .isEqualTo(dev.loadverdict.model.compare.Severity.CRITICAL);
    }

    // ---- matching.minMatched: (almost) nothing matched ----

    @Test
    void matchingNothingGivesNoVerdictWhateverMinMatchedSays() {
        Run current = run(service("api").endpoint(endpoint("GET /x").p95(10)));
        Run baseline = run(service("search").endpoint(endpoint("GET /q").p95(10)));
        Comparison c = compare(current, baseline, matching(0, 10));

        assertThat(c.matching().orElseThrow().endpoints()).isEqualTo(new Matching.Counts(0, 1, 1));
        assertThat(Unmatched.of(c, current, baseline, new MatchingSettings(0, 10))).hasValueSatisfying(u ->
                assertThat(u.identities()).startsWith("nothing matched: "));
    }

    @Test
    void underMinMatchedIsAlmostNothing() {
        Comparison c = found(1, 5, DEFAULTS); // 20% < 25%

        assertThat(unmatched(c, endpoints(1), endpoints(5))).hasValueSatisfying(u -> assertThat(u.identities())
                .isEqualTo("almost nothing matched: 1 of the baseline's 5 endpoints (20%) is in this run, fewer than"
                        + " matching.minMatched 25%: the baseline has service api with 5 endpoints GET /e0, GET /e1,"
                        + " GET /e2, GET /e3, GET /e4; this run has service api with endpoint GET /e0"));
    }

    @Test
    void exactlyMinMatchedIsEnough() {
        Comparison c = found(1, 4, DEFAULTS); // 25%, not fewer

        assertThat(c.matching().orElseThrow().matchedPercent()).isEqualTo(25.0);
        assertThat(unmatched(c, endpoints(1), endpoints(4))).isEmpty();
    }

    @Test
    void aComparisonWithoutARecordOfMatchingIsNeverUnmatched() {
        Comparison limitsOnly = RegressionDetector.checkLimits(endpoints(1), DEFAULTS);

        assertThat(Unmatched.of(limitsOnly, endpoints(1), endpoints(4), DEFAULTS.matching())).isEmpty();
    }

    // ---- matching.warnMissing ----

    @Test
    void exactlyWarnMissingMissingIsNoWarning() {
        Comparison c = found(9, 10, DEFAULTS); // 10% missing, not more

        assertThat(c.matching().orElseThrow().missingPercent()).isEqualTo(10.0);
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void justAboveWarnMissingIsOneWarningListingWhatIsMissing() {
        Comparison c = found(8, 9, DEFAULTS); // 11.1% missing

        assertThat(c.warnings()).containsExactly("1 of the baseline's 9 endpoints (11.1%) is missing from this run, more"
                + " than matching.warnMissing 10%: api GET /e8");
    }

    @Test
    void theWarningListsFiveMissingEndpointsAndCountsTheRest() {
        Comparison c = found(3, 10, DEFAULTS);

        assertThat(c.warnings()).containsExactly("7 of the baseline's 10 endpoints (70%) are missing from this run, more"
                + " than matching.warnMissing 10%: api GET /e3, api GET /e4, api GET /e5, api GET /e6, api GET /e7 and 2 more");
    }
}
