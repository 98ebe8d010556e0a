package dev.loadverdict.comparator;

import dev.loadverdict.model.EncodedHistogram;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.compare.Significance;
import dev.loadverdict.model.config.RuleSet;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static dev.loadverdict.comparator.Fixtures.config;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.finding;
import static dev.loadverdict.comparator.Fixtures.run;
import static dev.loadverdict.comparator.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Significance as loadverdict applies it: no alarm the data cannot support, every real regression kept. */
class StatisticsTest {

    private static final double ALPHA = 0.05;

    private static Comparison compare(Run current, Run baseline) {
        return Fixtures.compareWithTests(current, baseline, config(RuleSet.empty()));
    }

    private static Finding errorRate(long requestsB, long failuresB, long requestsC, long failuresC) {
        Comparison c = compare(run(service("api").endpoint(endpoint("GET /x").requests(requestsC).failures(failuresC))),
                run(service("api").endpoint(endpoint("GET /x").requests(requestsB).failures(failuresB))));
        return finding(c, Metric.ERROR_RATE);
    }

    @Test
    void oneFailureIn300ThenFifteenIn1500IsNotCritical() {
        // +0.67 pp breaks the critical delta (0.5 pp), but Fisher's one-sided p is about 0.23
        Finding f = errorRate(300, 1, 1500, 15);
        assertThat(f.significance().pValue().getAsDouble()).isGreaterThan(ALPHA);
        assertThat(f.severity()).isEqualTo(Severity.NONE);
        assertThat(f.outcome()).isEqualTo(Outcome.WITHIN_NOISE);
        assertThat(f.significance().test()).startsWith("Fisher exact test");
        assertThat(f.reasons()).anySatisfy(r -> assertThat(r).startsWith("critical: not more than noise, p = 0.2"));
    }

    @Test
    void noFailureIn150ThenOneIn300IsNotCritical() {
        Finding f = errorRate(150, 0, 300, 1);
        assertThat(f.severity()).isEqualTo(Severity.NONE);
        assertThat(f.significance().pValue().getAsDouble()).isGreaterThan(ALPHA);
    }

