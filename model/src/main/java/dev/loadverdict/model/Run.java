package dev.loadverdict.model;

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
 * @param stages when the run was split into stages ({@code --stages}), one run per stage in time order, each
 *               carrying its stage name in its metadata; the enclosing run is then the whole run. Stages have
 *               no stages of their own.
 */
public record Run(RunMetadata metadata, Optional<EndpointStats> total, List<ServiceStats> services, List<Run> stages) {

    /** A run not split into stages. */
    public Run(RunMetadata metadata, Optional<EndpointStats> total, List<ServiceStats> services) {
        this(metadata, total, services, List.of());
    }

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
        stages = List.copyOf(Preconditions.requireNonNull(stages, "stages"));
        Set<String> stageNames = new HashSet<>();
        for (Run stage : stages) {
            String name = stage.metadata().stage()
                    .orElseThrow(() -> new IllegalArgumentException("a stage without a stage name"));
            if (!stageNames.add(name)) {
                throw new IllegalArgumentException("stage " + name + " is listed twice");
            }
            if (!stage.stages().isEmpty()) {
                throw new IllegalArgumentException("stage " + name + " has stages of its own");
            }
        }
    }

    /** The stage of that name, when the run was split into stages. */
    public Optional<Run> stage(String name) {
        return stages.stream().filter(s -> s.metadata().stage().orElseThrow().equals(name)).findFirst();
    }

    /** The same run without its stages. */
    public Run withoutStages() {
        return stages.isEmpty() ? this : new Run(metadata, total, services);
    }

    public Optional<ServiceStats> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
