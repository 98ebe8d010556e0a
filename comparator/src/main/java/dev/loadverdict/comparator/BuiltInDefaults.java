package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.config.Conditions;
import dev.loadverdict.model.config.MetricRule;
import dev.loadverdict.model.config.RuleSet;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The rules loadverdict applies when no configuration says otherwise: the top layer of every rule resolution,
 * under the configuration's {@code defaults}, and all there is when there is no {@code loadverdict.yml}.
 *
 * <table>
 *   <caption>Built-in thresholds (amounts in the metric's bad direction)</caption>
 *   <tr><th>metric</th><th>warning</th><th>critical</th></tr>
 *   <tr><td>p95</td><td>relative 10% and delta 5 ms</td><td>relative 25% and delta 20 ms</td></tr>
 *   <tr><td>p99</td><td>relative 15% and delta 10 ms</td><td>relative 40% and delta 30 ms</td></tr>
 *   <tr><td>error_rate</td><td>delta 0.2 percentage points</td><td>delta 0.5 percentage points</td></tr>
 *   <tr><td>throughput</td><td>a drop of 10%</td><td>a drop of 30%</td></tr>
 * </table>
 *
 * <p>No minimum of requests is built in: a change is judged by what its samples resolve (significance; for a
 * percentile's critical, {@link PercentileGate}), not hidden below a fixed count. {@code minRequests} stays a
 * user's explicit choice.
 * Every latency rule has an absolute floor (delta) beside its relative amount, so that a fast endpoint's few
 * milliseconds of tail noise cannot fail a build. No limits are built in, and no other metric has a built-in rule, so p50, p75, p90, p99.9, mean and max
 * are compared only when the configuration gives them a rule. Every rule's source is {@value #SOURCE}.
 */
public final class BuiltInDefaults {

    /** The source recorded for every built-in rule. */
    public static final String SOURCE = "built-in defaults";

    private static final RuleSet RULES = build();

    private BuiltInDefaults() {
    }

    /** The built-in rules; an immutable value, the same instance on every call. */
    public static RuleSet ruleSet() {
        return RULES;
    }

    private static RuleSet build() {
        Map<Metric, MetricRule> metrics = new EnumMap<>(Metric.class);
        metrics.put(Metric.P95, rule(both(10, 5), both(25, 20)));
        // an absolute floor, as p95 has: the p99 of a few hundred requests is one of the largest samples, and a fast
        // endpoint's 7 ms becoming 10 ms (+43%) is noise, not a regression
        metrics.put(Metric.P99, rule(both(15, 10), both(40, 30)));
        metrics.put(Metric.ERROR_RATE, rule(delta(0.2), delta(0.5)));
        metrics.put(Metric.THROUGHPUT, rule(relative(10), relative(30)));
        return new RuleSet(OptionalLong.empty(), false, metrics);
    }

    private static MetricRule rule(Conditions warning, Conditions critical) {
        return MetricRule.of(Optional.of(warning), Optional.of(critical), SOURCE);
    }

    private static Conditions both(double relativePercent, double delta) {
        return new Conditions(OptionalDouble.of(relativePercent), OptionalDouble.of(delta), OptionalDouble.empty(),
                OptionalLong.empty());
    }

    private static Conditions relative(double relativePercent) {
        return new Conditions(OptionalDouble.of(relativePercent), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalLong.empty());
    }

    private static Conditions delta(double delta) {
        return new Conditions(OptionalDouble.empty(), OptionalDouble.of(delta), OptionalDouble.empty(),
                OptionalLong.empty());
    }
}
