package dev.loadverdict.extractor.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every reader needs besides the file: how to name services and endpoints, and which part of the run
 * to keep.
 *
 * @param resolver assigns requests to services and endpoints
 * @param window the part of the run to keep (formats whose {@link ResultFormat#windowable} says so)
 * @param subSamples whether nested sub-samples (JMeter XML) count as samples of their own labels too
 * @param parts further windows (a run's stages) to aggregate each on its own in the same pass, when the format
 *     can: its {@link ToolResult#parts()} then holds one result per window
 * @param placement when present, places the window and the further windows on the run's start instead of
 *     {@code window} and {@code parts}, in the same pass, when the format can ({@link ToolResult#placed()} then says
 *     where); a format that cannot reads {@code window} and {@code parts}
 */
public record ReadContext(EndpointResolver resolver, TimeWindow window, boolean subSamples, List<TimeWindow> parts,
                          Optional<Placement> placement) {
    public ReadContext {
        Objects.requireNonNull(resolver, "resolver == null");
        Objects.requireNonNull(window, "window == null");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts == null"));
        Objects.requireNonNull(placement, "placement == null");
    }

    /** Windows given. */
    public ReadContext(EndpointResolver resolver, TimeWindow window, boolean subSamples, List<TimeWindow> parts) {
        this(resolver, window, subSamples, parts, Optional.empty());
    }

    /** No further windows. */
    public ReadContext(EndpointResolver resolver, TimeWindow window, boolean subSamples) {
        this(resolver, window, subSamples, List.of());
    }

    /** Top-level samples only, no further windows. */
    public ReadContext(EndpointResolver resolver, TimeWindow window) {
        this(resolver, window, false);
    }

    /** An aggregator of this context's window and its further windows. */
    public SampleAggregator newAggregator() {
        return placement.isPresent() ? new SampleAggregator(resolver, placement.get())
                : new SampleAggregator(resolver, window, parts);
    }
}
