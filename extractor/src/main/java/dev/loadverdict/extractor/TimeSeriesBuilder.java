package dev.loadverdict.extractor;

import dev.loadverdict.model.TimeSeries;
import org.HdrHistogram.IntCountsHistogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Builds a time series from samples in any order, in at most {@link TimeSeries#MAX_INTERVALS} intervals.
 * Intervals start at one second and double whenever there would be more; they are aligned to multiples
 * of their length since the epoch, so two series always re-bucket exactly into the coarser one's
 * intervals. Each interval keeps a 2-significant-digit histogram for its p95.
 */
final class TimeSeriesBuilder {

    static final long FIRST_INTERVAL_MS = 1000;
    private static final int INTERVAL_DIGITS = 2;

    private long intervalMs = FIRST_INTERVAL_MS;
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    private long lastKey = Long.MIN_VALUE;
    private Bucket lastBucket;

    void add(long timestampMs, long elapsedMicros, boolean failed) {
        long key = Math.floorDiv(timestampMs, intervalMs) * intervalMs;
        Bucket bucket;
        if (key == lastKey) {
            bucket = lastBucket;
        } else {
            bucket = buckets.get(key);
            if (bucket == null) {
                bucket = new Bucket();
                buckets.put(key, bucket);
                if (buckets.size() > TimeSeries.MAX_INTERVALS) {
                    coarsen(intervalMs * 2);
                    add(timestampMs, elapsedMicros, failed);
                    return;
                }
            }
            lastKey = key;
            lastBucket = bucket;
        }
        bucket.requests++;
        if (failed) {
            bucket.failures++;
        }
        bucket.latency.recordValue(elapsedMicros);
        bucket.maxMicros = Math.max(bucket.maxMicros, elapsedMicros);
    }

    long intervalMs() {
        return intervalMs;
    }

    /** Re-buckets into intervals of {@code newIntervalMs} (a power-of-two multiple of the current one). */
    void coarsen(long newIntervalMs) {
        if (newIntervalMs <= intervalMs) {
            return;
        }
        TreeMap<Long, Bucket> merged = new TreeMap<>();
        for (Map.Entry<Long, Bucket> e : buckets.entrySet()) {
            long key = Math.floorDiv(e.getKey(), newIntervalMs) * newIntervalMs;
            merged.merge(key, e.getValue(), Bucket::addAll);
        }
        buckets.clear();
        buckets.putAll(merged);
        intervalMs = newIntervalMs;
        lastKey = Long.MIN_VALUE;
        lastBucket = null;
        while (buckets.size() > TimeSeries.MAX_INTERVALS) {
            coarsen(intervalMs * 2);
        }
    }

    /** Adds another series' intervals into this one (both coarsened to the larger interval first). */
    void addAll(TimeSeriesBuilder other) {
        long interval = Math.max(intervalMs, other.intervalMs);
        coarsen(interval);
        other.coarsen(interval);
        for (Map.Entry<Long, Bucket> e : other.buckets.entrySet()) {
            buckets.merge(e.getKey(), e.getValue().copy(), Bucket::addAll);
        }
        lastKey = Long.MIN_VALUE;
        lastBucket = null;
        while (buckets.size() > TimeSeries.MAX_INTERVALS) {
            coarsen(intervalMs * 2);
        }
    }

    TimeSeries build() {
        List<TimeSeries.Point> points = new ArrayList<>(buckets.size());
        for (Map.Entry<Long, Bucket> e : buckets.entrySet()) {
            Bucket b = e.getValue();
            // a bucket's highest equivalent value can lie above the largest sample: never report more than that
            OptionalDouble p95 = b.latency.getTotalCount() == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(Histograms.millis(Math.min(b.latency.getValueAtPercentile(95), b.maxMicros)));
            points.add(new TimeSeries.Point(Instant.ofEpochMilli(e.getKey()), b.requests, b.failures, p95));
        }
        return new TimeSeries(Duration.ofMillis(intervalMs), points);
    }

    boolean isEmpty() {
        return buckets.isEmpty();
    }

    private static final class Bucket {
        long requests;
        long failures;
        long maxMicros;
        final IntCountsHistogram latency;

        Bucket() {
            latency = new IntCountsHistogram(INTERVAL_DIGITS);
            latency.setAutoResize(true);
        }

        Bucket copy() {
            Bucket b = new Bucket();
            b.addAll(this);
            return b;
        }

        Bucket addAll(Bucket other) {
            requests += other.requests;
            failures += other.failures;
            maxMicros = Math.max(maxMicros, other.maxMicros);
            latency.add(other.latency);
            return this;
        }
    }
}
