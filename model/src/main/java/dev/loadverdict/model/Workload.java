package dev.loadverdict.model;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The load a run applied, as far as the source tells.
 *
 * @param model open (arrival rate driven) or closed (a fixed number of users looping), or unknown
 * @param users peak concurrent users / VUs, when known
 * @param arrivalRate arrivals per second of an open model, when known
 */
public record Workload(Model model, OptionalInt users, OptionalDouble arrivalRate) {

    public Workload {
        Preconditions.requireNonNull(model, "model");
        Preconditions.requireNonNull(users, "users");
        Preconditions.requireNonNull(arrivalRate, "arrivalRate");
        users.ifPresent(u -> Preconditions.requireNonNegative(u, "users"));
        arrivalRate.ifPresent(r -> Preconditions.requireFiniteNonNegative(r, "arrivalRate"));
    }

    public static Workload unknown() {
        return new Workload(Model.UNKNOWN, OptionalInt.empty(), OptionalDouble.empty());
    }

    /** How load is generated. */
    public enum Model {
        OPEN, CLOSED, UNKNOWN;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
