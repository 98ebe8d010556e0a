package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.compare.EndpointChange;

import java.util.Optional;

/**
 * An endpoint (or service total) of one service, with its stats on each side where it exists.
 *
 * @param service the service
 * @param endpoint the endpoint, or empty for the service's total (which is only paired when both runs have
 *     the service)
 * @param baseline its stats in the baseline run
 * @param current its stats in the current run
 */
record Matched(String service, Optional<EndpointId> endpoint, Optional<EndpointStats> baseline,
               Optional<EndpointStats> current) {

    Matched {
        if (baseline.isEmpty() && current.isEmpty()) {
            throw new IllegalArgumentException("a matched endpoint exists on at least one side");
        }
        if (endpoint.isEmpty() && (baseline.isEmpty() || current.isEmpty())) {
            throw new IllegalArgumentException("a service total is only matched when both sides have it");
        }
    }

    boolean bothSides() {
        return baseline.isPresent() && current.isPresent();
    }

    /** The change to report for an endpoint that exists on one side only. */
    EndpointChange change(Optional<String> stage) {
        if (bothSides()) {
            throw new IllegalStateException(endpoint + " exists on both sides");
        }
        String key = endpoint.orElseThrow().key();
        return current.map(c -> new EndpointChange(stage, service, key, EndpointChange.Kind.NEW, c.requests()))
                .orElseGet(() -> new EndpointChange(stage, service, key, EndpointChange.Kind.MISSING,
                        baseline.orElseThrow().requests()));
    }
}
