package dev.loadverdict.comparator;

import dev.loadverdict.model.EncodedHistogram;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.SourcePrecision;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.DataFormatException;

/**
 * Significance of a percentile's rise when a side has no raw samples, only a table of percentiles and a count
 * (Locust's stats CSV, a k6 summary, JMeter's statistics.json, Gatling's stats.json): is the share of requests above
 * the baseline's value v (its p_q) larger in the current run?
 *
 * <ul>
 *   <li>Baseline: at most n − ⌊n·q⌋ requests lie above its own p_q (one sample more than the definition of a sample
 *       percentile allows, for tools that interpolate).</li>
 *   <li>Current run, from its table: every request ranked above ⌈n·q_j⌉ is at least its tabulated p_{q_j}, so at
 *       least n − ⌈n·q_j⌉ requests lie above v, for the smallest tabulated q_j whose value exceeds v by more than
 *       the two sources' rounding. With raw samples on a side, its count above v is exact.</li>
 * </ul>
 * Each bound is taken in the direction that makes a change harder to find (the baseline's share as large and the
 * current's as small as the data allows), so the one-sided test of the two shares ({@link OneSidedTesting#proportionHigher})
 * gives a p-value that is, if anything, too large: a table can make loadverdict miss a small change, never invent
 * one. A table that is missing, not monotonic, or holds no value above v gives no test.
 */
final class TabulatedShare {

    private TabulatedShare() {
    }

    /** The test of a percentile comparison, when the two sides' data allow it. */
    static Optional<OneSidedTesting.Result> test(MetricComparison c, double percent) {
        long nb = count(c.baseline());
        long nc = count(c.current());
        Optional<Double> v = Optional.ofNullable(c.baseline().latency().percentiles().get(percent));
        if (nb < 1 || nc < 1 || v.isEmpty()) {
            return Optional.empty();
        }
        double value = v.get();
        double margin = (c.baselinePrecision().quantisationStep(value) + c.currentPrecision().quantisationStep(value)) / 2;
        Optional<Histogram> hb = c.baseline().histogram().flatMap(TabulatedShare::decode);
        Optional<Histogram> hc = c.current().histogram().flatMap(TabulatedShare::decode);
        long above = nb - (long) Math.floor(nb * percent / 100);
        long baselineAbove = hb.map(h -> countAbove(h, value)).orElse(above);
        Optional<Long> currentAbove = hc.isPresent() ? Optional.of(countAbove(hc.get(), value + margin))
                : atLeastAbove(c.current(), nc, value + margin, c.currentPrecision());
        if (currentAbove.isEmpty()) {
            return Optional.empty();
        }
        long kc = Math.min(nc, currentAbove.get());
        long kb = Math.min(nb, baselineAbove);
        OneSidedTesting.Result r = OneSidedTesting.proportionHigher(kb, nb, kc, nc, "the share of requests above the baseline's p"
                + Numbers.configured(percent) + " (" + Numbers.measured(value) + " ms): at most " + Numbers.count(kb)
                + " of " + Numbers.count(nb) + " before, at least " + Numbers.count(kc) + " of " + Numbers.count(nc) + " now"
                + (hb.isPresent() && hc.isPresent() ? "" : ", bounded from the percentile table"));
        return Optional.of(r);
    }

    private static long count(EndpointStats e) {
        return e.latency().count() > 0 ? e.latency().count() : e.requests();
    }

    /** Requests certainly above {@code value}: those ranked above the first tabulated percentile beyond it. */
    private static Optional<Long> atLeastAbove(EndpointStats e, long n, double value, SourcePrecision precision) {
        SortedMap<Double, Double> table = new TreeMap<>(e.latency().percentiles());
        e.latency().max().ifPresent(max -> table.putIfAbsent(100.0, max)); // a rounded p100 stays: the max is not rounded
        if (!PercentileResolution.monotonic(table, precision)) {
            return Optional.empty(); // not monotonic: no honest bound
        }
        for (Map.Entry<Double, Double> point : table.entrySet()) {
            double lowestTrue = point.getValue() - precision.quantisationStep(point.getValue()) / 2;
            if (lowestTrue > value) {
                long rank = (long) Math.ceil(n * point.getKey() / 100 - 1e-9);
                return Optional.of(Math.max(0, n - rank));
            }
        }
        return Optional.of(0L);
    }

    private static long countAbove(Histogram h, double ms) {
        long micros = (long) Math.floor(ms * 1000);
        return h.getTotalCount() - h.getCountBetweenValues(0, h.highestEquivalentValue(micros));
    }

    private static Optional<Histogram> decode(EncodedHistogram encoded) {
        try {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded.compressedV2()), 0);
            return h.getTotalCount() > 0 ? Optional.of(h) : Optional.empty();
        } catch (DataFormatException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
