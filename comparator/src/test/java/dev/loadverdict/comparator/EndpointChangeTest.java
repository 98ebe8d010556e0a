package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.EndpointChange;
import dev.loadverdict.model.compare.EndpointChange.Kind;
import dev.loadverdict.model.compare.Verdict;
import dev.loadverdict.model.config.LoadverdictConfig;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.loadverdict.comparator.Fixtures.compare;
import static dev.loadverdict.comparator.Fixtures.config;
import static dev.loadverdict.comparator.Fixtures.critical;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.limit;
import static dev.loadverdict.comparator.Fixtures.relative;
import static dev.loadverdict.comparator.Fixtures.rules;
import static dev.loadverdict.comparator.Fixtures.run;
import static dev.loadverdict.comparator.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

/** Endpoints and services on one side only are reported and never fail. */
class EndpointChangeTest {

    /** Any p95 increase of 1% would be critical, if it were compared. */
    private static final LoadverdictConfig STRICT = config(rules(Metric.P95, critical(relative(1), "strict")));

    /** An SLO: any p95 above 1 ms is critical, whatever the baseline says. */
    private static final LoadverdictConfig SLO = config(rules(Metric.P95, critical(limit(1), "slo")));

    @Test
    void aNewEndpointIsStillHeldToAbsoluteLimits() {
        Comparison c = compare(
                run(service("api").endpoint(endpoint("GET /kept").p95(0.5))
                        .endpoint(endpoint("GET /new").requests(7).p95(900))),
                run(service("api").endpoint(endpoint("GET /kept").p95(0.5))),
                SLO);

        assertThat(c.endpointChanges()).containsExactly(new EndpointChange("api", "GET /new", Kind.NEW, 7));
        assertThat(c.findings()).filteredOn(f -> f.endpointLabel().equals("GET /new")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(dev.loadverdict.model.compare.Severity.CRITICAL);
                    assertThat(f.baseline()).isEmpty();
                    assertThat(f.current()).hasValue(900);
                });
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void newAndMissingEndpointsAreReportedWithTheirRequestsAndNeverFail() {
        Comparison c = compare(
                run(service("api").endpoint(endpoint("GET /kept").p95(0.5))
                        .endpoint(endpoint("GET /new").requests(7).p95(900).failures(7))),
                run(service("api").endpoint(endpoint("GET /kept").p95(0.5))
                        .endpoint(endpoint("GET /old").requests(12).p95(900))),
                STRICT);

        assertThat(c.endpointChanges()).containsExactly(
                new EndpointChange("api", "GET /new", Kind.NEW, 7),
                new EndpointChange("api", "GET /old", Kind.MISSING, 12));
        assertThat(c.findings()).noneMatch(f -> f.endpointLabel().equals("GET /new")
                || f.endpointLabel().equals("GET /old"));
        assertThat(c.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void servicesOnOneSideReportEachOfTheirEndpointsAndHaveNoFindings() {
        Comparison c = compare(
                run(service("search").total(endpoint("Aggregated").p95(900))
                                .endpoint(endpoint("GET /q").requests(3).p95(900))
                                .endpoint(endpoint("GET /a").requests(4).p95(900)),
                        service("api").endpoint(endpoint("GET /x").p95(0.5))),
                run(service("legacy").total(endpoint("Aggregated").p95(900))
                                .endpoint(endpoint("GET /old").requests(5).p95(900)),
                        service("api").endpoint(endpoint("GET /x").p95(0.5))),
                STRICT);

        assertThat(c.endpointChanges()).containsExactly(
                new EndpointChange("search", "GET /a", Kind.NEW, 4),
                new EndpointChange("search", "GET /q", Kind.NEW, 3),
                new EndpointChange("legacy", "GET /old", Kind.MISSING, 5));
        assertThat(c.findings()).isNotEmpty().allMatch(f -> f.service().equals("api"));
        assertThat(c.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void theRunLevelTotalIsNotCompared() {
        Run current = withRunTotal(run(service("api").endpoint(endpoint("GET /x").p95(0.5))), 900);
        Run baseline = withRunTotal(run(service("api").endpoint(endpoint("GET /x").p95(0.5))), 0.5);

        Comparison c = compare(current, baseline, STRICT);

        assertThat(c.findings()).isNotEmpty().allMatch(f -> f.service().equals("api"));
        assertThat(c.verdict()).isEqualTo(Verdict.PASS);
    }

    private static Run withRunTotal(Run run, double p95) {
        return new Run(run.metadata(), Optional.of(endpoint("Aggregated").p95(p95).build()), run.services());
    }
}
