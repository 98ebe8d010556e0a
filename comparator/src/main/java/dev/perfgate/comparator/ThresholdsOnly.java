package dev.perfgate.comparator;

import dev.perfgate.model.compare.Significance;

import java.util.List;

/**
 * The assessor used until statistical tests exist: every finding is not testable, and says why.
 */
final class ThresholdsOnly implements SignificanceAssessor {

    static final String AGGREGATES_ONLY = "aggregates only: significance not testable, thresholds alone decide";
    static final String NOT_YET_APPLIED = "statistical tests not yet applied";

    @Override
    public List<Significance> assess(List<MetricComparison> comparisons) {
        return comparisons.stream().map(ThresholdsOnly::assess).toList();
    }

    private static Significance assess(MetricComparison c) {
        boolean aggregatesOnly = c.baseline().histogram().isEmpty() || c.current().histogram().isEmpty();
        return Significance.notTestable(aggregatesOnly ? AGGREGATES_ONLY : NOT_YET_APPLIED);
    }
}
