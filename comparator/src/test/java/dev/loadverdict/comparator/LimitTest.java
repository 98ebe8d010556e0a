package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.config.RuleSet;
import org.junit.jupiter.api.Test;

import static dev.loadverdict.comparator.Fixtures.compareEndpoint;
import static dev.loadverdict.comparator.Fixtures.config;
import static dev.loadverdict.comparator.Fixtures.critical;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.finding;
import static dev.loadverdict.comparator.Fixtures.limit;
import static dev.loadverdict.comparator.Fixtures.rules;
import static dev.loadverdict.comparator.Fixtures.serviceRules;
import static dev.loadverdict.comparator.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

/** A limit is an absolute SLO: its breach alone raises its severity. */
class LimitTest {

    private static final LoadverdictConfig P95_CRITICAL_LIMIT_100 = config(RuleSet.empty(),
            serviceRules("api", rules(Metric.P95, critical(limit(100), "loadverdict.yml services.api.metrics.p95"))));

    @Test
    void aBreachRaisesTheSeverityEvenWithAnIdenticalBaseline() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(130), endpoint("GET /x").p95(130),
                P95_CRITICAL_LIMIT_100), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.change().getAsDouble()).isZero();
        assertThat(f.reasons()).contains("critical: limit 100 ms breached (current 130 ms)");
    }

    @Test
    void aBreachRaisesTheSeverityEvenWithTooFewRequests() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").requests(3).p95(130),
                endpoint("GET /x").requests(3).p95(90), P95_CRITICAL_LIMIT_100), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aBreachNeedsOnlyTheCurrentValue() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(130), endpoint("GET /x").mean(50),
                P95_CRITICAL_LIMIT_100), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.baseline()).isEmpty();
        assertThat(f.change()).isEmpty();
    }

    @Test
    void aValueAtTheLimitIsNotABreach() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(100), endpoint("GET /x").p95(100),
                P95_CRITICAL_LIMIT_100), Metric.P95);

        assertThat(f.severity()).isEqualTo(Severity.NONE);
        assertThat(f.reasons()).contains("critical: limit 100 ms not breached (current 100 ms)");
    }

    @Test
    void aLimitLeavesTheOtherSeverityAsInherited() {
        // the warning block is still the built-in one: +15% and +15 ms is a warning
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(92), endpoint("GET /x").p95(80),
                P95_CRITICAL_LIMIT_100), Metric.P95);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aLimitAddsToTheInheritedRelativeAndDeltaConditions() {
        LoadverdictConfig highLimit = config(RuleSet.empty(), serviceRules("api",
                rules(Metric.P95, critical(limit(1000), "loadverdict.yml services.api.metrics.p95"))));

        // +100% and +100 ms, far below the limit: the inherited built-in critical (+25% and +20 ms) still fires
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(200), endpoint("GET /x").p95(100), highLimit),
                Metric.P95);

        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.rule().critical().orElseThrow().relativePercent()).hasValue(25.0);
        assertThat(f.rule().critical().orElseThrow().limit()).hasValue(1000.0);
    }

    @Test
    void aThroughputLimitIsALowerBound() {
        LoadverdictConfig config = config(RuleSet.empty(), serviceRules("api",
                rules(Metric.THROUGHPUT, warning(limit(50), "loadverdict.yml services.api.metrics.throughput"))));

        Finding below = finding(compareEndpoint(endpoint("GET /x").throughput(40), endpoint("GET /x").throughput(40),
                config), Metric.THROUGHPUT);
        Finding above = finding(compareEndpoint(endpoint("GET /x").throughput(60), endpoint("GET /x").throughput(60),
                config), Metric.THROUGHPUT);

        assertThat(below.severity()).isEqualTo(Severity.WARNING);
        assertThat(below.reasons()).contains("warning: limit 50 req/s breached (current 40.0 req/s)");
        assertThat(above.severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void aLimitWithoutACurrentValueIsNotChecked() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").mean(300), endpoint("GET /x").p95(90),
                P95_CRITICAL_LIMIT_100), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
        assertThat(f.severity()).isEqualTo(Severity.NONE);
        assertThat(f.reasons()).contains("critical: limit 100 ms not checked (the current run has no p95)");
    }
}
