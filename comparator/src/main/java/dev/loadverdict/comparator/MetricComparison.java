package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;

import java.util.Optional;

/**
 * One metric of one endpoint (or service total) to compare, with the rule it is judged by.
 *
 * @param stage the stage, when the runs were split into stages
 * @param service the service
 * @param endpoint the endpoint, or empty for the service's total
 * @param metric the metric
 * @param rule the effective rule
 * @param baseline the endpoint's stats in the baseline run
 * @param current the endpoint's stats in the current run
 */
record MetricComparison(Optional<String> stage, String service, Optional<EndpointId> endpoint, Metric metric, EffectiveRule rule,
                        EndpointStats baseline, EndpointStats current) {
}
