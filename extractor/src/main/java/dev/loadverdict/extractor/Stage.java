package dev.loadverdict.extractor;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named part of a run ({@code --stages ramp=0s..60s,steady=60s..360s,stress=360s..}): its samples become a
 * run of their own, carrying the stage name, so each phase of a load profile is compared with the same phase
 * of the baseline.
 *
 * @param name the stage's name: letters, digits, {@code _ . -}
 * @param window the stage's part of the run, measured from the run's start
 */
public record Stage(String name, RelativeWindow window) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public Stage {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(window, "window == null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a stage name is letters, digits, '_', '.' or '-' (at most 64), not '"
                    + name + "'");
        }
    }

    /** The stage from {@code from} (inclusive) to {@code to} (exclusive; empty = the run's end). */
    public static Stage of(String name, Duration from, Optional<Duration> to) {
        return new Stage(name, new RelativeWindow(Duration.ZERO, Duration.ZERO, Optional.of(from), to));
    }
}
