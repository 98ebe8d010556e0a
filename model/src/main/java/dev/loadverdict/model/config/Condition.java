package dev.loadverdict.model.config;

import java.util.Optional;
import java.util.OptionalDouble;

/** The keys of a severity block ({@code warning:} or {@code critical:}), each inherited on its own. */
public enum Condition {
    /** {@code relative}: a change in percent of the baseline, in the metric's bad direction. */
    RELATIVE("relative"),
    /** {@code delta}: an absolute change in the metric's unit, in its bad direction. */
    DELTA("delta"),
    /** {@code limit}: an absolute bound whose breach alone raises the severity. */
    LIMIT("limit"),
    /** {@code minRequests}: the fewest requests both runs need for the relative/delta conditions to apply. */
    MIN_REQUESTS("minRequests");

    private final String key;

    Condition(String key) {
        this.key = key;
    }

    /** The key in loadverdict.yml. */
    public String key() {
        return key;
    }

    public static Optional<Condition> fromKey(String key) {
        for (Condition c : values()) {
            if (c.key.equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** This condition's amount in {@code conditions} (minRequests as a whole number), when set. */
    OptionalDouble in(Conditions conditions) {
        return switch (this) {
            case RELATIVE -> conditions.relativePercent();
            case DELTA -> conditions.delta();
            case LIMIT -> conditions.limit();
            case MIN_REQUESTS -> conditions.minRequests().isPresent()
                    ? OptionalDouble.of(conditions.minRequests().getAsLong()) : OptionalDouble.empty();
        };
    }
}
