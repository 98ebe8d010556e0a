package dev.loadverdict.extractor.internal;

/**
 * The part of a run to keep: samples that started at or after {@code fromMs} and before {@code toMs}
 * (epoch milliseconds). It is empty when both are equal (a stage that lies outside the window kept).
 *
 * @param fromMs the first instant kept
 * @param toMs the first instant no longer kept
 */
public record TimeWindow(long fromMs, long toMs) {

    public TimeWindow {
        if (toMs < fromMs) {
            throw new IllegalArgumentException("a time window that ends before it starts: " + fromMs + ".." + toMs);
        }
    }

    public static TimeWindow all() {
        return new TimeWindow(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public boolean contains(long epochMs) {
        return epochMs >= fromMs && epochMs < toMs;
    }
}
