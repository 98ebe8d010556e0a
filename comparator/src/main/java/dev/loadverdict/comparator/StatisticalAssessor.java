package dev.loadverdict.comparator;

import dev.loadverdict.model.EncodedHistogram;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.Significance;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.zip.DataFormatException;

/**
 * Tests whether each change is more than noise, one-sided in the metric's bad direction, then adjusts all p-values
 * of the comparison together (Holm–Bonferroni), so that a comparison of 40 endpoints × 5 metrics does not raise
 * alarms by chance alone. Which test:
 * <ul>
 *   <li>error rate: failures out of requests — Fisher's exact test when expected counts are small, else the
 *       two-proportion z-test (counts exist even in aggregate-only sources);</li>
 *   <li>a percentile: with histograms on both sides, the quantile test at that percentile; else, from the percentile
 *       tables, the share of requests above the baseline's value, bounded conservatively ({@link TabulatedShare});</li>
 *   <li>mean: with histograms on both sides, Mann-Whitney U;</li>
 *   <li>throughput: the conditional binomial test of two request rates over the runs' durations;</li>
 *   <li>max, a mean without histograms on both sides, and a percentile with no table to bound it: not testable;
 *       thresholds alone decide.</li>
 * </ul>
 * The tests treat requests as independent. Requests of one run are not (a slow minute slows many), so p-values
 * are optimistic; with large samples nearly every difference is significant. The relative/delta floors and the
 * history's noise band are what keep loadverdict quiet; significance only stops alarms the data cannot support.
 */
final class StatisticalAssessor implements SignificanceAssessor {

    private final double alpha;

    /** @param alpha the warning level: at or below it, an adjusted p-value is reported as significant */
    StatisticalAssessor(double alpha) {
        this.alpha = alpha;
    }

    /**
     * Two families, each adjusted on its own: the endpoints' tests, and the service totals' tests. A total repeats
     * the evidence of its endpoints (its requests are theirs), so counting totals in the endpoints' family would make
     * every endpoint's test stricter for no new information, and the other way round.
     */
    @Override
    public List<Significance> assess(List<MetricComparison> comparisons) {
        List<Optional<OneSidedTesting.Result>> raw = comparisons.stream().map(StatisticalAssessor::test).toList();
        Significance[] out = new Significance[comparisons.size()];
        for (boolean totals : new boolean[] {false, true}) {
            List<Integer> family = new ArrayList<>();
            for (int i = 0; i < comparisons.size(); i++) {
                if (comparisons.get(i).isTotal() == totals) {
                    if (raw.get(i).isPresent()) {
                        family.add(i);
                    } else {
                        out[i] = Significance.notTestable(whyNot(comparisons.get(i)));
                    }
                }
            }
            double[] adjusted = holm(family.stream().mapToDouble(i -> raw.get(i).orElseThrow().pValue()).toArray());
            String of = family.size() + " " + (totals ? "service-total" : "endpoint") + (family.size() == 1 ? " test" : " tests");
            for (int k = 0; k < family.size(); k++) {
                OneSidedTesting.Result r = raw.get(family.get(k)).orElseThrow();
                double adj = adjusted[k];
                String note = "p = " + Numbers.pValue(r.pValue()) + " before, " + Numbers.pValue(adj)
                        + " after Holm's adjustment over " + of;
                out[family.get(k)] = new Significance(adj <= alpha ? Significance.Status.SIGNIFICANT
                        : Significance.Status.NOT_SIGNIFICANT, OptionalDouble.of(adj), r.name(), note);
            }
        }
        return List.of(out);
    }

