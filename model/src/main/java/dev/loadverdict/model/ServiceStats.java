package dev.loadverdict.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One service of a run: its endpoints and their total.
 *
 * @param name the service name (from a tag, the mapping config, or {@code default})
 * @param total the service's total over all its endpoints
 * @param endpoints the endpoints, each key at most once
 */
public record ServiceStats(String name, EndpointStats total, List<EndpointStats> endpoints) {

    public ServiceStats {
        Preconditions.requireNonBlank(name, "name");
        Preconditions.requireNonNull(total, "total");
        endpoints = List.copyOf(Preconditions.requireNonNull(endpoints, "endpoints"));
        Set<String> seen = new HashSet<>();
        for (EndpointStats e : endpoints) {
            if (!seen.add(e.id().key())) {
                throw new IllegalArgumentException("service " + name + " lists endpoint " + e.id().key() + " twice");
            }
        }
    }

    public Optional<EndpointStats> endpoint(String key) {
        return endpoints.stream().filter(e -> e.id().key().equals(key)).findFirst();
    }
}