    @Test
    void aClearJumpInErrorsIsCritical() {
        Finding f = errorRate(700, 18, 700, 55);      // 2.5% -> 7.9%
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.significance().pValue().getAsDouble()).isLessThan(1e-5);
        assertThat(f.significance().test()).startsWith("two-proportion z-test");
    }

    /**
     * An unchanged server measured 1.75% and 3.96% errors on one endpoint of ~700 requests (one-sided p ≈ 0.008)
     * among several endpoints: with the tests of the whole comparison adjusted together, that is not critical.
     */
    @Test
    void holmKeepsAnAaFluctuationAmongManyTestsBelowCritical() {
        Fixtures.ServiceBuilder current = service("api");
        Fixtures.ServiceBuilder baseline = service("api");
        current.endpoint(endpoint("GET /flaky").requests(707).failures(28));
        baseline.endpoint(endpoint("GET /flaky").requests(686).failures(12));
        for (int i = 0; i < 9; i++) {
            current.endpoint(endpoint("GET /e" + i).requests(700).failures(20).throughput(11.6));
            baseline.endpoint(endpoint("GET /e" + i).requests(700).failures(20).throughput(11.7));
        }
        Comparison c = compare(run(current), run(baseline));
        Finding flaky = Fixtures.finding(c, "api", "GET /flaky", Metric.ERROR_RATE);
        assertThat(flaky.severity()).isNotEqualTo(Severity.CRITICAL);
        assertThat(flaky.significance().note()).contains("after Holm's adjustment over 19 endpoint tests");
        assertThat(flaky.significance().pValue().getAsDouble()).isGreaterThan(0.01);
    }

    @Test
    void aSlowerEndpointIsCriticalWithATinyPValueWhileItsUnchangedNeighbourPasses() {
        EncodedHistogram fastA = histogram(1, 2000, 50_000, 1.0);
        EncodedHistogram fastB = histogram(2, 2000, 50_000, 1.0);
        EncodedHistogram slowA = histogram(3, 2000, 80_000, 1.0);
        EncodedHistogram slowB = histogram(4, 2000, 80_000, 1.6);   // 60% slower
        Run baseline = run(service("api")
                .endpoint(endpoint("GET /same").requests(2000).histogram(fastA).p95(p95(fastA)).mean(mean(fastA)))
                .endpoint(endpoint("GET /slow").requests(2000).histogram(slowA).p95(p95(slowA)).mean(mean(slowA))));
        Run current = run(service("api")
                .endpoint(endpoint("GET /same").requests(2000).histogram(fastB).p95(p95(fastB)).mean(mean(fastB)))
                .endpoint(endpoint("GET /slow").requests(2000).histogram(slowB).p95(p95(slowB)).mean(mean(slowB))));
        Comparison c = compare(current, baseline);
        Finding slow = Fixtures.finding(c, "api", "GET /slow", Metric.P95);
        assertThat(slow.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(slow.significance().pValue().getAsDouble()).isLessThan(0.001);
        assertThat(slow.significance().test()).startsWith("quantile test");
        assertThat(c.findings()).filteredOn(f -> f.endpoint().orElse("").equals("GET /same"))
                .allMatch(f -> f.severity() == Severity.NONE);
    }

    @Test
    void twoSamplesOfOneDistributionAreNotSignificantlyDifferent() {
        Histogram a = decode(histogram(10, 5000, 100_000, 1.0));
        Histogram b = decode(histogram(11, 5000, 100_000, 1.0));
        assertThat(OneSidedTesting.stochasticallyLarger(a, b).pValue()).isGreaterThan(ALPHA);
        assertThat(OneSidedTesting.percentileHigher(a, b, 95).pValue()).isGreaterThan(ALPHA);
    }

    @Test
    void aTailThatGrewIsSeenByThePercentileTestThoughTheBulkDidNotMove() {
        Histogram base = decode(histogram(20, 4000, 50_000, 1.0));
        Histogram current = decode(histogram(21, 3800, 50_000, 1.0));
        current.recordValueWithCount(2_000_000, 200);   // 5% of requests now hit a 2 s timeout
        double tail = OneSidedTesting.percentileHigher(base, current, 99).pValue();
        assertThat(tail).isLessThan(1e-6);
        assertThat(OneSidedTesting.stochasticallyLarger(base, current).pValue()).isGreaterThan(1000 * tail);
    }

    @Test
    void mannWhitneyAgreesWithAHandComputedCaseWithTies() {
        // baseline {1,2,2}, current {2,3}: ranks 1, 3,3,3, 5 -> R(current) = 3 + 5 = 8, U = 8 - 3 = 5, mean 3,
        // tie-corrected variance = 3*2/12 * (6 - (27-3)/(5*4)) = 0.5 * 4.8 = 2.4, z = (5 - 3 - 0.5)/sqrt(2.4)
        Histogram b = new Histogram(3);
        b.recordValue(1000);
        b.recordValueWithCount(2000, 2);
        Histogram c = new Histogram(3);
        c.recordValue(2000);
        c.recordValue(3000);
        double z = 1.5 / Math.sqrt(2.4);
        double expected = 1 - org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).cumulativeProbability(z);
        assertThat(OneSidedTesting.stochasticallyLarger(b, c).pValue()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void holmAdjustsHandComputedValues() {
        // sorted 0.01, 0.02, 0.03, 0.04 with m = 4: 0.04, max(0.04, 0.06), max(0.06, 0.06), max(0.06, 0.04)
        assertThat(StatisticalAssessor.holm(new double[] {0.03, 0.01, 0.04, 0.02}))
                .containsExactly(new double[] {0.06, 0.04, 0.06, 0.06}, within(1e-12));
        assertThat(StatisticalAssessor.holm(new double[] {0.5, 0.9})).containsExactly(1.0, 1.0);
    }

    @Test
    void aThroughputDropIsTestedAsARate() {
        Comparison c = compare(run(service("api").endpoint(endpoint("GET /x").requests(6000).throughput(50))),
                run(service("api").endpoint(endpoint("GET /x").requests(12000).throughput(100))));
        Finding f = finding(c, Metric.THROUGHPUT);
        assertThat(f.significance().test()).startsWith("conditional binomial test");
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void requireSignificanceCapsUntestableCriticalsAtWarning() {
        // a mean without histograms cannot be tested
        dev.loadverdict.model.config.LoadverdictConfig meanRule = config(Fixtures.rules(Metric.MEAN,
                Fixtures.critical(Fixtures.relative(25), "loadverdict.yml defaults.metrics.mean")));
        Run baseline = run(service("api").endpoint(endpoint("GET /x").mean(100)));
        Run current = run(service("api").endpoint(endpoint("GET /x").mean(300)));
        Comparison plain = RegressionDetector.compare(current, Fixtures.ref(baseline), baseline, meanRule);
        Comparison strict = RegressionDetector.compare(current, Fixtures.ref(baseline), baseline, meanRule,
                new RegressionDetector.Options(true));
        assertThat(finding(plain, Metric.MEAN).severity()).isEqualTo(Severity.CRITICAL);
        Finding capped = finding(strict, Metric.MEAN);
        assertThat(capped.severity()).isEqualTo(Severity.WARNING);
        assertThat(capped.significance().status()).isEqualTo(Significance.Status.NOT_TESTABLE);
        assertThat(capped.reasons()).contains("critical: capped at warning, since significance is not testable (--require-significance)");
    }

    @Test
    void aValueInsideTheHistorysNoiseBandIsNoiseWhateverTheTestSays() {
        Run baseline = run(service("api").endpoint(endpoint("GET /x").requests(700).failures(18)));
        Run current = run(service("api").endpoint(endpoint("GET /x").requests(700).failures(55)));   // 2.5% -> 7.9%
        java.util.Optional<String> none = java.util.Optional.empty();
        dev.loadverdict.model.compare.NoiseBands wide = new dev.loadverdict.model.compare.NoiseBands.Builder()
                .put(none, "api", java.util.Optional.of("GET /x"), Metric.ERROR_RATE,
                        new dev.loadverdict.model.compare.NoiseBands.Band(5.0, 3.0, 8)).build(8);
        Comparison c = RegressionDetector.compare(current, Fixtures.ref(baseline), baseline, config(RuleSet.empty()),
                new RegressionDetector.Options(false, wide));
        Finding f = finding(c, Metric.ERROR_RATE);
        assertThat(f.severity()).isEqualTo(Severity.NONE);
        assertThat(f.outcome()).isEqualTo(Outcome.WITHIN_NOISE);
        assertThat(f.reasons()).contains("noise band of 8 recorded runs: 5.0 ± 3.0 %, current value inside ✓");

        dev.loadverdict.model.compare.NoiseBands narrow = new dev.loadverdict.model.compare.NoiseBands.Builder()
                .put(none, "api", java.util.Optional.of("GET /x"), Metric.ERROR_RATE,
                        new dev.loadverdict.model.compare.NoiseBands.Band(2.5, 0.5, 8)).build(8);
        Finding outside = finding(RegressionDetector.compare(current, Fixtures.ref(baseline), baseline,
                config(RuleSet.empty()), new RegressionDetector.Options(false, narrow)), Metric.ERROR_RATE);
        assertThat(outside.severity()).isEqualTo(Severity.CRITICAL);
    }

    static LongStream unitIntervalSeeds() {
        return new Random(20261205).longs(200);
    }

    /** Requests 1 to 5000 and failures 0 to 5000 (capped at the requests) on each side, from {@code new Random(seed)}. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("unitIntervalSeeds")
    void pValuesLieInTheUnitInterval(long seed) {
        Random random = new Random(seed);
        int nB = between(random, 1, 5000);
        int fB = between(random, 0, 5000);
        int nC = between(random, 1, 5000);
        int fC = between(random, 0, 5000);
        double p = OneSidedTesting.proportionHigher(Math.min(fB, nB), nB, Math.min(fC, nC), nC, "x").pValue();
        assertThat(p).as("seed %d: %d of %d, then %d of %d", seed, fB, nB, fC, nC).isBetween(0.0, 1.0);
    }

    /** An int in [min, max], one of the two ends one time in five. */
    private static int between(Random random, int min, int max) {
        return switch (random.nextInt(10)) {
            case 0 -> min;
            case 1 -> max;
            default -> min + random.nextInt(max - min + 1);
        };
    }

    static IntStream sampleSizes() {
        return IntStream.rangeClosed(50, 400);
    }

    /** Every n from 50 to 400 (the property drew 30 of them at random). */
    @ParameterizedTest(name = "n = {0}")
    @MethodSource("sampleSizes")
    void pValuesShrinkAsTheSampleGrowsForAFixedShift(int n) {
        // the same 2% -> 4% shift, measured on n and on 4n requests
        double small = OneSidedTesting.proportionHigher(n / 50, n, n / 25, n, "x").pValue();
        double large = OneSidedTesting.proportionHigher(4 * (n / 50), 4 * n, 4 * (n / 25), 4 * n, "x").pValue();
        assertThat(large).as("n = %d", n).isLessThanOrEqualTo(small);
    }

    /** A seeded log-normal-ish latency sample, µs. */
    static EncodedHistogram histogram(long seed, int n, long medianMicros, double factor) {
        Random random = new Random(seed);
        Histogram h = new Histogram(3);
        for (int i = 0; i < n; i++) {
            h.recordValue(Math.max(1, Math.round(medianMicros * factor * Math.exp(0.4 * random.nextGaussian()))));
        }
        return encode(h);
    }

    /** A histogram in the run model's encoding (HdrHistogram V2, compressed). */
    static EncodedHistogram encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return new EncodedHistogram(bytes);
    }

    static Histogram decode(EncodedHistogram e) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(e.compressedV2()), 0);
        } catch (java.util.zip.DataFormatException ex) {
            throw new AssertionError(ex);
        }
    }

    private static double p95(EncodedHistogram e) {
        return decode(e).getValueAtPercentile(95) / 1000.0;
    }

    private static double mean(EncodedHistogram e) {
        return decode(e).getMean() / 1000.0;
    }
}
