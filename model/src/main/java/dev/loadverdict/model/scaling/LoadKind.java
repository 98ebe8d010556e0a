package dev.loadverdict.model.scaling;

import java.util.Locale;

/** What a load level counts: concurrent users (a closed model) or arrivals per second (an open model). */
public enum LoadKind {
    /** Concurrent users or virtual users. */
    USERS("users"),
    /** Arrivals (iterations or sessions started) per second. */
    ARRIVAL_RATE("arrivals/s");

    private final String unit;

    LoadKind(String unit) {
        this.unit = unit;
    }

    /** The key in JSON: {@code users} or {@code arrival_rate}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The unit a level is written in: {@code users} or {@code arrivals/s}. */
    public String unit() {
        return unit;
    }
}
