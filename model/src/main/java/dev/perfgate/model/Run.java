package dev.perfgate.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One load-test run, normalised: what ran and per service and endpoint what it measured.
 *
 * @param metadata what ran, when, with which tool and load
 * @param total the whole run's total when the source reports one (e.g. Locust's {@code Aggregated} row)
 * @param services the services, each name at most once
 */
public record Run(RunMetadata metadata, Optional<EndpointStats> total, List<ServiceStats> services) {

    public Run {
        Preconditions.requireNonNull(metadata, "metadata");
        Preconditions.requireNonNull(total, "total");
        services = List.copyOf(Preconditions.requireNonNull(services, "services"));
        Set<String> seen = new HashSet<>();
        for (ServiceStats s : services) {
            if (!seen.add(s.name())) {
                throw new IllegalArgumentException("service " + s.name() + " is listed twice");
            }
        }
    }

    public Optional<ServiceStats> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
