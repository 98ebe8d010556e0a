package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.compare.Verdict;
import org.junit.jupiter.api.Test;

import static dev.loadverdict.comparator.Fixtures.compare;
import static dev.loadverdict.comparator.Fixtures.compareEndpoint;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.finding;
import static dev.loadverdict.comparator.Fixtures.run;
import static dev.loadverdict.comparator.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Which way is worse, and which severity a change reaches under the built-in defaults. */
class DirectionAndSeverityTest {

    @Test
    void latencyGoingUpIsARegression() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(150), endpoint("GET /x").p95(100)), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.change().getAsDouble()).isEqualTo(50.0);
        assertThat(f.relativePercent().getAsDouble()).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void throughputDroppingIsARegressionWithAPositiveChange() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").throughput(60), endpoint("GET /x").throughput(100)),
                Metric.THROUGHPUT);

        assertThat(f.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.change().getAsDouble()).isEqualTo(40.0);
        assertThat(f.relativePercent().getAsDouble()).isCloseTo(40.0, within(1e-9));
    }

    @Test
    void throughputRisingIsAnImprovement() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").throughput(150), endpoint("GET /x").throughput(100)),
                Metric.THROUGHPUT);

        assertThat(f.outcome()).isEqualTo(Outcome.IMPROVEMENT);
        assertThat(f.severity()).isEqualTo(Severity.NONE);
        assertThat(f.change().getAsDouble()).isEqualTo(-50.0);
    }

    @Test
    void latencyGoingDownIsAnImprovement() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(100), endpoint("GET /x").p95(150)), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.IMPROVEMENT);
        assertThat(f.severity()).isEqualTo(Severity.NONE);
        assertThat(f.change().getAsDouble()).isEqualTo(-50.0);
    }

    @Test
    void anImprovementSmallerThanTheWarningAmountsIsUnchanged() {
        // -3% and -3 ms: the mirrored warning block (10% and 5 ms) is not met
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(97), endpoint("GET /x").p95(100)), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void anImprovementNeedsBothMirroredAmounts() {
        // -30% but only -3 ms: the warning block needs both relative and delta
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(7), endpoint("GET /x").p95(10)), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void aSmallWorseningIsWorseWithinThreshold() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(104), endpoint("GET /x").p95(100)), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.WORSE_WITHIN_THRESHOLD);
        assertThat(f.severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void noChangeIsUnchanged() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(100), endpoint("GET /x").p95(100)), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(f.change().getAsDouble()).isZero();
    }

    @Test
    void aChangeBetweenWarningAndCriticalAmountsIsAWarning() {
        // +15% and +15 ms: warning needs 10% and 5 ms, critical 25% and 20 ms
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(115), endpoint("GET /x").p95(100)), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void aChangeBeyondTheCriticalAmountsIsCritical() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(130), endpoint("GET /x").p95(100)), Metric.P95);

        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aRelativeChangeAloneIsNotEnoughWhenDeltaIsAlsoSet() {
        // +30% but only +3 ms
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(13), endpoint("GET /x").p95(10)), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.WORSE_WITHIN_THRESHOLD);
        assertThat(f.severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void aDeltaAloneIsNotEnoughWhenRelativeIsAlsoSet() {
        // +30 ms but only +3%
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(1030), endpoint("GET /x").p95(1000)), Metric.P95);

        assertThat(f.outcome()).isEqualTo(Outcome.WORSE_WITHIN_THRESHOLD);
        assertThat(f.severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void thresholdsMustBeExceededNotMerelyReached() {
        // exactly +10% and exactly +5 ms
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(55), endpoint("GET /x").p95(50)), Metric.P95);

        assertThat(f.severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void errorRateIsWorseWhenItRises() {
        // 0.1% -> 0.4%: +0.3 pp is a warning (0.2 pp), not critical (0.5 pp)
        Finding f = finding(compareEndpoint(endpoint("GET /x").failures(4), endpoint("GET /x").failures(1)),
                Metric.ERROR_RATE);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.change().getAsDouble()).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void verdictIsPassWithoutRegressions() {
        Comparison c = compareEndpoint(endpoint("GET /x").p95(101), endpoint("GET /x").p95(100));

        assertThat(c.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void verdictIsWarnWhenTheWorstRegressionIsAWarning() {
        Comparison c = compare(
                run(service("api").endpoint(endpoint("GET /x").p95(115)).endpoint(endpoint("GET /y").p95(100))),
                run(service("api").endpoint(endpoint("GET /x").p95(100)).endpoint(endpoint("GET /y").p95(100))));

        assertThat(c.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void verdictIsFailWhenAnyRegressionIsCritical() {
        Comparison c = compare(
                run(service("api").endpoint(endpoint("GET /x").p95(115)).endpoint(endpoint("GET /y").p95(200))),
                run(service("api").endpoint(endpoint("GET /x").p95(100)).endpoint(endpoint("GET /y").p95(100))));

        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void serviceTotalsAreComparedLikeEndpoints() {
        Comparison c = compare(
                run(service("api").total(endpoint("Aggregated").p95(200)).endpoint(endpoint("GET /x").p95(100))),
                run(service("api").total(endpoint("Aggregated").p95(100)).endpoint(endpoint("GET /x").p95(100))));

        Finding total = finding(c, "api", null, Metric.P95);
        assertThat(total.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(total.endpointLabel()).isEqualTo("(total)");
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
    }
}
