package dev.loadverdict.extractor.internal;

import java.util.List;

/**
 * Places time windows on a run once its start is known: the window to keep first, then one per stage. A window given
 * relative to the run ({@code --window 60s..}, {@code --stages}) depends on the run's first sample, which a single
 * pass learns only as it reads; {@link SampleAggregator} holds back the first samples until the start is settled,
 * places the windows, and says afterwards whether a later sample proved the start wrong.
 */
@FunctionalInterface
public interface Placement {

    /**
     * @param runStartMs the run's start, epoch ms
     * @return the window to keep, then each stage's window, in order
     */
    List<TimeWindow> place(long runStartMs);
}
