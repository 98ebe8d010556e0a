package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tool's reader found in one input.
 *
 * @param metadata the run's metadata as far as the files tell
 * @param total the whole run's total (the tool's own, or computed from raw samples), when known
 * @param services the services with their endpoints and totals
 * @param warnings problems that did not stop the reading, each {@code file:line: message}
 * @param parts the result of each of {@link ReadContext#parts()}, in order, when the format read them in the same pass;
 *     empty when it did not (the caller then reads the file once per part)
 * @param placed where the windows were placed on the run's start, when {@link ReadContext#placement()} placed them;
 *     empty when the format read the context's given windows
 */
public record ToolResult(RunMetadata metadata, Optional<EndpointStats> total, List<ServiceStats> services,
                         List<String> warnings, List<ToolResult> parts, Optional<SampleAggregator.Placed> placed) {
    public ToolResult {
        Objects.requireNonNull(metadata, "metadata == null");
        Objects.requireNonNull(total, "total == null");
        services = List.copyOf(Objects.requireNonNull(services, "services == null"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings == null"));
        parts = List.copyOf(Objects.requireNonNull(parts, "parts == null"));
        Objects.requireNonNull(placed, "placed == null");
    }

    /** A result of the given windows. */
    public ToolResult(RunMetadata metadata, Optional<EndpointStats> total, List<ServiceStats> services,
                      List<String> warnings, List<ToolResult> parts) {
        this(metadata, total, services, warnings, parts, Optional.empty());
    }

    /** A result of a format that reads no further windows in the same pass. */
    public ToolResult(RunMetadata metadata, Optional<EndpointStats> total, List<ServiceStats> services,
                      List<String> warnings) {
        this(metadata, total, services, warnings, List.of());
    }
}
