package dev.loadverdict.extractor.internal;

import java.util.Objects;

/**
 * What every reader needs besides the file: how to name services and endpoints, and which part of the run
 * to keep.
 *
 * @param resolver assigns requests to services and endpoints
 * @param window the part of the run to keep (formats whose {@link ResultFormat#windowable} says so)
 * @param subSamples whether nested sub-samples (JMeter XML) count as samples of their own labels too
 */
public record ReadContext(EndpointResolver resolver, TimeWindow window, boolean subSamples) {
    public ReadContext {
        Objects.requireNonNull(resolver, "resolver == null");
        Objects.requireNonNull(window, "window == null");
    }

    /** Top-level samples only. */
    public ReadContext(EndpointResolver resolver, TimeWindow window) {
        this(resolver, window, false);
    }

    public SampleAggregator newAggregator() {
        return new SampleAggregator(resolver, window);
    }
}
