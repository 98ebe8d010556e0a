package dev.loadverdict.comparator;

import dev.loadverdict.model.compare.Significance;

import java.util.List;

/**
 * The seam where statistical tests plug in: whether each metric comparison's change is more than noise.
 *
 * <p>An assessor receives every comparison of a run at once, in finding order, and returns one
 * {@link Significance} per comparison in the same order, so that it can adjust the p-values of all tests
 * together (Holm–Bonferroni at {@code alpha} for warnings and {@code alphaCritical} for criticals). The tests
 * ({@link StatisticalAssessor}): Fisher's exact or a two-proportion test for the error rate, the quantile test or
 * Mann-Whitney U from the two histograms for latency (with a seeded block-bootstrap interval where the run's time
 * series allow), a conservative share-above test from percentile tables ({@link TabulatedShare}), a conditional
 * binomial rate test for throughput. Where the data allows no test the answer is
 * {@link Significance.Status#NOT_TESTABLE} and thresholds alone decide; {@link FindingJudge} is where a change that
 * is not significant stops the relative and delta conditions from holding (limits stay unconditional).
 */
interface SignificanceAssessor {

    /** @return exactly one result per comparison, in the same order */
    List<Significance> assess(List<MetricComparison> comparisons);
}
