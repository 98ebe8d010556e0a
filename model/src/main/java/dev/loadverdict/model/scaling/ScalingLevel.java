package dev.loadverdict.model.scaling;

import java.util.Objects;

/**
 * One load level of a capacity curve and where it was read from.
 *
 * @param load the level: users, or arrivals per second (finite, above 0)
 * @param source what the level was read from, as the user named it: a file, {@code FILE, stage NAME} or
 *               {@code FILE at 20 users}; untrusted text
 */
public record ScalingLevel(double load, String source) {
    public ScalingLevel {
        if (!(load > 0) || !Double.isFinite(load)) {
            throw new IllegalArgumentException("a load level is finite and above 0, not " + load);
        }
        Objects.requireNonNull(source, "source == null");
    }
}
