package dev.loadverdict.extractor.locust;

import dev.loadverdict.model.TimeSeries;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A time series built from Locust's counts over time (the history's cumulative totals, or the per-second
 * counts of {@code --json}) rather than from samples: each count is dated at one instant. Intervals start at
 * one second and double, aligned to multiples of their length since the epoch, so there are never more than
 * {@link TimeSeries#MAX_INTERVALS}. An interval's p95 is the last p95 Locust reported inside it.
 */
final class IntervalSeries {

    private long intervalMs = 1000;
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    /** The bucket {@link #add} added to last, and where it starts; null after the buckets were merged. */
    private Bucket last;
    private long lastStart;

    /**
     * Adds counts dated at {@code epochMs}.
     *
     * @param p95 Locust's own p95 at that instant, in ms, when it gave one
     */
    void add(long epochMs, long requests, long failures, OptionalDouble p95) {
        long start = Math.floorDiv(epochMs, intervalMs) * intervalMs;
        Bucket b;
        if (last != null && start == lastStart) {
            b = last; // the rows of one history line up second by second: mostly the interval of the row before
        } else {
            b = buckets.computeIfAbsent(start, k -> new Bucket());
            last = b;
            lastStart = start;
        }
        b.requests += requests;
        b.failures += failures;
        if (p95.isPresent() && epochMs >= b.p95At) {
            b.p95 = p95;
            b.p95At = epochMs;
        }
        while (buckets.size() > TimeSeries.MAX_INTERVALS) {
            coarsen();
        }
    }

    private void coarsen() {
        intervalMs *= 2;
        last = null;
        TreeMap<Long, Bucket> merged = new TreeMap<>();
        for (Map.Entry<Long, Bucket> e : buckets.entrySet()) {
            merged.merge(Math.floorDiv(e.getKey(), intervalMs) * intervalMs, e.getValue(), Bucket::addAll);
        }
        buckets.clear();
        buckets.putAll(merged);
    }

    Optional<TimeSeries> build() {
        if (buckets.isEmpty()) {
            return Optional.empty();
        }
        List<TimeSeries.Point> points = new ArrayList<>(buckets.size());
        buckets.forEach((start, b) -> points.add(new TimeSeries.Point(Instant.ofEpochMilli(start), b.requests,
                b.failures, b.p95)));
        return Optional.of(new TimeSeries(Duration.ofMillis(intervalMs), points));
    }

    private static final class Bucket {
        long requests;
        long failures;
        OptionalDouble p95 = OptionalDouble.empty();
        long p95At = Long.MIN_VALUE;

        Bucket addAll(Bucket later) {
            requests += later.requests;
            failures += later.failures;
            if (later.p95.isPresent() && later.p95At >= p95At) {
                p95 = later.p95;
                p95At = later.p95At;
            }
            return this;
        }
    }
}
