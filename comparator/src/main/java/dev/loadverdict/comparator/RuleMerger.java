package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.config.InheritedRules;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns the configuration's inherited rules ({@link InheritedRules}, where the levels are merged) into the effective
 * rules the comparison applies: each block's minRequests is its own, else that of the lowest level that sets one.
 */
final class RuleMerger {

    private RuleMerger() {
    }

    /** Only metrics that end up with at least one block are in the result. */
    static Map<Metric, EffectiveRule> effective(InheritedRules inherited) {
        long minRequests = inherited.minRequests().map(s -> (long) s.amount().orElse(0)).orElse(0L);
        Map<Metric, EffectiveRule> rules = new EnumMap<>(Metric.class);
        inherited.rules().forEach((metric, rule) -> rules.put(metric, new EffectiveRule(
                rule.warning().map(b -> block(Severity.WARNING, b, minRequests)),
                rule.critical().map(b -> block(Severity.CRITICAL, b, minRequests)), minRequests)));
        return Collections.unmodifiableMap(rules);
    }

    private static EffectiveBlock block(Severity severity, InheritedRules.Block block, long levelMinRequests) {
        long minRequests = block.conditions().minRequests().orElse(levelMinRequests);
        return new EffectiveBlock(severity, block.conditions(), block.source(), minRequests);
    }
}
