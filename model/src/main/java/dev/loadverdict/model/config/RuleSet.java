package dev.loadverdict.model.config;

import dev.loadverdict.model.Metric;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The rules written at one level of the configuration (defaults, a service, or an endpoint pattern).
 * Anything not set here is inherited from the level above.
 *
 * @param minRequests the fewest requests both runs need before relative/delta conditions apply
 * @param ignore whether the endpoints at this level are left out of the comparison
 * @param metrics per metric, the blocks written at this level
 * @param minRequestsSource where {@code minRequests} was written ({@code file:line path}); empty text when it is not
 */
public record RuleSet(OptionalLong minRequests, boolean ignore, Map<Metric, MetricRule> metrics,
                      String minRequestsSource) {

    public RuleSet {
        Objects.requireNonNull(minRequests, "minRequests == null");
        EnumMap<Metric, MetricRule> copy = new EnumMap<>(Metric.class);
        copy.putAll(Objects.requireNonNull(metrics, "metrics == null"));
        metrics = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(minRequestsSource, "minRequestsSource == null");
    }

    /** Rules whose {@code minRequests} has no recorded source. */
    public RuleSet(OptionalLong minRequests, boolean ignore, Map<Metric, MetricRule> metrics) {
        this(minRequests, ignore, metrics, "");
    }

    public static RuleSet empty() {
        return new RuleSet(OptionalLong.empty(), false, Map.of());
    }
}
