package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.SourcePrecision;

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
 * @param baselinePrecision how the baseline's source rounded response times
 * @param currentPrecision how the current run's source rounded response times
 */
record MetricComparison(Optional<String> stage, String service, Optional<EndpointId> endpoint, Metric metric, EffectiveRule rule,
                        EndpointStats baseline, EndpointStats current, SourcePrecision baselinePrecision,
                        SourcePrecision currentPrecision) {

    /** Whether this is a service's total rather than one endpoint. */
    boolean isTotal() {
        return endpoint.isEmpty();
    }
}