    /** The raw test of one comparison, when the data allows one. */
    static Optional<OneSidedTesting.Result> test(MetricComparison c) {
        EndpointStats b = c.baseline();
        EndpointStats cur = c.current();
        Metric metric = c.metric();
        if (b.requests() == 0 || cur.requests() == 0) {
            return Optional.empty();
        }
        return switch (metric) {
            case ERROR_RATE -> Optional.of(OneSidedTesting.proportionHigher(b.failures(), b.requests(), cur.failures(), cur.requests(),
                    "failures per request"));
            case THROUGHPUT -> seconds(b).flatMap(sb -> seconds(cur)
                    .filter(sc -> sc / (sb + sc) > 0 && sc / (sb + sc) < 1) // durations of wildly different scale: no test
                    .map(sc -> OneSidedTesting.rateLower(b.requests(), sb, cur.requests(), sc)));
            case MAX -> Optional.empty();
            case MEAN -> histograms(b, cur).map(h -> OneSidedTesting.stochasticallyLarger(h[0], h[1]));
            case P95 -> histograms(b, cur).map(h -> withBootstrap(c, OneSidedTesting.percentileHigher(h[0], h[1], 95)))
                    .or(() -> TabulatedShare.test(c, 95));
            default -> histograms(b, cur).map(h -> OneSidedTesting.percentileHigher(h[0], h[1], metric.percent().orElseThrow()))
                    .or(() -> TabulatedShare.test(c, metric.percent().orElseThrow()));
        };
    }

    /**
     * For p95, where both runs keep a time series: also the block bootstrap over time intervals, which sees
     * within-run correlation that the quantile test (requests as independent) cannot; the larger p-value counts.
     */
    private static OneSidedTesting.Result withBootstrap(MetricComparison c, OneSidedTesting.Result quantile) {
        if (c.baseline().timeSeries().isEmpty() || c.current().timeSeries().isEmpty()) {
            return quantile;
        }
        long seed = (c.stage().orElse("") + "\u0000" + c.service() + "\u0000"
                + c.endpoint().map(e -> e.key()).orElse("")).hashCode();
        return BlockBootstrap.p95Difference(c.baseline().timeSeries().get(), c.current().timeSeries().get(), seed, 0.05)
                .map(r -> new OneSidedTesting.Result(Math.max(quantile.pValue(), r.pValue()), quantile.name()
                        + "; and a block bootstrap of the runs' interval p95s (" + BlockBootstrap.REPLICATES
                        + " seeded replicates: " + Numbers.signed(r.observed()) + " ms, 95% lower bound "
                        + Numbers.signed(r.lowerBound()) + " ms, p = " + Numbers.pValue(r.pValue()) + "); the larger p counts"))
                .orElse(quantile);
    }

    private static String whyNot(MetricComparison c) {
        if (c.baseline().requests() == 0 || c.current().requests() == 0) {
            return "no requests on one side: significance not testable";
        }
        return switch (c.metric()) {
            case MAX -> "a maximum is a single request: significance not testable, thresholds alone decide";
            case THROUGHPUT -> "no duration for the request rates: significance not testable, thresholds alone decide";
            case MEAN -> "aggregates only (no histogram on both sides): significance not testable, thresholds alone decide";
            default -> "aggregates only, and no percentile table that bounds the share above the baseline's value:"
                    + " significance not testable, thresholds alone decide";
        };
    }

    /** The time behind an endpoint's requests: requests ÷ throughput. */
    private static Optional<Double> seconds(EndpointStats e) {
        OptionalDouble rps = e.throughput();
        if (rps.isEmpty() || !(rps.getAsDouble() > 0)) {
            return Optional.empty();
        }
        double seconds = e.requests() / rps.getAsDouble();
        return Double.isFinite(seconds) && seconds > 0 ? Optional.of(seconds) : Optional.empty();
    }

    private static Optional<Histogram[]> histograms(EndpointStats b, EndpointStats c) {
        if (b.histogram().isEmpty() || c.histogram().isEmpty()) {
            return Optional.empty();
        }
        Optional<Histogram> hb = decode(b.histogram().get());
        Optional<Histogram> hc = decode(c.histogram().get());
        if (hb.isEmpty() || hc.isEmpty() || hb.get().getTotalCount() == 0 || hc.get().getTotalCount() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Histogram[] {hb.get(), hc.get()});
    }

    private static Optional<Histogram> decode(EncodedHistogram encoded) {
        try {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded.compressedV2()), 0);
            h.setAutoResize(true);
            return Optional.of(h);
        } catch (DataFormatException | RuntimeException e) {
            return Optional.empty(); // a damaged histogram makes the change untestable, not the comparison impossible
        }
    }

    /**
     * Holm's step-down adjustment: the i-th smallest of m p-values becomes max over j ≤ i of min(1, (m − j + 1) p(j)).
     * Rejecting where the adjusted value is at most alpha controls the family-wise error at alpha.
     */
    static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
