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
 * @param flat whether a side is the total of a flat service (one without endpoints, as a legacy baseline imports),
 *     which counts as that service's one endpoint
 * @param byName the flat baseline service paired with this run endpoint because its name is the endpoint's name
 */
record Matched(String service, Optional<EndpointId> endpoint, Optional<EndpointStats> baseline,
               Optional<EndpointStats> current, boolean flat, Optional<String> byName) {

    Matched {
        if (baseline.isEmpty() && current.isEmpty()) {
            throw new IllegalArgumentException("a matched endpoint exists on at least one side");
        }
        if (endpoint.isEmpty() && (baseline.isEmpty() || current.isEmpty())) {
            throw new IllegalArgumentException("a service total is only matched when both sides have it");
        }
    }

    Matched(String service, Optional<EndpointId> endpoint, Optional<EndpointStats> baseline,
            Optional<EndpointStats> current) {
        this(service, endpoint, baseline, current, false, Optional.empty());
    }

    boolean bothSides() {
        return baseline.isPresent() && current.isPresent();
    }

    /** Whether this pair counts as an endpoint in {@link dev.loadverdict.model.compare.Matching}. */
    boolean countsAsEndpoint() {
        return endpoint.isPresent() || flat;
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
