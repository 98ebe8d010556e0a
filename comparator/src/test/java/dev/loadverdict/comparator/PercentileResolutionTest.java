package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Severity;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;


import static dev.loadverdict.comparator.Fixtures.compareEndpoint;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A percentile of n requests is known only as well as its order statistics allow. */
class PercentileResolutionTest {

    @Test
    void theP99Of212RequestsIsThe3rdLargestAndHasNoUpperBound() {
        PercentileResolution.Ranks r = PercentileResolution.ranks(212, 99);
        assertThat(r.upper()).as("beyond the largest sample: unbounded").isEqualTo(213);
        assertThat(r.lower()).isBetween(205L, 208L);
        assertThat(PercentileResolution.which(212, 99, "p99")).isEqualTo("p99 of 212 requests = the 3rd-largest");
        // 0.99^368 < 2.5% < 0.99^367: from 368 requests the largest sample is above the p99 with 97.5% confidence
        assertThat(PercentileResolution.requestsToBound(99)).isEqualTo(368);
        assertThat(PercentileResolution.requestsToBound(95)).isEqualTo(72);
        assertThat(PercentileResolution.ranks(368, 99).upper()).isLessThanOrEqualTo(368);
        assertThat(PercentileResolution.ranks(367, 99).upper()).as("unbounded").isEqualTo(368);
    }

    @Test
    void withRawSamplesTheIntervalIsReadOffTheOrderStatistics() {
        // 1,000 samples of 1, 2, …, 1000 ms: the p95's 95% interval is about ranks 936 to 964
        Histogram h = new Histogram(3);
        for (int ms = 1; ms <= 1000; ms++) {
            h.recordValue(ms * 1000L);
        }
        EndpointStats e = endpoint("GET /x").requests(1000).histogram(StatisticsTest.encode(h)).p95(950).build();
        PercentileResolution.Interval i = PercentileResolution.of(e, 95, SourcePrecision.wholeMilliseconds()).orElseThrow();
        PercentileResolution.Ranks r = PercentileResolution.ranks(1000, 95);
        assertThat(i.exact()).isTrue();
        assertThat(i.low()).isCloseTo(r.lower(), within(1.0));
        assertThat(i.high()).isCloseTo(r.upper(), within(1.0));
        assertThat(r.lower()).isBetween(930L, 940L);
        assertThat(r.upper()).isBetween(960L, 970L);
    }

    @Test
    void fromALocustTableTheBoundsAreTheTabulatedNeighboursWidenedByItsRounding() {
        // 700 requests; p95 is rank 665, its interval ranks are about 653 to 677: between p90 (630) and p98 (686)
        EndpointStats e = endpoint("GET /x").requests(700).percentile(50, 20).percentile(90, 28).p95(31)
                .percentile(98, 36).p99(40).max(55).build();
        PercentileResolution.Interval i = PercentileResolution.of(e, 95, SourcePrecision.locust()).orElseThrow();
        assertThat(i.exact()).isFalse();
        assertThat(i.low()).isEqualTo(27.5);
        assertThat(i.high()).isEqualTo(36.5);
        // above 100 ms Locust rounds to 2 significant digits: ± 5 ms
        EndpointStats slow = endpoint("GET /x").requests(700).percentile(90, 280).p95(310).percentile(98, 360).max(550).build();
        PercentileResolution.Interval wide = PercentileResolution.of(slow, 95, SourcePrecision.locust()).orElseThrow();
        assertThat(wide.low()).isEqualTo(275.0);
        assertThat(wide.high()).isEqualTo(365.0);
    }

    @Test
    void aTableThatIsNotMonotonicOrHoldsThePercentileAloneBoundsNothing() {
        EndpointStats broken = endpoint("GET /x").requests(700).percentile(90, 40).p95(31).percentile(98, 36).build();
        assertThat(PercentileResolution.of(broken, 95, SourcePrecision.locust())).isEmpty();
        EndpointStats alone = endpoint("GET /x").requests(700).p95(31).build();
        assertThat(PercentileResolution.of(alone, 95, SourcePrecision.locust())).isEmpty();
    }

    @Test
    void aFastEndpointsP99MovingAFewMillisecondsOver212RequestsIsNeverCritical() {
        // seen on real unchanged Locust runs: p99 7 ms -> 10 ms; with a +40% / +2 ms rule the thresholds break
        var rule = Fixtures.config(Fixtures.rules(Metric.P99, Fixtures.both(Fixtures.relative(15), Fixtures.relativeAndDelta(40, 2),
                "loadverdict.yml defaults.metrics.p99")));
        Finding f = finding(compareEndpoint(
                endpoint("GET /x").requests(212).percentile(50, 4).percentile(95, 6).p99(10).max(14),
                endpoint("GET /x").requests(212).percentile(50, 4).percentile(95, 5).p99(7).max(12), rule), Metric.P99);
        assertThat(f.severity()).isNotEqualTo(Severity.CRITICAL);
        assertThat(f.reasons()).anyMatch(r -> r.startsWith("critical: not resolvable at this sample size: p99 of 212 requests"
                + " = the 3rd-largest"));
    }

    @Test
    void eightyRequestsResolveADoubling() {
        // a real 2-user run: p95 52 -> 96 ms over about 80 requests
        Finding f = finding(compareEndpoint(
                endpoint("GET /x").requests(80).percentile(50, 80).percentile(90, 92).p95(96).percentile(98, 99).max(110),
                endpoint("GET /x").requests(80).percentile(50, 42).percentile(90, 50).p95(52).percentile(98, 55).max(60)),
                Metric.P95);
        assertThat(f.severity()).as("resolved, but 4 requests above the p95 are too thin a tail for a critical")
                .isEqualTo(Severity.WARNING);
        assertThat(f.reasons()).anyMatch(r -> r.contains("a critical needs 5 on both sides (100 requests)"));
    }
}
