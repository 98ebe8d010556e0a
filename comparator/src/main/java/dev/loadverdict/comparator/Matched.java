package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.compare.EndpointChange;
import dev.loadverdict.model.compare.Finding;

import java.util.Optional;

/**
 * An endpoint (or service total) of one service, with its stats on each side where it exists.
 *
 * @param service the service
 * @param endpoint the endpoint, or empty for the service's total (which is only paired when both runs have
 *     the service, or when it is a flat service's total)
 * @param baseline its stats in the baseline run
 * @param current its stats in the current run
 * @param flat whether a side is the total of a flat service (one without endpoints, as a legacy baseline imports),
 *     which counts as that service's one endpoint
 * @param byName the flat baseline service paired with this run endpoint because its name is the endpoint's name
 * @param covered whether this run endpoint belongs to a service the baseline has as a flat total: it is compared
 *     through that total, so it is neither new nor counted on its own (absolute limits still apply to it)
 */
record Matched(String service, Optional<EndpointId> endpoint, Optional<EndpointStats> baseline,
               Optional<EndpointStats> current, boolean flat, Optional<String> byName, boolean covered) {

    Matched {
        if (baseline.isEmpty() && current.isEmpty()) {
            throw new IllegalArgumentException("a matched endpoint exists on at least one side");
        }
        if (endpoint.isEmpty() && !flat && (baseline.isEmpty() || current.isEmpty())) {
            throw new IllegalArgumentException("a service total is only matched when both sides have it");
        }
        if (covered && (baseline.isPresent() || endpoint.isEmpty())) {
            throw new IllegalArgumentException("only a run endpoint is covered by a flat baseline total");
        }
    }

    Matched(String service, Optional<EndpointId> endpoint, Optional<EndpointStats> baseline,
            Optional<EndpointStats> current) {
        this(service, endpoint, baseline, current, false, Optional.empty(), false);
    }

    Matched(String service, Optional<EndpointId> endpoint, Optional<EndpointStats> baseline,
            Optional<EndpointStats> current, boolean flat, Optional<String> byName) {
        this(service, endpoint, baseline, current, flat, byName, false);
    }

    boolean bothSides() {
        return baseline.isPresent() && current.isPresent();
    }

    /** Whether this pair counts as an endpoint in {@link dev.loadverdict.model.compare.Matching}. */
    boolean countsAsEndpoint() {
        return !covered && (endpoint.isPresent() || flat);
    }

    /** The change to report for an endpoint that exists on one side only. */
    EndpointChange change(Optional<String> stage) {
        if (bothSides()) {
            throw new IllegalStateException(endpoint + " exists on both sides");
        }
        // a flat service's total is its one endpoint, named as reports name a total
        String key = endpoint.map(EndpointId::key).orElse(Finding.TOTAL_LABEL);
        return current.map(c -> new EndpointChange(stage, service, key, EndpointChange.Kind.NEW, c.requests()))
                .orElseGet(() -> new EndpointChange(stage, service, key, EndpointChange.Kind.MISSING,
                        baseline.orElseThrow().requests()));
    }
}
