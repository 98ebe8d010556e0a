package dev.loadverdict.model.scaling;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One curve at one level both curves measured: successful throughput and p95, baseline and current.
 *
 * @param load the shared level
 * @param baselineThroughput successful req/s of the baseline curve ({@link ScalingPoint#okThroughput()}), when known
 * @param currentThroughput successful req/s of the current curve, when known
 * @param baselineP95 ms, when known
 * @param currentP95 ms, when known
 * @param throughputDropped whether throughput fell by more than the comparison's threshold
 */
public record LevelChange(double load, OptionalDouble baselineThroughput, OptionalDouble currentThroughput,
                          OptionalDouble baselineP95, OptionalDouble currentP95, boolean throughputDropped) {
    public LevelChange {
        Objects.requireNonNull(baselineThroughput, "baselineThroughput == null");
        Objects.requireNonNull(currentThroughput, "currentThroughput == null");
        Objects.requireNonNull(baselineP95, "baselineP95 == null");
        Objects.requireNonNull(currentP95, "currentP95 == null");
    }

    /** Current throughput relative to the baseline's, in percent ({@code -25.0} for a quarter less); empty at 0. */
    public OptionalDouble throughputChangePercent() {
        return relative(baselineThroughput, currentThroughput);
    }

    /** Current p95 relative to the baseline's, in percent; empty when either is missing or the baseline is 0. */
    public OptionalDouble p95ChangePercent() {
        return relative(baselineP95, currentP95);
    }

    private static OptionalDouble relative(OptionalDouble base, OptionalDouble cur) {
        return base.isPresent() && cur.isPresent() && base.getAsDouble() > 0
                ? OptionalDouble.of(100 * (cur.getAsDouble() - base.getAsDouble()) / base.getAsDouble())
                : OptionalDouble.empty();
    }
}
