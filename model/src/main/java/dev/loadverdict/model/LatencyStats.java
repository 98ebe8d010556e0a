package dev.loadverdict.model;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Response-time statistics of an endpoint, in milliseconds.
 *
 * <p>{@code percentiles} maps a percentile in percent (e.g. {@code 95.0}, {@code 99.9}) to its value in ms
 * and holds only what the source reported or what was computed from raw samples: a Locust 0.x file
 * gives a median only, a k6 summary gives p90 and p95. Nothing is ever filled in from an average.
 *
 * @param count the number of timed requests (0 when unknown or none)
 * @param min the smallest response time, when known
 * @param mean the arithmetic mean, when known
 * @param max the largest response time, when known
 * @param percentiles percent (0 &lt; p &le; 100) to value in ms, sorted by percent
 */
public record LatencyStats(long count, OptionalDouble min, OptionalDouble mean, OptionalDouble max,
                           SortedMap<Double, Double> percentiles) {

    public LatencyStats {
        Preconditions.requireNonNegative(count, "count");
        Preconditions.requireNonNull(min, "min");
        Preconditions.requireNonNull(mean, "mean");
        Preconditions.requireNonNull(max, "max");
        Preconditions.requireNonNull(percentiles, "percentiles");
        min.ifPresent(v -> Preconditions.requireFiniteNonNegative(v, "min"));
        mean.ifPresent(v -> Preconditions.requireFiniteNonNegative(v, "mean"));
        max.ifPresent(v -> Preconditions.requireFiniteNonNegative(v, "max"));
        TreeMap<Double, Double> copy = new TreeMap<>();
        for (Map.Entry<Double, Double> e : percentiles.entrySet()) {
            double p = Preconditions.requireNonNull(e.getKey(), "percentile key");
            if (!(p > 0 && p <= 100)) {
                throw new IllegalArgumentException("percentile must be in (0, 100] but was " + p);
            }
            copy.put(p, Preconditions.requireFiniteNonNegative(
                    Preconditions.requireNonNull(e.getValue(), "percentile " + p), "percentile " + p));
        }
        percentiles = Collections.unmodifiableSortedMap(copy);
    }

    /** No timing information at all. */
    public static LatencyStats empty() {
        return new LatencyStats(0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                new TreeMap<>());
    }

    /** The value of the given percentile (in percent), only if the source reported exactly that one. */
    public OptionalDouble percentile(double percent) {
        Double v = percentiles.get(percent);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
