package dev.loadverdict.extractor.internal;

import dev.loadverdict.extractor.Splitting;

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
 * @param splitting how a large file may be read on several threads ({@link SplitReading}), where the format can
 * @param timeSeriesBytes the memory the time series of an aggregator of this context may hold ({@link MemoryBudget})
 */
public record ReadContext(EndpointResolver resolver, TimeWindow window, boolean subSamples, List<TimeWindow> parts,
                          Optional<Placement> placement, Splitting splitting, long timeSeriesBytes) {
    public ReadContext {
        Objects.requireNonNull(resolver, "resolver == null");
        Objects.requireNonNull(window, "window == null");
        parts = List.copyOf(Objects.requireNonNull(parts, "parts == null"));
        Objects.requireNonNull(placement, "placement == null");
        Objects.requireNonNull(splitting, "splitting == null");
        if (timeSeriesBytes < 1) {
            throw new IllegalArgumentException("timeSeriesBytes must be >= 1 but was " + timeSeriesBytes);
        }
    }

    /** With the default memory for the time series. */
    public ReadContext(EndpointResolver resolver, TimeWindow window, boolean subSamples, List<TimeWindow> parts,
                       Optional<Placement> placement, Splitting splitting) {
        this(resolver, window, subSamples, parts, placement, splitting, MemoryBudget.DEFAULT_BYTES);
    }

    /** On one thread. */
    public ReadContext(EndpointResolver resolver, TimeWindow window, boolean subSamples, List<TimeWindow> parts,
                       Optional<Placement> placement) {
        this(resolver, window, subSamples, parts, placement, Splitting.NONE);
    }

    /**
     * This context for one part of a file read on several threads ({@link SplitReading}): with a resolver of its own (a
     * resolver's cache is not shared between threads), and aggregators whose time series may hold a share of the
     * memory one aggregator's may, since a few parts are held at once. (A part whose series outgrow the share coarsens
     * them, and a coarsened part is not merged: the file is read again on one thread.)
     */
    public ReadContext forPart(Splitting by) {
        return new ReadContext(resolver.copy(), window, subSamples, parts, placement, splitting,
                MemoryBudget.DEFAULT_BYTES / (by.threads() + 2));
    }

    /** This context with another splitting. */
    public ReadContext splitBy(Splitting by) {
        return new ReadContext(resolver, window, subSamples, parts, placement, by, timeSeriesBytes);
    }

    /**
     * How this context lets a file be split: not at all when the windows are placed on the run's start as it is
     * read (only the reader of the file's start learns it), or when its time series have other than the default memory
     * (merging parts exactly is proven for that budget, see {@link SampleAggregator#absorb}).
     */
    public Splitting splittingNow() {
        return placement.isPresent() || timeSeriesBytes != MemoryBudget.DEFAULT_BYTES ? Splitting.NONE : splitting;
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
                : new SampleAggregator(resolver, window, parts, timeSeriesBytes);
    }
}
