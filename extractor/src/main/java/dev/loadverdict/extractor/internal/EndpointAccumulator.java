package dev.loadverdict.extractor.internal;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.LatencyStats;
import org.HdrHistogram.AbstractHistogram;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything kept of one endpoint's raw samples: a latency histogram (µs, 3 significant digits), exact
 * count, failures, sum, min and max, failure kinds (at most {@value ReadLimits#MAX_FAILURE_KINDS}; the rest are counted
 * under {@value #OTHER_KINDS}), the time range and a time series. Memory does not grow with samples.
 */
final class EndpointAccumulator {

    static final String OTHER_KINDS = "(other failure kinds)";

    private final AbstractHistogram latency;
    private final TimeSeriesBuilder series;
    private final SortedMap<String, Long> kinds = new TreeMap<>();
    private long count;
    private long failures;
    private long sumMicros;
    private long minMicros = Long.MAX_VALUE;
    private long maxMicros = Long.MIN_VALUE;
    private long firstStartMs = Long.MAX_VALUE;
    private long lastEndMs = Long.MIN_VALUE;

    /**
     * An accumulator for totals: others are added into it, so its histogram is a plain array (adding is fast), and its
     * time series counts against nothing but its own interval limit.
     */
    EndpointAccumulator() {
        latency = Histograms.newLatencyHistogram();
        series = new TimeSeriesBuilder();
    }

    /**
     * An endpoint's accumulator, whose time series counts against {@code budget} (see {@link MemoryBudget}). A run may
     * have a thousand endpoints, so beyond the first few their histograms are packed (a few to a few tens of KB
     * instead of about 100 KB, recording a few times slower); the first ones, which most runs never go beyond, keep
     * the plain array.
     *
     * @param dense whether the histogram is a plain array rather than packed
     */
    EndpointAccumulator(MemoryBudget budget, boolean dense) {
        latency = dense ? Histograms.newLatencyHistogram() : Histograms.newPackedLatencyHistogram();
        series = new TimeSeriesBuilder(budget);
    }

    void add(long startMs, long elapsedMicros, boolean success, String failureKind) {
        long micros = Math.max(0, elapsedMicros);
        count++;
        latency.recordValue(micros);
        sumMicros = saturatedSum(sumMicros, micros);
        minMicros = Math.min(minMicros, micros);
        maxMicros = Math.max(maxMicros, micros);
        firstStartMs = Math.min(firstStartMs, startMs);
        lastEndMs = Math.max(lastEndMs, startMs + micros / 1000);
        if (!success) {
            failures++;
            String kind = failureKind == null || failureKind.isBlank() ? "(no message)"
                    : Names.bounded(failureKind, ReadLimits.MAX_FAILURE_KIND_NAME);
            Long existing = kinds.get(kind);
            if (existing != null) {
                kinds.put(kind, existing + 1);
            } else if (kinds.size() < ReadLimits.MAX_FAILURE_KINDS) {
                kinds.put(kind, 1L);
            } else {
                kinds.merge(OTHER_KINDS, 1L, Long::sum);
            }
        }
        series.add(startMs, micros, !success);
    }

    void addAll(EndpointAccumulator other) {
        addAll(other, false);
    }

    /** Adds {@code other}'s samples; {@code asRecorded}: its latencies as recording them would (see {@link Histograms}). */
    private void addAll(EndpointAccumulator other, boolean asRecorded) {
        count += other.count;
        failures += other.failures;
        if (asRecorded) {
            Histograms.addAsRecorded(latency, other.latency);
        } else {
            latency.add(other.latency);
        }
        sumMicros = saturatedSum(sumMicros, other.sumMicros);
        minMicros = Math.min(minMicros, other.minMicros);
        maxMicros = Math.max(maxMicros, other.maxMicros);
        firstStartMs = Math.min(firstStartMs, other.firstStartMs);
        lastEndMs = Math.max(lastEndMs, other.lastEndMs);
        other.kinds.forEach((k, v) -> kinds.merge(k, v, Long::sum));
        series.addAll(other.series);
    }

    /**
     * Adds {@code later}'s samples, when the failure kinds stay under their cap (which keeps the first kinds seen, so
     * past it the result depends on the order): false, and this accumulator left in no useful state, otherwise.
     */
    boolean absorb(EndpointAccumulator later) {
        if (kinds.containsKey(OTHER_KINDS) || later.kinds.containsKey(OTHER_KINDS)) {
            return false;
        }
        addAll(later, true);
        return kinds.size() <= ReadLimits.MAX_FAILURE_KINDS;
    }

    long count() {
        return count;
    }

    long firstStartMs() {
        return firstStartMs;
    }

    long lastEndMs() {
        return lastEndMs;
    }

    TimeSeriesBuilder series() {
        return series;
    }

    /** The endpoint's statistics; throughput is requests over {@code durationMs}, the whole run's duration. */
    EndpointStats toStats(EndpointId id, long durationMs) {
        OptionalDouble throughput = durationMs > 0 ? OptionalDouble.of(count * 1000.0 / durationMs) : OptionalDouble.empty();
        if (count == 0) {
            return new EndpointStats(id, 0, 0, kinds, throughput, LatencyStats.empty(), Optional.empty(), Optional.empty());
        }
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        for (double p : Histograms.REPORTED_PERCENTILES) {
            // a histogram bucket's highest equivalent value can exceed the true maximum: cap it
            percentiles.put(p, Histograms.millis(Math.min(latency.getValueAtPercentile(p), maxMicros)));
        }
        LatencyStats stats = new LatencyStats(count, OptionalDouble.of(Histograms.millis(minMicros)),
                OptionalDouble.of(Histograms.millis((double) sumMicros / count)),
                OptionalDouble.of(Histograms.millis(maxMicros)), percentiles);
        return new EndpointStats(id, count, failures, kinds, throughput, stats,
                Optional.of(Histograms.encode(latency)),
                series.isEmpty() ? Optional.empty() : Optional.of(series.build()));
    }

    /** a + b, or Long.MAX_VALUE beyond it: absurd latencies from a hostile file must not wrap into a negative mean. */
    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
