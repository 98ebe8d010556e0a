package dev.loadverdict.model.scaling;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code loadverdict scaling} reports: the curves of the runs, and their comparison with baseline curves when a
 * baseline was given.
 *
 * @param current the curves of the runs
 * @param comparison the comparison with the baseline's curves, when given
 */
public record ScalingReport(ScalingAnalysis current, Optional<ScalingComparison> comparison) {
    public ScalingReport {
        Objects.requireNonNull(current, "current == null");
        Objects.requireNonNull(comparison, "comparison == null");
        comparison.ifPresent(c -> {
            if (c.baseline().kind() != current.kind()) {
                throw new IllegalArgumentException("a curve of " + current.kind().unit()
                        + " cannot be compared with one of " + c.baseline().kind().unit());
            }
        });
    }
}
