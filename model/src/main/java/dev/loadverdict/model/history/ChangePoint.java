package dev.loadverdict.model.history;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A step in one metric's history, found by E-divisive means: the values from {@code at} on differ in distribution
 * from those before it, by more than the permutation test puts down to chance and by at least the minimum shift.
 *
 * @param lastBefore the last run before the step that has the value
 * @param at the first run after the step; the step happened between the two (they are adjacent unless runs between
 *           them lack the value)
 * @param before the median of the values from the previous change point (or the start) up to {@code lastBefore}
 * @param after the median from {@code at} up to the next change point (or the newest run)
 * @param pValue the permutation test's p-value when the point was found
 * @param status confirmed, or pending while fewer than the required runs follow it
 * @param runsAfter how many runs with the value follow the step, {@code at} included
 */
public record ChangePoint(RunRef lastBefore, RunRef at, double before, double after, double pValue, Status status,
                          int runsAfter) {

    public ChangePoint {
        Objects.requireNonNull(lastBefore, "lastBefore == null");
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(status, "status == null");
        if (!Double.isFinite(before) || !Double.isFinite(after)) {
            throw new IllegalArgumentException("before and after must be finite, not " + before + " and " + after);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1], not " + pValue);
        }
        if (runsAfter < 1) {
            throw new IllegalArgumentException("runsAfter must be at least 1, not " + runsAfter);
        }
    }

    /** Whether more runs must follow before the step counts. */
    public enum Status {
        /** Enough runs followed it. */
        CONFIRMED,
        /** Within the newest runs: shown, awaiting more runs to confirm it. */
        PENDING;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code after - before}. */
    public double change() {
        return after - before;
    }

    /** The change in percent of {@code before}; empty when {@code before} is 0. */
    public OptionalDouble relativePercent() {
        return before == 0 ? OptionalDouble.empty() : OptionalDouble.of((after - before) / Math.abs(before) * 100);
    }
}
