package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.config.Naming;

import java.util.Map;

/**
 * Applies the caps of {@link Naming} while a run's services and endpoints are collected: a service beyond
 * {@code maxServices} is counted as {@value Naming#OTHER_SERVICES}; an endpoint beyond its service's
 * {@code maxEndpointsPerService} or the run's {@code maxEndpoints}, as its service's {@value Naming#OTHER_ENDPOINTS}.
 */
final class EndpointCaps {

    private final Naming naming;
    private int endpoints;
    private boolean capped;

    EndpointCaps(Naming naming) {
        this.naming = naming;
    }

    /** The service a request of {@code service} is counted under, given the services collected so far. */
    String service(String service, Map<String, ?> services) {
        if (services.containsKey(service) || services.size() < naming.maxServices()) {
            return service;
        }
        capped = true;
        return Naming.OTHER_SERVICES;
    }

    /** The endpoint a request of {@code id} is counted as, given its service's endpoints collected so far. */
    EndpointId endpoint(EndpointId id, Map<EndpointId, ?> serviceEndpoints) {
        if (serviceEndpoints.containsKey(id)) {
            return id;
        }
        if (serviceEndpoints.size() >= naming.maxEndpointsPerService() || endpoints >= naming.maxEndpoints()) {
            capped = true;
            return EndpointId.of(null, Naming.OTHER_ENDPOINTS);
        }
        endpoints++;
        return id;
    }

    /** Whether a service or endpoint was counted under another name because of a cap. */
    boolean capped() {
        return capped;
    }
}
