package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.config.Conditions;
import dev.loadverdict.model.config.MetricRule;
import dev.loadverdict.model.config.RuleSet;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Folds the levels of the configuration, top first, into one effective rule per metric. A block set at a
 * lower level replaces the inherited block of the same severity only; minRequests comes from the lowest
 * level that sets it unless a block sets its own.
 */
final class RuleMerger {

    private RuleMerger() {
    }

    /** Only metrics that end up with at least one block are in the result. */
    static Map<Metric, EffectiveRule> merge(List<RuleSet> levels) {
        long minRequests = 0;
        for (RuleSet level : levels) {
            if (level.minRequests().isPresent()) {
                minRequests = level.minRequests().getAsLong();
            }
        }
        Map<Metric, EffectiveRule> rules = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            Optional<EffectiveBlock> warning =
                    block(levels, metric, Severity.WARNING, MetricRule::warning, minRequests);
            Optional<EffectiveBlock> critical =
                    block(levels, metric, Severity.CRITICAL, MetricRule::critical, minRequests);
            if (warning.isPresent() || critical.isPresent()) {
                rules.put(metric, new EffectiveRule(warning, critical, minRequests));
            }
        }
        return Collections.unmodifiableMap(rules);
    }

    private static Optional<EffectiveBlock> block(List<RuleSet> levels, Metric metric, Severity severity,
                                                  Function<MetricRule, Optional<Conditions>> which,
                                                  long levelMinRequests) {
        MetricRule winner = null;
        for (RuleSet level : levels) {
            MetricRule rule = level.metrics().get(metric);
            if (rule != null && which.apply(rule).isPresent()) {
                winner = rule;
            }
        }
        if (winner == null) {
            return Optional.empty();
        }
        Conditions conditions = which.apply(winner).orElseThrow();
        long minRequests = conditions.minRequests().orElse(levelMinRequests);
        return Optional.of(new EffectiveBlock(severity, conditions, winner.source(), minRequests));
    }
}
