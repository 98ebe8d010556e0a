package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.SampleAggregator;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.OptionalInt;

/**
 * Joins the samples k6 writes for one HTTP request into one loadverdict sample, in bounded memory.
 *
 * <p>k6 writes the samples of a request (its "trail") consecutively with the same time (the request's end)
 * and the same tags: {@code http_reqs}, {@code http_req_duration}, the phase timings and, from k6 0.31 when a
 * response callback is set (the default), {@code http_req_failed} last (k6's {@code Trail.SaveSamples} and
 * its JSON and CSV outputs, which write each sample container whole; checked on every corpus file). So a
 * duration waits here, keyed by (time, tags), until the {@code http_req_failed} of the same key arrives.
 *
 * <p>The wait is bounded: at most {@value #WINDOW} durations wait at once, the oldest leaving first, and the
 * rest leave at the end. A duration that leaves without its {@code http_req_failed} (k6 &lt; 0.31, a disabled
 * response callback, or a reordering writer) is judged from its tags ({@link RequestTags#failedByTags()}).
 * A second duration with a waiting key pushes the first one out the same way. An {@code http_req_failed}
 * without a waiting duration is counted and reported, not guessed at. Pairing two requests with equal time
 * and tags the wrong way round cannot change a result: their tags, status included, are equal.
 *
 * <p>The time of a sample is the request's end, so a request's start is its time minus its duration.
 */
final class RequestJoin {

    static final int WINDOW = 1024;

    private final SampleAggregator aggregator;
    private final LinkedHashMap<Pending, Pending> pending = new LinkedHashMap<>();
    private final Pending probe = new Pending(0, null, 0);
    private long orphanFailures;
    private long judgedByStatus;
    private double maxVus = -1;
    private boolean sawFailed;
    /** Whether durations waited at the end of the last part merged into this join (null: none merged yet). */
    private Boolean waitingAtEnd;

    RequestJoin(SampleAggregator aggregator) {
        this.aggregator = aggregator;
    }

    /** An {@code http_req_duration} sample: the request ended at {@code endNanos} and took {@code micros}. */
    void duration(long endNanos, RequestTags tags, long micros) {
        Pending p = new Pending(endNanos, tags, micros);
        Pending earlier = pending.remove(p);
        if (earlier != null) {
            recordByTags(earlier);
        }
        pending.put(p, p);
        if (pending.size() > WINDOW) {
            Iterator<Pending> eldest = pending.keySet().iterator();
            Pending out = eldest.next();
            eldest.remove();
            recordByTags(out);
        }
    }

    /** An {@code http_req_failed} sample. */
    void failed(long endNanos, RequestTags tags, boolean failed) {
        sawFailed = true;
        probe.endNanos = endNanos;
        probe.tags = tags;
        Pending p = pending.remove(probe);
        probe.tags = null;
        if (p == null) {
            orphanFailures++;
            return;
        }
        record(p, failed);
    }

    /** A {@code vus} sample. */
    void vus(double value) {
        maxVus = Math.max(maxVus, value);
    }

    /** Records every waiting duration; call once, after the last sample. */
    SampleAggregator.Aggregate finish() {
        flush();
        return aggregator.finish();
    }

    /** Records every waiting duration by its tags. */
    private void flush() {
        for (Pending p : pending.keySet()) {
            recordByTags(p);
        }
        pending.clear();
    }

    /**
     * Adds what {@code later} joined from the samples after this one's (the next part of a file split for reading),
     * both flushed: false when the result might differ from one join's. That is when durations waited at the end of a
     * part before {@code later} and {@code later} holds an {@code http_req_failed} sample that might pair with one of
     * them (which waiting durations leave early for want of room changes nothing: one that leaves unpaired is judged
     * by its tags, as is one that a later duration of the same key pushes out), or when the aggregates cannot merge
     * exactly (see {@link SampleAggregator#absorb}).
     */
    boolean absorb(RequestJoin later) {
        boolean waitedBefore = waitingAtEnd != null ? waitingAtEnd : !pending.isEmpty();
        if (waitedBefore && later.sawFailed) {
            return false;
        }
        // durations that waited before a part without http_req_failed samples still wait after it
        waitingAtEnd = waitedBefore || !later.pending.isEmpty();
        flush();
        later.flush();
        orphanFailures += later.orphanFailures;
        judgedByStatus += later.judgedByStatus;
        maxVus = Math.max(maxVus, later.maxVus);
        sawFailed |= later.sawFailed;
        return aggregator.absorb(later.aggregator);
    }

    /** The most VUs active at once, when the file has {@code vus} samples. */
    OptionalInt maxVus() {
        return maxVus < 0 ? OptionalInt.empty() : OptionalInt.of((int) Math.min(Integer.MAX_VALUE, Math.round(maxVus)));
    }

    /** Tells the user, among the file's warnings, what the join could not pair or had to guess. */
    void report(Diagnostics diagnostics) {
        if (orphanFailures > 0) {
            diagnostics.warn(orphanFailures + " http_req_failed samples had no http_req_duration sample with "
                    + "the same time and tags just before them; they were ignored");
        }
        if (judgedByStatus > 0) {
            diagnostics.warn(judgedByStatus + " requests carry neither http_req_failed nor expected_response "
                    + "(k6 < 0.31, or the response callback was disabled): they were judged failed when their status "
                    + "was >= 400 or 0");
        }
    }

    private void recordByTags(Pending p) {
        if (!p.tags.hasExpectedResponse()) {
            judgedByStatus++;
        }
        record(p, p.tags.failedByTags());
    }

    private void record(Pending p, boolean failed) {
        long startMs = Math.floorDiv(Math.floorDiv(p.endNanos, 1000L) - p.micros, 1000L);
        aggregator.add(p.tags.labels(), startMs, p.micros, !failed, failed ? p.tags.failureKind() : null);
    }

    /** A duration waiting for its {@code http_req_failed}; equal by (end time, tags). */
    private static final class Pending {
        long endNanos;
        RequestTags tags;
        final long micros;

        Pending(long endNanos, RequestTags tags, long micros) {
            this.endNanos = endNanos;
            this.tags = tags;
            this.micros = micros;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pending other && other.endNanos == endNanos && other.tags.equals(tags);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(endNanos) * 31 + tags.hashCode();
        }
    }
}
