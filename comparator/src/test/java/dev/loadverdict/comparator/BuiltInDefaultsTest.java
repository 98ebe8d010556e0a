package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.config.Conditions;
import dev.loadverdict.model.config.MetricRule;
import dev.loadverdict.model.config.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in rules are exactly the documented ones. */
class BuiltInDefaultsTest {

    private static final RuleSet RULES = BuiltInDefaults.ruleSet();

    @Test
    void noMinimumOfRequestsIsBuiltInAndNothingIsIgnored() {
        assertThat(RULES.minRequests()).as("what the samples resolve decides, not a fixed count").isEmpty();
        assertThat(RULES.ignore()).isFalse();
        assertThat(RULES.metrics()).containsOnlyKeys(Metric.P95, Metric.P99, Metric.ERROR_RATE, Metric.THROUGHPUT);
    }

    @Test
    void p95() {
        assertThat(RULES.metrics().get(Metric.P95)).isEqualTo(rule(conditions(10.0, 5.0), conditions(25.0, 20.0)));
    }

    @Test
    void p99HasAnAbsoluteFloorAsP95Has() {
        assertThat(RULES.metrics().get(Metric.P99)).isEqualTo(rule(conditions(15.0, 10.0), conditions(40.0, 30.0)));
    }

    @Test
    void aFastEndpointsTailNoiseIsNoRegression() {
        // seen on real unchanged Locust runs: p99 of a fast endpoint 17 ms -> 26 ms (+53%)
        var finding = Fixtures.finding(Fixtures.compareEndpoint(Fixtures.endpoint("GET /x").requests(400).p99(26),
                Fixtures.endpoint("GET /x").requests(400).p99(17), Fixtures.config(dev.loadverdict.model.config.RuleSet.empty())), Metric.P99);
        assertThat(finding.severity()).isEqualTo(dev.loadverdict.model.compare.Severity.NONE);
    }

    @Test
    void errorRate() {
        assertThat(RULES.metrics().get(Metric.ERROR_RATE))
                .isEqualTo(rule(conditions(null, 0.2), conditions(null, 0.5)));
    }

    @Test
    void throughput() {
        assertThat(RULES.metrics().get(Metric.THROUGHPUT))
                .isEqualTo(rule(conditions(10.0, null), conditions(30.0, null)));
    }

    private static MetricRule rule(Conditions warning, Conditions critical) {
        return MetricRule.of(Optional.of(warning), Optional.of(critical), "built-in defaults");
    }

    private static Conditions conditions(Double relative, Double delta) {
        return new Conditions(relative == null ? OptionalDouble.empty() : OptionalDouble.of(relative),
                delta == null ? OptionalDouble.empty() : OptionalDouble.of(delta), OptionalDouble.empty(),
                OptionalLong.empty());
    }
}
