package dev.loadverdict.extractor.internal;

/**
 * The memory the time series of one run's endpoints may hold together, and the interval they have reached.
 * Series charge what their intervals cost; the owner checks {@link #exceeded()} after adding samples and then
 * coarsens every series sharing the budget to {@link #coarsened()}: a run with many endpoints gets longer
 * intervals, never more memory. A series holds at most {@link dev.loadverdict.model.TimeSeries#MAX_INTERVALS}
 * intervals either way.
 */
final class MemoryBudget {

    /**
     * The default, 64 MiB: 300 intervals of up to 32 requests each for over 500 endpoints, or 300 intervals with
     * histograms for 21 busy ones; more endpoints than that get longer intervals.
     */
    static final long DEFAULT_BYTES = 64L << 20;

    private final long limit;
    private long bytes;
    private long intervalMs = TimeSeriesBuilder.FIRST_INTERVAL_MS;

    MemoryBudget(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1 but was " + limit);
        }
        this.limit = limit;
    }

    void charge(long change) {
        bytes += change;
    }

    /** Whether the series sharing this budget hold more than it allows. */
    boolean exceeded() {
        return bytes > limit;
    }

    /** Doubles the shared interval: the owner coarsens every series to it. */
    long coarsened() {
        intervalMs *= 2;
        return intervalMs;
    }

    /** The interval new series start at. */
    long intervalMs() {
        return intervalMs;
    }

    long bytes() {
        return bytes;
    }
}
