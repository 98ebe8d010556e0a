package dev.loadverdict.model.scaling;

import java.util.Objects;
import java.util.Optional;

/**
 * Which curve: a service's total, or one endpoint of a service.
 *
 * @param service the service name (untrusted text from a result file)
 * @param endpoint the endpoint key ({@code METHOD name}), or empty for the service's total
 */
public record CurveId(String service, Optional<String> endpoint) implements Comparable<CurveId> {

    /** How a service's total is named where an endpoint would be. */
    public static final String TOTAL = "(total)";

    public CurveId {
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
    }

    public static CurveId total(String service) {
        return new CurveId(service, Optional.empty());
    }

    public static CurveId endpoint(String service, String endpoint) {
        return new CurveId(service, Optional.of(endpoint));
    }

    public boolean isTotal() {
        return endpoint.isEmpty();
    }

    /** The endpoint key, or {@value #TOTAL}. */
    public String endpointLabel() {
        return endpoint.orElse(TOTAL);
    }

    /** Totals first, then by service and endpoint. */
    @Override
    public int compareTo(CurveId other) {
        int byService = service.compareTo(other.service);
        if (byService != 0) {
            return byService;
        }
        if (isTotal() != other.isTotal()) {
            return isTotal() ? -1 : 1;
        }
        return endpointLabel().compareTo(other.endpointLabel());
    }
}
