package dev.loadverdict.model.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The warning and critical conditions of one metric at one level of the configuration. A block set at a
 * lower level (service, endpoint) replaces the inherited block of the same severity; the other severity
 * is still inherited.
 *
 * @param warning the warning block, when set at this level
 * @param critical the critical block, when set at this level
 * @param source where this rule was written (e.g. {@code loadverdict.yml: services.api.metrics.p95}, or
 *     {@code built-in defaults})
 */
public record MetricRule(Optional<Conditions> warning, Optional<Conditions> critical, String source) {
    public MetricRule {
        Objects.requireNonNull(warning, "warning == null");
        Objects.requireNonNull(critical, "critical == null");
        Objects.requireNonNull(source, "source == null");
    }
}
