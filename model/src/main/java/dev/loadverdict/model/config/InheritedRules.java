package dev.loadverdict.model.config;

import dev.loadverdict.model.Metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the levels of the configuration say about one endpoint or service total once inherited: the one place where
 * levels are merged.
 *
 * <p>Levels are given top first (built-in rules, {@code defaults}, the service, the endpoint pattern). Per metric and
 * severity, each condition ({@code relative}, {@code delta}, {@code limit}, the block's {@code minRequests}) is
 * inherited on its own: a lower level that writes it overrides it, {@code off} drops it, and the conditions it does
 * not write are kept. So an endpoint's {@code critical: { limit: 300ms }} adds an SLO to the inherited relative and
 * delta conditions instead of replacing them. A block left with none of relative, delta and limit does not exist.
 * A level's own {@code minRequests} comes from the lowest level that sets one; {@code ignore} at any level ignores.
 *
 * @param ignored whether a level ignores the endpoint
 * @param minRequests the level {@code minRequests} of the lowest level that sets one, with where it was written
 * @param rules per metric, its blocks after inheritance; only metrics with at least one block
 */
public record InheritedRules(boolean ignored, Optional<Setting> minRequests, Map<Metric, Rule> rules) {

    public InheritedRules {
        Objects.requireNonNull(minRequests, "minRequests == null");
        EnumMap<Metric, Rule> copy = new EnumMap<>(Metric.class);
        copy.putAll(Objects.requireNonNull(rules, "rules == null"));
        rules = Collections.unmodifiableMap(copy);
    }

    /**
     * One metric's blocks after inheritance, at least one present; {@code off} settings are left out.
     *
     * @param warning the warning block
     * @param critical the critical block
     */
    public record Rule(Optional<Block> warning, Optional<Block> critical) {
        public Rule {
            Objects.requireNonNull(warning, "warning == null");
            Objects.requireNonNull(critical, "critical == null");
            if (warning.isEmpty() && critical.isEmpty()) {
                throw new IllegalArgumentException("an inherited rule needs a warning or a critical block");
            }
        }
    }

    /**
     * One severity block after inheritance.
     *
     * @param settings the conditions that hold, each with where it was written
     * @param conditions the same as amounts
     * @param source the metric rules its conditions came from, the lowest level first, joined by {@code " + "}
     *     (one source when a single level wrote them all)
     */
    public record Block(Map<Condition, Setting> settings, Conditions conditions, String source) {
        public Block {
            settings = Collections.unmodifiableMap(new EnumMap<>(Objects.requireNonNull(settings, "settings == null")));
            Objects.requireNonNull(conditions, "conditions == null");
            Objects.requireNonNull(source, "source == null");
        }
    }

    /** Merges {@code levels}, top first. */
    public static InheritedRules of(List<RuleSet> levels) {
        boolean ignored = false;
        Optional<Setting> minRequests = Optional.empty();
        for (RuleSet level : levels) {
            ignored |= level.ignore();
            if (level.minRequests().isPresent()) {
                minRequests = Optional.of(Setting.of(level.minRequests().getAsLong(), level.minRequestsSource(),
                        level.minRequestsSource()));
            }
        }
        Map<Metric, Rule> rules = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            Optional<Block> warning = block(levels, metric, MetricRule::warning);
            Optional<Block> critical = block(levels, metric, MetricRule::critical);
            if (warning.isPresent() || critical.isPresent()) {
                rules.put(metric, new Rule(warning, critical));
            }
        }
        return new InheritedRules(ignored, minRequests, rules);
    }

    private static Optional<Block> block(List<RuleSet> levels, Metric metric,
                                         Function<MetricRule, Optional<SeverityBlock>> severity) {
        SeverityBlock merged = new SeverityBlock(Map.of());
        List<String> written = new ArrayList<>();
        for (RuleSet level : levels) {
            MetricRule rule = level.metrics().get(metric);
            Optional<SeverityBlock> block = rule == null ? Optional.empty() : severity.apply(rule);
            if (block.isPresent()) {
                merged = block.get().over(merged);
                written.add(rule.source());
            }
        }
        Optional<Conditions> conditions = merged.conditions();
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        Map<Condition, Setting> effective = merged.effective();
        Set<String> contributing = new LinkedHashSet<>();
        for (int i = written.size() - 1; i >= 0; i--) {
            String source = written.get(i);
            if (effective.values().stream().anyMatch(s -> s.rule().equals(source))) {
                contributing.add(source);
            }
        }
        return Optional.of(new Block(effective, conditions.get(), String.join(" + ", contributing)));
    }
}
