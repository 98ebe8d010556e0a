package dev.loadverdict.comparator;

import dev.loadverdict.model.EncodedHistogram;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.SourcePrecision;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.statistics.distribution.BinomialDistribution;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.DataFormatException;

/**
 * How well a percentile of n requests is known. The q-quantile of the population lies between the order statistics
 * X(l) and X(u) of a sample of n with probability at least 95%, where l and u are the 2.5% and 97.5% points of the
 * number of samples below the quantile, a Binomial(n, q) count: a distribution-free interval, for any latency
 * distribution, that shrinks as n grows and that no threshold can make narrower. The p99 of 212 requests is the
 * 3rd-largest sample, and its interval reaches the largest sample: nothing above it is bounded, so no slowdown of
 * that p99 can be told from chance. Bounding it above takes 368 requests ({@link #requestsToBound}).
 *
 * <p>With raw samples (a histogram) X(l) and X(u) are read off exactly (to the histogram's 3 significant digits).
 * With a table of percentiles only (Locust's stats CSV, a k6 summary, JMeter's statistics.json, Gatling's
 * stats.json) the value at rank r lies between the tabulated percentiles whose ranks enclose r (the minimum and the
 * maximum close the table), widened by half a rounding step where the source rounds; a table that is not monotonic,
 * or that holds the percentile alone, gives no interval (its resolution is not known).
 */
final class PercentileResolution {

    /** The confidence of the intervals. */
    static final double CONFIDENCE = 0.95;

    /**
     * A 95% interval for a population percentile.
     *
     * @param low a lower bound, in ms (0 when unbounded below)
     * @param high an upper bound, in ms ({@link Double#POSITIVE_INFINITY} when the sample cannot bound it)
     * @param exact whether it was read off raw samples rather than bounded from a table
     */
    record Interval(double low, double high, boolean exact) {
        boolean boundedAbove() {
            return Double.isFinite(high);
        }

        String text() {
            return "[" + Numbers.measured(low) + ", " + (boundedAbove() ? Numbers.measured(high) : "∞") + "] ms";
        }
    }

    /**
     * The ranks (1-based) of the order statistics that enclose the q-quantile with 95% confidence: {@code lower} 0
     * when nothing bounds it below, {@code upper} n + 1 when nothing bounds it above.
     */
    record Ranks(long lower, long upper) {
    }

    private PercentileResolution() {
    }

    static Ranks ranks(long n, double percent) {
        if (n < 1) {
            return new Ranks(0, 1);
        }
        int trials = (int) Math.min(Integer.MAX_VALUE, n);
        BinomialDistribution below = BinomialDistribution.of(trials, percent / 100);
        double tail = (1 - CONFIDENCE) / 2;
        // P(X(l) <= quantile) = P(B >= l) >= 97.5%  and  P(X(u) >= quantile) = P(B <= u - 1) >= 97.5%
        long lower = below.inverseCumulativeProbability(tail);
        long upper = below.inverseCumulativeProbability(1 - tail) + 1L;
        return new Ranks(Math.max(0, Math.min(lower, n)), Math.min(upper, n + 1));
    }

    /** The fewest requests whose percentile has an upper bound: q^n ≤ 2.5%, e.g. 368 for p99, 72 for p95. */
    static long requestsToBound(double percent) {
        double q = percent / 100;
        return q >= 1 ? Long.MAX_VALUE : (long) Math.ceil(Math.log((1 - CONFIDENCE) / 2) / Math.log(q));
    }

    /** Samples above the percentile: n·(1 − q), the tail it rests on. */
    static double tailSamples(long n, double percent) {
        return n * (1 - percent / 100);
    }

    /** {@code p99 of 212 requests = the 3rd-largest}: which sample a percentile is, counted from the top. */
    static String which(long n, double percent, String key) {
        long rank = Math.max(1, (long) Math.ceil(n * percent / 100 - 1e-9));
        long fromTop = n - rank + 1;
        return key + " of " + Numbers.count(n) + (n == 1 ? " request" : " requests") + " = "
                + (fromTop <= 1 ? "the largest" : "the " + ordinal(fromTop) + "-largest");
    }

    /**
     * The interval of one run's percentile, when its data allows one.
     *
     * @param percent the percentile, e.g. 99
     * @param precision how the source rounded response times
     */
    static Optional<Interval> of(EndpointStats e, double percent, SourcePrecision precision) {
        long n = e.latency().count() > 0 ? e.latency().count() : e.requests();
        if (n < 1) {
            return Optional.empty();
        }
        Ranks r = ranks(n, percent);
        Optional<Histogram> h = e.histogram().flatMap(PercentileResolution::decode).filter(x -> x.getTotalCount() > 0);
        if (h.isPresent()) {
            Histogram histogram = h.get();
            long total = histogram.getTotalCount();
            Ranks exact = ranks(total, percent);
            double low = exact.lower() < 1 ? 0 : valueAtRank(histogram, exact.lower()) / 1000.0;
            double high = exact.upper() > total ? Double.POSITIVE_INFINITY : valueAtRank(histogram, exact.upper()) / 1000.0;
            return Optional.of(new Interval(low, high, true));
        }
        return fromTable(e, n, r, precision);
    }

    private static Optional<Interval> fromTable(EndpointStats e, long n, Ranks r, SourcePrecision precision) {
        SortedMap<Double, Double> table = new TreeMap<>(e.latency().percentiles());
        e.latency().max().ifPresent(max -> table.putIfAbsent(100.0, max)); // a rounded p100 stays: the max is not rounded
        if (table.size() < 2 && e.latency().min().isEmpty() || !monotonic(table, precision)) {
            return Optional.empty(); // a lone percentile bounds nothing but itself; an inconsistent table bounds nothing
        }
        double low = e.latency().min().orElse(0);
        double high = Double.POSITIVE_INFINITY;
        for (Map.Entry<Double, Double> point : table.entrySet()) {
            long rank = (long) Math.ceil(n * point.getKey() / 100 - 1e-9);
            if (r.lower() >= 1 && rank <= r.lower()) {
                low = Math.max(low, point.getValue());
            }
            if (r.upper() <= n && rank >= r.upper() && !Double.isFinite(high)) {
                high = point.getValue();
            }
        }
        if (r.lower() < 1) {
            low = 0;
        }
        low = Math.max(0, low - precision.quantisationStep(low) / 2);
        if (Double.isFinite(high)) {
            high = high + precision.quantisationStep(high) / 2;
        }
        return Optional.of(new Interval(low, high, false));
    }

    /** Whether the table rises with the percentile, allowing a fall within one rounding step (rounded values). */
    static boolean monotonic(SortedMap<Double, Double> table, SourcePrecision precision) {
        double previous = -1;
        for (double v : table.values()) {
            if (!Double.isFinite(v) || v < previous - (previous < 0 ? 0 : precision.quantisationStep(previous))) {
                return false;
            }
            previous = Math.max(previous, v);
        }
        return true;
    }

    /** The value (µs) of the r-th smallest sample. */
    private static long valueAtRank(Histogram h, long rank) {
        long seen = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            seen += v.getCountAtValueIteratedTo();
            if (seen >= rank) {
                return h.highestEquivalentValue(v.getValueIteratedTo());
            }
        }
        return h.getMaxValue();
    }

    private static Optional<Histogram> decode(EncodedHistogram encoded) {
        try {
            return Optional.of(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded.compressedV2()), 0));
        } catch (DataFormatException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String ordinal(long k) {
        long mod100 = k % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch ((int) (k % 10)) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return Numbers.count(k) + suffix;
    }
}
