package dev.loadverdict.model.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The warning and critical blocks of one metric at one level of the configuration, as written. Each condition of a
 * block is inherited on its own (see {@link InheritedRules}): a block written at a lower level adds to or overrides
 * the inherited block's conditions key by key, and {@code off} drops one.
 *
 * @param warning the warning block, when written at this level
 * @param critical the critical block, when written at this level
 * @param source where this rule was written (e.g. {@code loadverdict.yml:12 services.api.metrics.p95}, or
 *     {@code built-in defaults})
 */
public record MetricRule(Optional<SeverityBlock> warning, Optional<SeverityBlock> critical, String source) {
    public MetricRule {
        Objects.requireNonNull(warning, "warning == null");
        Objects.requireNonNull(critical, "critical == null");
        Objects.requireNonNull(source, "source == null");
    }

    /** A rule whose blocks are whole {@link Conditions}, every condition written at {@code source}. */
    public static MetricRule of(Optional<Conditions> warning, Optional<Conditions> critical, String source) {
        return new MetricRule(warning.map(c -> SeverityBlock.of(c, source)),
                critical.map(c -> SeverityBlock.of(c, source)), source);
    }
}
