package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.config.LoadverdictConfig;
import org.junit.jupiter.api.Test;

import static dev.loadverdict.comparator.Fixtures.compareEndpoint;
import static dev.loadverdict.comparator.Fixtures.config;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.finding;
import static dev.loadverdict.comparator.Fixtures.relative;
import static dev.loadverdict.comparator.Fixtures.relativeAndDelta;
import static dev.loadverdict.comparator.Fixtures.rules;
import static dev.loadverdict.comparator.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

/** minRequests, zero baselines and missing values. */
class ComparabilityTest {

    /** minRequests is a user's explicit choice: none is built in. */
    private static final dev.loadverdict.model.config.LoadverdictConfig MIN_100 =
            dev.loadverdict.comparator.Fixtures.config(dev.loadverdict.comparator.Fixtures.minRequests(100));

    @Test
    void tooFewCurrentRequestsMakeAFindingNotComparable() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").requests(42).p95(500),
                endpoint("GET /x").p95(100), MIN_100), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
        assertThat(f.severity()).isEqualTo(Severity.NONE);
        assertThat(f.reasons()).containsExactly("not compared: current has 42 requests < minRequests 100");
        assertThat(f.currentRequests()).isEqualTo(42);
        assertThat(f.change().getAsDouble()).isEqualTo(400.0);
    }

    @Test
    void tooFewBaselineRequestsMakeAFindingNotComparable() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(500),
                endpoint("GET /x").requests(99).p95(100), MIN_100), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
        assertThat(f.reasons()).containsExactly("not compared: baseline has 99 requests < minRequests 100");
    }

    @Test
    void exactlyMinRequestsIsEnough() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").requests(100).p95(500),
                endpoint("GET /x").requests(100).p95(100)), Metric.P95);

        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aZeroBaselineErrorRateIsJudgedByDeltaWithoutARelativeChange() {
        // 0% -> 2%
        Finding f = finding(compareEndpoint(endpoint("GET /x").failures(20), endpoint("GET /x").failures(0)),
                Metric.ERROR_RATE);

        assertThat(f.baseline().getAsDouble()).isZero();
        assertThat(f.current().getAsDouble()).isEqualTo(2.0);
        assertThat(f.change().getAsDouble()).isEqualTo(2.0);
        assertThat(f.relativePercent()).isEmpty();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.reasons()).contains("baseline is 0: relative change undefined",
                "critical: delta +2.0 pp > 0.5 pp ✓");
    }

    @Test
    void aZeroBaselineNeverMeetsARelativeOnlyCondition() {
        // the built-in warning's delta dropped with `delta: off`, so the block is relative only
        LoadverdictConfig config = config(rules(Metric.ERROR_RATE, Fixtures.warningDropping(relative(50),
                "loadverdict.yml defaults", dev.loadverdict.model.config.Condition.DELTA)));

        Finding f = finding(compareEndpoint(endpoint("GET /x").failures(1), endpoint("GET /x").failures(0), config),
                Metric.ERROR_RATE);

        assertThat(f.rule().warning().orElseThrow().delta()).isEmpty();
        // 0% -> 0.1%: no relative change exists from zero, and this warning has no delta to decide instead
        assertThat(f.severity()).isEqualTo(Severity.NONE);
        assertThat(f.outcome()).isEqualTo(dev.loadverdict.model.compare.Outcome.WORSE_WITHIN_THRESHOLD);
        assertThat(f.relativePercent()).isEmpty();
        assertThat(f.reasons()).contains("warning: relative undefined (baseline is 0), no delta to decide ✗");
    }

    @Test
    void aZeroBaselineLetsTheDeltaDecideWhenTheBlockHasBoth() {
        LoadverdictConfig config = config(rules(Metric.ERROR_RATE,
                warning(relativeAndDelta(50, 0.05), "loadverdict.yml defaults")));

        Finding f = finding(compareEndpoint(endpoint("GET /x").failures(1), endpoint("GET /x").failures(0), config),
                Metric.ERROR_RATE);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.reasons()).anySatisfy(r -> assertThat(r).startsWith("warning: relative undefined (baseline is 0), delta decides ✓"));
    }

    @Test
    void zeroOnBothSidesIsUnchangedAndHoldsNoInfinityOrNaN() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").failures(0), endpoint("GET /x").failures(0)),
                Metric.ERROR_RATE);

        assertThat(f.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(f.change().getAsDouble()).isZero();
        assertThat(f.relativePercent()).isEmpty();
    }

    @Test
    void aZeroBaselineThroughputThatRoseIsAnImprovement() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").throughput(20), endpoint("GET /x").throughput(0)),
                Metric.THROUGHPUT);

        assertThat(f.outcome()).isEqualTo(Outcome.IMPROVEMENT);
        assertThat(f.relativePercent()).isEmpty();
    }

    @Test
    void aPercentileMissingOnOneSideIsNotComparableAndNeverTakenFromTheMean() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").mean(500), endpoint("GET /x").p95(100).mean(90)),
                Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
        assertThat(f.current()).isEmpty();
        assertThat(f.baseline().getAsDouble()).isEqualTo(100.0);
        assertThat(f.change()).isEmpty();
        assertThat(f.relativePercent()).isEmpty();
        assertThat(f.reasons()).containsExactly("not compared: the current run has no p95");
    }

    @Test
    void aPercentileMissingInTheBaselineIsNotComparable() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p99(500), endpoint("GET /x").mean(90)), Metric.P99);

        assertThat(f.outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
        assertThat(f.baseline()).isEmpty();
        assertThat(f.reasons()).containsExactly("not compared: the baseline has no p99");
    }

    @Test
    void aPercentileMissingOnBothSidesIsNotReportedAtAll() {
        var c = compareEndpoint(endpoint("GET /x").mean(500), endpoint("GET /x").mean(90));

        assertThat(c.findings()).noneMatch(f -> f.metric() == Metric.P95);
    }

    @Test
    void anErrorRateWithoutRequestsIsMissingNotZero() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").requests(0), endpoint("GET /x")), Metric.ERROR_RATE);

        assertThat(f.outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
        assertThat(f.current()).isEmpty();
    }
}
