package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.config.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.loadverdict.comparator.Fixtures.compare;
import static dev.loadverdict.comparator.Fixtures.config;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.run;
import static dev.loadverdict.comparator.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

/** Findings come in a fixed report order, whatever the order of the input. */
class OrderingTest {

    private static final Run CURRENT = run(
            service("web").total(endpoint("Aggregated").p95(1).p99(2).throughput(10)).endpoint(endpoint("GET /b").p95(1).p99(2).throughput(5)).endpoint(endpoint("GET /a").p95(1).p99(2).throughput(5)),
            service("api").total(endpoint("Aggregated").p95(1).p99(2).throughput(10)).endpoint(endpoint("POST /z").p95(1).p99(2).throughput(5)).endpoint(endpoint("GET /z").p95(1).p99(2).throughput(5)));
    private static final Run BASELINE = run(
            service("api").total(endpoint("Aggregated").p95(1).p99(2).throughput(10)).endpoint(endpoint("GET /z").p95(1).p99(2).throughput(5)).endpoint(endpoint("POST /z").p95(1).p99(2).throughput(5)),
            service("web").total(endpoint("Aggregated").p95(1).p99(2).throughput(10)).endpoint(endpoint("GET /a").p95(1).p99(2).throughput(5)).endpoint(endpoint("GET /b").p95(1).p99(2).throughput(5)));

    @Test
    void servicesInCurrentOrderTotalFirstEndpointsByKeyMetricsInEnumOrder() {
        Comparison c = compare(CURRENT, BASELINE);

        assertThat(c.findings()).extracting(OrderingTest::label).containsExactly(
                "web (total) p95", "web (total) p99", "web (total) error_rate", "web (total) throughput",
                "web GET /a p95", "web GET /a p99", "web GET /a error_rate", "web GET /a throughput",
                "web GET /b p95", "web GET /b p99", "web GET /b error_rate", "web GET /b throughput",
                "api (total) p95", "api (total) p99", "api (total) error_rate", "api (total) throughput",
                "api GET /z p95", "api GET /z p99", "api GET /z error_rate", "api GET /z throughput",
                "api POST /z p95", "api POST /z p99", "api POST /z error_rate", "api POST /z throughput");
    }

    @Test
    void theSameInputGivesTheSameComparison() {
        LoadverdictConfig config = config(RuleSet.empty());

        assertThat(compare(CURRENT, BASELINE, config)).isEqualTo(compare(CURRENT, BASELINE, config));
    }

    @Test
    void metricsFollowTheEnumEvenWhenConfiguredInAnotherOrder() {
        List<Metric> compared = compare(run(service("api").endpoint(endpoint("GET /x").p99(2).throughput(5).p95(1))),
                run(service("api").endpoint(endpoint("GET /x").throughput(5).p95(1).p99(2)))).findings().stream()
                .filter(f -> f.endpoint().isPresent()).map(Finding::metric).toList();

        assertThat(compared).containsExactly(Metric.P95, Metric.P99, Metric.ERROR_RATE, Metric.THROUGHPUT);
    }

    private static String label(Finding f) {
        return f.service() + " " + f.endpointLabel() + " " + f.metric().key();
    }
}
