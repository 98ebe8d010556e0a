package dev.loadverdict.model;

/** Which way a metric gets better. */
public enum Direction {
    /** Smaller values are better (latency, error rate). */
    LOWER_IS_BETTER,
    /** Larger values are better (throughput). */
    HIGHER_IS_BETTER;

    /**
     * The change from {@code baseline} to {@code current} expressed as an amount in the bad direction:
     * positive when the metric got worse, negative when it improved.
     */
    public double badAmount(double baseline, double current) {
        return this == LOWER_IS_BETTER ? current - baseline : baseline - current;
    }
}
