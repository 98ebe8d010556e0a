package dev.loadverdict.model;

import java.util.Objects;

/** Validation helpers for the compact constructors of this package. */
final class Preconditions {
    private Preconditions() {
    }

    static <T> T requireNonNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " == null");
    }

    static long requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0 but was " + value);
        }
        return value;
    }

    static double requireFiniteNonNegative(double value, String name) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0 but was " + value);
        }
        return value;
    }

    static String requireNonBlank(String value, String name) {
        requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        return value;
    }
}
