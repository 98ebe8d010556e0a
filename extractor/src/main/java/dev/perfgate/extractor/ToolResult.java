package dev.perfgate.extractor;

import dev.perfgate.model.EndpointStats;
import dev.perfgate.model.RunMetadata;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tool's reader found in its files, before endpoints are assigned to services.
 *
 * @param metadata the run's metadata as far as the files tell
 * @param total the tool's own total over all endpoints, when it writes one
 * @param endpoints every endpoint, each key once
 */
public record ToolResult(RunMetadata metadata, Optional<EndpointStats> total, List<EndpointStats> endpoints) {
    public ToolResult {
        Objects.requireNonNull(metadata, "metadata == null");
        Objects.requireNonNull(total, "total == null");
        endpoints = List.copyOf(Objects.requireNonNull(endpoints, "endpoints == null"));
    }
}
