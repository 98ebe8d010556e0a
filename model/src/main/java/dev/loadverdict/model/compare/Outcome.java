package dev.loadverdict.model.compare;

import java.util.Locale;

/** What happened to one metric between baseline and current run. */
public enum Outcome {
    /** Worse, and at least one severity's conditions (or a limit) hold. */
    REGRESSION,
    /**
     * Worse by a threshold's relative/delta amounts, but not more than noise: the change is not statistically
     * significant at that severity's alpha (or lies inside the history's noise band). Never fails.
     */
    WITHIN_NOISE,
    /** Worse, but below every threshold. */
    WORSE_WITHIN_THRESHOLD,
    /** No change, or better by less than the warning amounts. */
    UNCHANGED,
    /** Better by more than the warning amounts would flag in the other direction. Never fails. */
    IMPROVEMENT,
    /**
     * No baseline value to compare with (an endpoint new in this run, or no baseline at all), and every limit its
     * rule sets holds: checked by its limits alone, and passed.
     */
    WITHIN_LIMITS,
    /** Only one side has the metric, or too few requests: compared by limits only. */
    NOT_COMPARABLE;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
