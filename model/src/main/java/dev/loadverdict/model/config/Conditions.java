package dev.loadverdict.model.config;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The conditions of one severity (warning or critical) for one metric.
 *
 * <p>{@code relativePercent} and {@code delta} are positive amounts <em>in the metric's bad direction</em>
 * (for throughput, a drop). {@code delta} is in the metric's unit: ms for latency, percentage points for
 * the error rate, req/s for throughput. A finding reaches the severity when every one of
 * relative/delta/minRequests that is set holds (at least one of relative and delta must be set for that),
 * or — on its own — when {@code limit}, an absolute bound in the metric's unit, is breached.
 *
 * @param relativePercent the relative change in percent that must be exceeded
 * @param delta the absolute change that must be exceeded
 * @param limit an absolute SLO bound whose breach alone raises the severity
 * @param minRequests the fewest requests both runs need for the relative/delta conditions to apply
 */
public record Conditions(OptionalDouble relativePercent, OptionalDouble delta, OptionalDouble limit,
                         OptionalLong minRequests) {

    public Conditions {
        check(relativePercent, "relative");
        check(delta, "delta");
        check(limit, "limit");
        if (minRequests == null) {
            throw new NullPointerException("minRequests == null");
        }
        minRequests.ifPresent(m -> {
            if (m < 0) {
                throw new IllegalArgumentException("minRequests must be >= 0 but was " + m);
            }
        });
        if (relativePercent.isEmpty() && delta.isEmpty() && limit.isEmpty()) {
            throw new IllegalArgumentException("a severity block needs at least one of relative, delta or limit");
        }
    }

    private static void check(OptionalDouble value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " == null");
        }
        value.ifPresent(v -> {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException(name + " must be a finite amount >= 0 but was " + v);
            }
        });
    }

    /** Whether relative or delta conditions are present (the comparison with the baseline applies). */
    public boolean comparesWithBaseline() {
        return relativePercent.isPresent() || delta.isPresent();
    }
}
