package dev.loadverdict.comparator;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;
import org.apache.commons.statistics.inference.FisherExactTest;

import java.util.Map;
import java.util.TreeMap;

/**
 * The one-sided tests behind significance, each asking "is the current run worse?". Distributions and exact tests
 * come from Apache Commons Statistics; only the rank statistics over two histograms are computed here, from the
 * histograms' bucket counts (no sample arrays, so memory does not grow with the number of requests).
 */
final class OneSidedTesting {

    /** Below this expected count in any cell of a 2×2 table, the normal approximation is not trusted. */
    static final double SMALL_EXPECTED_COUNT = 5;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private OneSidedTesting() {
    }

    /**
     * A test's outcome.
     *
     * @param pValue the one-sided p-value
     * @param name what was tested, for the report
     */
    record Result(double pValue, String name) {
        Result {
            if (!(pValue >= 0 && pValue <= 1)) {
                throw new IllegalArgumentException("p-value out of [0, 1]: " + pValue);
            }
        }
    }

    /**
     * Whether the current proportion is higher than the baseline's ({@code hitsC/nC > hitsB/nB}): Fisher's exact
     * test when any expected cell count is small, else the pooled two-proportion z-test.
     */
    static Result proportionHigher(long hitsB, long nB, long hitsC, long nC, String what) {
        long total = nB + nC;
        long hits = hitsB + hitsC;
        double minExpected = Math.min(Math.min(nB, nC) * (double) hits / total, Math.min(nB, nC) * (double) (total - hits) / total);
        if (minExpected < SMALL_EXPECTED_COUNT && total <= Integer.MAX_VALUE) {
            int[][] table = {{(int) hitsC, (int) (nC - hitsC)}, {(int) hitsB, (int) (nB - hitsB)}};
            double p = FisherExactTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN).test(table).getPValue();
            return new Result(clamp(p), "Fisher exact test on " + what + ", one-sided");
        }
        double pB = (double) hitsB / nB;
        double pC = (double) hitsC / nC;
        double pooled = (double) hits / total;
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nB + 1.0 / nC));
        double z = se == 0 ? 0 : (pC - pB) / se;
        return new Result(clamp(STANDARD_NORMAL.survivalProbability(z)), "two-proportion z-test on " + what + ", one-sided");
    }

    /**
     * Whether the current run's rate is lower than the baseline's: given all requests of both runs, the current
     * run's share is binomial with probability {@code durationC / (durationB + durationC)} when the rates are equal
     * (the conditional test for two Poisson rates).
     */
    static Result rateLower(long countB, double secondsB, long countC, double secondsC) {
        long total = countB + countC;
        double share = secondsC / (secondsB + secondsC);
        String name = "conditional binomial test of two request rates, one-sided";
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("durations must be positive and finite: " + secondsB + ", " + secondsC);
        }
        if (total <= Integer.MAX_VALUE) {
            double p = BinomialTest.withDefaults().with(AlternativeHypothesis.LESS_THAN)
                    .test((int) total, (int) countC, share).getPValue();
            return new Result(clamp(p), name);
        }
        double mean = total * share;
        double sd = Math.sqrt(total * share * (1 - share));
        return new Result(clamp(STANDARD_NORMAL.cumulativeProbability((countC + 0.5 - mean) / sd)), name);
    }

    /**
     * Whether the current run's values tend to be larger (Mann-Whitney U, normal approximation with tie-corrected
     * variance and continuity correction). Values in one histogram bucket are ties; both histograms must have the
     * same precision, so their buckets line up.
     */
    static Result stochasticallyLarger(Histogram baseline, Histogram current) {
        long nB = baseline.getTotalCount();
        long nC = current.getTotalCount();
        double n = nB + nC;
        TreeMap<Long, long[]> buckets = new TreeMap<>();
        for (HistogramIterationValue v : baseline.recordedValues()) {
            buckets.computeIfAbsent(v.getValueIteratedTo(), k -> new long[2])[0] += v.getCountAtValueIteratedTo();
        }
        for (HistogramIterationValue v : current.recordedValues()) {
            buckets.computeIfAbsent(v.getValueIteratedTo(), k -> new long[2])[1] += v.getCountAtValueIteratedTo();
        }
        double rankSumC = 0;
        double ties = 0;
        double below = 0;
        for (Map.Entry<Long, long[]> e : buckets.entrySet()) {
            double t = e.getValue()[0] + e.getValue()[1];
            double averageRank = below + (t + 1) / 2;
            rankSumC += e.getValue()[1] * averageRank;
            ties += t * t * t - t;
            below += t;
        }
        double u = rankSumC - nC * (nC + 1.0) / 2;
        double mean = nB * (double) nC / 2;
        double variance = nB * (double) nC / 12 * ((n + 1) - ties / (n * (n - 1)));
        String name = "Mann-Whitney U from the histograms (tie-corrected), one-sided";
        if (variance <= 0) {
            return new Result(1, name);
        }
        double z = (u - mean - 0.5) / Math.sqrt(variance);
        return new Result(clamp(STANDARD_NORMAL.survivalProbability(z)), name);
    }

    /**
     * Whether more of the current run's values lie above the pooled sample's {@code percent}-th percentile than of
     * the baseline's (a quantile test: Mood's median test generalised to any percentile), by
     * {@link #proportionHigher}. It asks about that percentile, not the whole distribution, so a tail that grew
     * while the bulk stayed put is still seen.
     */
    static Result percentileHigher(Histogram baseline, Histogram current, double percent) {
        Histogram pooled = baseline.copy();
        pooled.add(current);
        long value = pooled.getValueAtPercentile(percent);
        long top = pooled.highestEquivalentValue(value);
        long bottom = pooled.lowestEquivalentValue(value);
        // Split above the percentile's bucket, or at it when that leaves nothing above (a mass of ties there):
        // whichever is not degenerate and comes closer to the share the percentile names.
        long aboveTop = pooled.getTotalCount() - pooled.getCountBetweenValues(0, top);
        long fromBottom = bottom == 0 ? pooled.getTotalCount() : pooled.getTotalCount() - pooled.getCountBetweenValues(0, bottom - 1);
        double wanted = (100 - percent) / 100 * pooled.getTotalCount();
        boolean inclusive = aboveTop == 0
                || (fromBottom < pooled.getTotalCount() && Math.abs(fromBottom - wanted) < Math.abs(aboveTop - wanted));
        long aboveB = above(baseline, inclusive ? bottom - 1 : top);
        long aboveC = above(current, inclusive ? bottom - 1 : top);
        Result r = proportionHigher(aboveB, baseline.getTotalCount(), aboveC, current.getTotalCount(),
                "the share " + (inclusive ? "at or above" : "above") + " the pooled p" + Numbers.measured(percent));
        return new Result(r.pValue(), "quantile test: " + r.name());
    }

    /** Values above {@code limit} (µs); everything when {@code limit} is below 0. */
    private static long above(Histogram h, long limit) {
        return limit < 0 ? h.getTotalCount() : h.getTotalCount() - h.getCountBetweenValues(0, limit);
    }

    private static double clamp(double p) {
        return Double.isNaN(p) ? 1 : Math.max(0, Math.min(1, p));
    }
}
