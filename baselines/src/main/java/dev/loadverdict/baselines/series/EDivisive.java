package dev.loadverdict.baselines.series;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * E-divisive means (Matteson and James 2014, "A Nonparametric Approach for Multiple Change Point Analysis of
 * Multivariate Data", with α = 1), as MongoDB's reference implementation ({@code signal_processing_algorithms},
 * {@code e_divisive}) runs it on one series:
 *
 * <ol>
 *   <li>In each window between the change points found so far, every split τ of the window's {@code n} values
 *       into {@code X = v[0, τ)} and {@code Y = v[τ, n)} gets the statistic
 *       {@code q(τ) = τm/(τ+m) · (2·ΣΣ|x−y|/(τm) − ΣΣ|x−x'|/τ² − ΣΣ|y−y'|/m²)} with {@code m = n − τ} (the
 *       V-statistic form of the energy distance, sums over ordered pairs). The window's candidate is its largest
 *       {@code q}; the series' candidate the largest over all windows.</li>
 *   <li>A permutation test decides whether the candidate is more than chance: {@code permutations} times, the
 *       values inside every window are shuffled and the largest {@code q} over all windows taken again. With
 *       {@code b} of those at least as large as the candidate's, its p-value is {@code b / (permutations + 1)}
 *       (the reference's estimate); the candidate is a change point when that is at most {@code pValue}.</li>
 *   <li>Repeat in the windows the new point makes, until a candidate is not significant.</li>
 * </ol>
 *
 * <p>Two departures, neither changing a result: the permutations come from a {@link SplittableRandom} with a fixed
 * seed, reset for every series, so the same series always gives the same points wherever and in whichever order it
 * is analysed; and the test stops as soon as more than {@code pValue · (permutations + 1)} permutations have beaten
 * the candidate, which already decides it is not significant (most series of an unchanged system stop after a few
 * permutations). The sums over |differences| are computed in O(n log n) per window from ranks and a Fenwick tree,
 * rather than the reference's O(n²) distance matrix; the values are the same up to rounding, so comparisons of
 * statistics allow a relative 1e-9.
 */
final class EDivisive {

    /** The reference's defaults, as MongoDB runs it. */
    static final double DEFAULT_P_VALUE = 0.05;
    static final int DEFAULT_PERMUTATIONS = 100;
    static final long DEFAULT_SEED = 1234;

    private static final double TOLERANCE = 1e-9;

    private final double pValue;
    private final int permutations;
    private final long seed;

    /**
     * @param pValue the largest p-value a change point may have, in (0, 1)
     * @param permutations how many permutations the test draws, at least 1
     * @param seed the permutations' seed
     */
    EDivisive(double pValue, int permutations, long seed) {
        if (!(pValue > 0 && pValue < 1)) {
            throw new IllegalArgumentException("pValue must be in (0, 1), not " + pValue);
        }
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be at least 1, not " + permutations);
        }
        this.pValue = pValue;
        this.permutations = permutations;
        this.seed = seed;
    }

    /**
     * A change point: the series changes from index {@code index} on.
     *
     * @param index the first index after the change, in [1, length)
     * @param statistic the candidate's {@code q}
     * @param pValue the permutation test's p-value when it was found
     */
    record Found(int index, double statistic, double pValue) {
    }

    /** The change points of {@code series}, in the order they were found (most prominent first). */
    List<Found> detect(double[] series) {
        for (double v : series) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("the series holds a value that is not finite: " + v);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Found> found = new ArrayList<>();
        List<Integer> bounds = new ArrayList<>(List.of(0, series.length));
        Map<Long, Candidate> memo = new HashMap<>();
        double[] scratch = new double[series.length];
        while (true) {
            Candidate best = null;
            for (int w = 0; w + 1 < bounds.size(); w++) {
                int from = bounds.get(w);
                int to = bounds.get(w + 1);
                Candidate c = memo.computeIfAbsent(((long) from << 32) | to, k -> best(series, from, to));
                if (c != null && (best == null || c.statistic > best.statistic)) {
                    best = c;
                }
            }
            if (best == null) {
                return found;
            }
            double p = permutationPValue(series, bounds, best.statistic, random, scratch);
            if (p > pValue) {
                return found;
            }
            found.add(new Found(best.index, best.statistic, p));
            bounds.add(best.index);
            bounds.sort(null);
        }
    }

    private record Candidate(int index, double statistic) {
    }

    /** The window's best split, or null when the window is too short to split. */
    private static Candidate best(double[] series, int from, int to) {
        if (to - from < 2) {
            return null;
        }
        double[] q = Statistics.of(Arrays.copyOfRange(series, from, to)).q();
        int arg = 1;
        for (int t = 2; t < q.length; t++) {
            if (q[t] > q[arg]) {
                arg = t;
            }
        }
        return new Candidate(from + arg, q[arg]);
    }

    /**
     * The share of permutations whose best statistic reaches the candidate's; stops early, returning a value above
     * {@code pValue}, once enough have.
     */
    private double permutationPValue(double[] series, List<Integer> bounds, double candidate, SplittableRandom random,
                                     double[] shuffled) {
        System.arraycopy(series, 0, shuffled, 0, series.length);
        double reach = candidate - TOLERANCE * Math.max(1, Math.abs(candidate));
        int allowed = (int) Math.floor(pValue * (permutations + 1));
        int better = 0;
        for (int r = 0; r < permutations; r++) {
            double most = Double.NEGATIVE_INFINITY;
            for (int w = 0; w + 1 < bounds.size(); w++) {
                int from = bounds.get(w);
                int to = bounds.get(w + 1);
                shuffle(shuffled, from, to, random);
                if (to - from >= 2) {
                    double[] q = Statistics.of(Arrays.copyOfRange(shuffled, from, to)).q();
                    for (int t = 1; t < q.length; t++) {
                        most = Math.max(most, q[t]);
                    }
                }
            }
            if (most >= reach) {
                better++;
                if (better > allowed) {
                    return (double) better / (permutations + 1); // already above pValue: the rest cannot change that
                }
            }
        }
        return (double) better / (permutations + 1);
    }

    private static void shuffle(double[] values, int from, int to, SplittableRandom random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** The statistic of every split of one window's values. */
    static final class Statistics {

        private final double[] q;

        private Statistics(double[] q) {
            this.q = q;
        }

        /** {@code q[τ]} for τ in [0, n); {@code q[0] = 0}. */
        double[] q() {
            return q;
        }

        static Statistics of(double[] v) {
            int n = v.length;
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            // the sum of |v[i] - v[j]| over all unordered pairs, and each value's sum of distances to all others
            double[] prefix = new double[n + 1];
            for (int k = 0; k < n; k++) {
                prefix[k + 1] = prefix[k] + sorted[k];
            }
            double allPairs = 0;
            for (int k = 0; k < n; k++) {
                allPairs += sorted[k] * (2.0 * k - n + 1);
            }
            int[] rank = new int[n];
            double[] toAll = new double[n];
            for (int i = 0; i < n; i++) {
                int lo = lowerBound(sorted, v[i]);
                int hi = upperBound(sorted, v[i]);
                rank[i] = lo;
                double below = v[i] * lo - prefix[lo];
                double above = (prefix[n] - prefix[hi]) - v[i] * (n - hi);
                toAll[i] = below + above;
            }
            Fenwick left = new Fenwick(n);
            double x = 0;
            double y = allPairs;
            double xy = 0;
            double[] q = new double[n];
            for (int tau = 0; tau < n; tau++) {
                q[tau] = statistic(2 * x, 2 * y, xy, tau, n - tau);
                // v[tau] moves from Y to X
                double toLeft = left.distanceSum(rank[tau], v[tau]);
                double toRight = toAll[tau] - toLeft;
                xy = xy - toLeft + toRight;
                x += toLeft;
                y -= toRight;
                left.add(rank[tau], v[tau]);
            }
            return new Statistics(q);
        }

        private static double statistic(double x, double y, double xy, int n, int m) {
            double xyAvg = n > 0 && m > 0 ? xy / ((double) n * m) : 0;
            double xAvg = n > 0 ? x / ((double) n * n) : 0;
            double yAvg = m > 0 ? y / ((double) m * m) : 0;
            double e = 2 * xyAvg - xAvg - yAvg;
            return (double) n * m / (n + m) * e;
        }

        private static int lowerBound(double[] sorted, double v) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        private static int upperBound(double[] sorted, double v) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= v) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** Counts and sums of the values added so far, by rank: their summed distance to any value in O(log n). */
    private static final class Fenwick {

        private final long[] count;
        private final double[] sum;
        private long total;
        private double totalSum;

        Fenwick(int n) {
            count = new long[n + 1];
            sum = new double[n + 1];
        }

        void add(int rank, double value) {
            for (int i = rank + 1; i < count.length; i += i & -i) {
                count[i]++;
                sum[i] += value;
            }
            total++;
            totalSum += value;
        }

        /** Σ |value − w| over the values w added so far; {@code rank} is value's lower bound in the sorted values. */
        double distanceSum(int rank, double value) {
            long below = 0;
            double belowSum = 0;
            for (int i = rank; i > 0; i -= i & -i) {
                below += count[i];
                belowSum += sum[i];
            }
            // values of a rank below value's lower bound are smaller; the rest are at least value
            return (value * below - belowSum) + ((totalSum - belowSum) - value * (total - below));
        }
    }
}
