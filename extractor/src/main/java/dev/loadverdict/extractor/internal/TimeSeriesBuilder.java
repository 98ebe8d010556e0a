package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.TimeSeries;
import org.HdrHistogram.IntCountsHistogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Builds a time series from samples in any order, in at most {@link TimeSeries#MAX_INTERVALS} intervals.
 * Intervals start at one second and double whenever there would be more; they are aligned to multiples
 * of their length since the epoch, so two series always re-bucket exactly into the coarser one's
 * intervals.
 *
 * <p>An interval keeps the latencies of its first {@value Bucket#RAW_LIMIT} requests as they are (its p95 is then
 * exact) and a 2-significant-digit histogram once it has more. A run with many endpoints has few requests per
 * interval and endpoint, so most of its intervals stay small; series that share a {@link MemoryBudget} are
 * coarsened together when all their intervals would need more memory than it allows.
 */
final class TimeSeriesBuilder {

    static final long FIRST_INTERVAL_MS = 1000;
    private static final int INTERVAL_DIGITS = 2;

    private long intervalMs;
    private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
    private final MemoryBudget budget;
    private long lastKey = Long.MIN_VALUE;
    private Bucket lastBucket;

    /** A series of its own, bounded only by {@link TimeSeries#MAX_INTERVALS}. */
    TimeSeriesBuilder() {
        this(null);
    }

    /** A series whose intervals count against {@code budget} (null: none), starting at the budget's interval. */
    TimeSeriesBuilder(MemoryBudget budget) {
        this.budget = budget;
        this.intervalMs = budget == null ? FIRST_INTERVAL_MS : budget.intervalMs();
    }

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
                charge(Bucket.RAW_BYTES);
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
        bucket.maxMicros = Math.max(bucket.maxMicros, elapsedMicros);
        if (bucket.record(elapsedMicros)) {
            charge(Bucket.HISTOGRAM_BYTES - Bucket.RAW_BYTES);
        }
    }

    long intervalMs() {
        return intervalMs;
    }

    /** Re-buckets into intervals of {@code newIntervalMs} (a power-of-two multiple of the current one). */
    void coarsen(long newIntervalMs) {
        if (newIntervalMs <= intervalMs) {
            return;
        }
        long before = bytes();
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
        charge(bytes() - before);
        while (buckets.size() > TimeSeries.MAX_INTERVALS) {
            coarsen(intervalMs * 2);
        }
    }

    /** Adds another series' intervals into this one (both coarsened to the larger interval first). */
    void addAll(TimeSeriesBuilder other) {
        long interval = Math.max(intervalMs, other.intervalMs);
        coarsen(interval);
        other.coarsen(interval);
        long before = bytes();
        for (Map.Entry<Long, Bucket> e : other.buckets.entrySet()) {
            buckets.merge(e.getKey(), e.getValue().copy(), Bucket::addAll);
        }
        lastKey = Long.MIN_VALUE;
        lastBucket = null;
        charge(bytes() - before);
        while (buckets.size() > TimeSeries.MAX_INTERVALS) {
            coarsen(intervalMs * 2);
        }
    }

    TimeSeries build() {
        List<TimeSeries.Point> points = new ArrayList<>(buckets.size());
        for (Map.Entry<Long, Bucket> e : buckets.entrySet()) {
            Bucket b = e.getValue();
            OptionalDouble p95 = b.requests == 0 ? OptionalDouble.empty() : OptionalDouble.of(Histograms.millis(b.p95()));
            points.add(new TimeSeries.Point(Instant.ofEpochMilli(e.getKey()), b.requests, b.failures, p95));
        }
        return new TimeSeries(Duration.ofMillis(intervalMs), points);
    }

    boolean isEmpty() {
        return buckets.isEmpty();
    }

    /** What this series' intervals are charged against a budget. */
    long bytes() {
        long sum = 0;
        for (Bucket b : buckets.values()) {
            sum += b.bytes();
        }
        return sum;
    }

    /**
     * The most this series can have been charged at any moment of the pass that built it, if its budget kept the
     * first interval: what it holds now when it still has the first interval (a series only grows as samples come),
     * else the most any series can hold (coarsening can make a series larger, by turning small intervals into one
     * with a histogram).
     */
    long bound() {
        return intervalMs == FIRST_INTERVAL_MS ? bytes() : (TimeSeries.MAX_INTERVALS + 1L) * Bucket.HISTOGRAM_BYTES;
    }

    private void charge(long bytes) {
        if (budget != null && bytes != 0) {
            budget.charge(bytes);
        }
    }

    /** One interval: counts, the largest latency, and the latencies as they are or, past a few, as a histogram. */
    private static final class Bucket {
        /** Latencies kept as they are, so small intervals cost little and their p95 is exact. */
        static final int RAW_LIMIT = 32;
        /** A bucket with raw latencies, charged for the most it can hold: object, map entry and array. */
        static final long RAW_BYTES = 96 + 16 + 8L * RAW_LIMIT;
        /** A bucket with a histogram: 2 digits, int counts, µs up to minutes (about 5–10 KB). */
        static final long HISTOGRAM_BYTES = 10_240;

        long requests;
        long failures;
        long maxMicros;
        private long[] raw = new long[4];
        private int rawCount;
        private IntCountsHistogram latency;

        long bytes() {
            return latency == null ? RAW_BYTES : HISTOGRAM_BYTES;
        }

        /** Records one latency; true when the bucket switched to a histogram. */
        boolean record(long micros) {
            if (latency != null) {
                latency.recordValue(micros);
                return false;
            }
            if (rawCount < RAW_LIMIT) {
                if (rawCount == raw.length) {
                    raw = Arrays.copyOf(raw, Math.min(RAW_LIMIT, raw.length * 2));
                }
                raw[rawCount++] = micros;
                return false;
            }
            toHistogram();
            latency.recordValue(micros);
            return true;
        }

        private void toHistogram() {
            latency = new IntCountsHistogram(INTERVAL_DIGITS);
            latency.setAutoResize(true);
            for (int i = 0; i < rawCount; i++) {
                latency.recordValue(raw[i]);
            }
            raw = null;
            rawCount = 0;
        }

        /** The p95: exact from raw latencies, else the histogram's, never above the largest latency. */
        long p95() {
            if (latency != null) {
                // a bucket's highest equivalent value can lie above the largest sample: never report more than that
                return Math.min(latency.getValueAtPercentile(95), maxMicros);
            }
            long[] sorted = Arrays.copyOf(raw, rawCount);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(0.95 * rawCount); // nearest rank, as the histogram's percentiles
            return sorted[Math.max(1, rank) - 1];
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
            if (other.latency == null) {
                for (int i = 0; i < other.rawCount; i++) {
                    record(other.raw[i]);
                }
            } else {
                if (latency == null) {
                    toHistogram();
                }
                latency.add(other.latency);
            }
            return this;
        }
    }
}
