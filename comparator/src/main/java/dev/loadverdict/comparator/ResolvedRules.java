package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;

import java.util.Map;
import java.util.Optional;

/**
 * What the configuration says about one endpoint or service total.
 *
 * @param ignored whether it is left out of the comparison
 * @param rules the effective rule per metric; only metrics with at least one block
 */
record ResolvedRules(boolean ignored, Map<Metric, EffectiveRule> rules) {

    ResolvedRules {
        rules = Map.copyOf(rules);
    }

    Optional<EffectiveRule> rule(Metric metric) {
        return Optional.ofNullable(rules.get(metric));
    }
}
