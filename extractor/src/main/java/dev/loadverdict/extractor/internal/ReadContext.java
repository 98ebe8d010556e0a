package dev.loadverdict.extractor.internal;

import java.util.List;
import java.util.Objects;

/**
 * What every reader needs besides the file: how to name services and endpoints, and which part of the run
 * to keep.
 *
 * @param resolver assigns requests to services and endpoints
 * @param window the part of the run to keep (formats whose {@link ResultFormat#windowable} says so)
 * @param subSamples whether nested sub-samples (JMeter XML) count as samples of their own labels too
 * @param parts further windows (a run's stages) to aggregate each on its own in the same pass, when the format
 *     can: its {@link ToolResult#parts()} then holds one result per window
 */
public record ReadContext(EndpointResolver resolver, TimeWindow window, boolean subSamples, List<TimeWindow> parts) {
    public ReadContext {
        Objects.requireNonNull(resolver, "resolver == null");
        Objects.requireNonNull(window, "window == null");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts == null"));
    }

    /** No further windows. */
    public ReadContext(EndpointResolver resolver, TimeWindow window, boolean subSamples) {
        this(resolver, window, subSamples, List.of());
    }

    /** Top-level samples only, no further windows. */
    public ReadContext(EndpointResolver resolver, TimeWindow window) {
        this(resolver, window, false);
    }

    /** This context without its further windows: for a format that reads one window a pass. */
    public ReadContext withoutParts() {
        return new ReadContext(resolver, window, subSamples);
    }

    /** An aggregator of this context's window and its further windows. */
    public SampleAggregator newAggregator() {
        return new SampleAggregator(resolver, window, parts);
    }
}
