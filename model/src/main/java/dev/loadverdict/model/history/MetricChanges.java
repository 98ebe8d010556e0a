package dev.loadverdict.model.history;

import dev.loadverdict.model.Metric;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The change points of one metric of one endpoint (or a service's total) over a suite's history.
 *
 * @param service the service
 * @param endpoint the endpoint key, or empty for the service's total
 * @param metric the metric
 * @param values how many runs had the value and were analysed
 * @param changePoints the steps found, oldest first; empty when there are none
 */
public record MetricChanges(String service, Optional<String> endpoint, Metric metric, int values,
                            List<ChangePoint> changePoints) {

    public MetricChanges {
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        Objects.requireNonNull(metric, "metric == null");
        changePoints = List.copyOf(Objects.requireNonNull(changePoints, "changePoints == null"));
    }

    /** {@code GET /api/search} or {@code (total)}. */
    public String endpointLabel() {
        return endpoint.orElse("(total)");
    }
}
