package dev.loadverdict.model.scaling;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Where successful throughput stops growing with load (the saturation knee), as {@code ScalingAnalyzer} defines it (see
 * docs/statistics.md, "Capacity curves").
 *
 * @param state whether and where a knee was found
 * @param load the knee's level for {@link State#FOUND} and {@link State#AT_LOWEST}, else empty
 */
public record Knee(State state, OptionalDouble load) {

    /** Whether a knee was found. */
    public enum State {
        /** Throughput stops growing after {@code load}, a level above the lowest. */
        FOUND,
        /** Already saturated at the lowest level: adding load past it added (almost) nothing. */
        AT_LOWEST,
        /** Throughput still grows at the highest level measured: the knee, if any, lies beyond it. */
        NOT_REACHED,
        /** A level lacks a throughput, so no knee can be placed. */
        UNKNOWN
    }

    public Knee {
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(load, "load == null");
        boolean placed = state == State.FOUND || state == State.AT_LOWEST;
        if (placed != load.isPresent()) {
            throw new IllegalArgumentException("a knee " + state + " " + (placed ? "needs" : "has no") + " load");
        }
    }

    public static Knee at(double load, boolean lowest) {
        return new Knee(lowest ? State.AT_LOWEST : State.FOUND, OptionalDouble.of(load));
    }

    public static Knee notReached() {
        return new Knee(State.NOT_REACHED, OptionalDouble.empty());
    }

    public static Knee unknown() {
        return new Knee(State.UNKNOWN, OptionalDouble.empty());
    }
}
