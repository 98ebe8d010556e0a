package dev.loadverdict.model.compare;

import dev.loadverdict.model.config.Conditions;

import java.util.Objects;
import java.util.Optional;

/**
 * The effective rule a finding was judged by, after inheritance, and where each block came from.
 *
 * @param warning the effective warning conditions, if any
 * @param warningSource where the warning block was written
 * @param critical the effective critical conditions, if any
 * @param criticalSource where the critical block was written
 */
public record AppliedRule(Optional<Conditions> warning, String warningSource,
                          Optional<Conditions> critical, String criticalSource) {
    public AppliedRule {
        Objects.requireNonNull(warning, "warning == null");
        Objects.requireNonNull(warningSource, "warningSource == null");
        Objects.requireNonNull(critical, "critical == null");
        Objects.requireNonNull(criticalSource, "criticalSource == null");
    }
}
