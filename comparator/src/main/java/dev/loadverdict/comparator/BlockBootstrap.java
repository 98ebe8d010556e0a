package dev.loadverdict.comparator;

import dev.loadverdict.model.TimeSeries;
import org.apache.commons.statistics.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A seeded moving-block bootstrap of the p95 difference between two runs, with the runs' time intervals as the
 * units that are resampled, so that correlation inside a run (a slow minute slows many requests at once) widens
 * the interval instead of being mistaken for evidence.
 *
 * <p>The statistic is a run's request-weighted mean of its intervals' p95 (the time series keeps one p95 per
 * interval, from a 2-significant-digit histogram): the typical p95 of a slice of the run. Each replicate draws
 * blocks of {@code ceil(sqrt(n))} consecutive intervals at random starts from each run until it has as many
 * intervals as the run, and takes current − baseline. The one-sided p-value is that of the replicates' mean against
 * their spread (normal approximation), and never below the share of replicates in which the current run is not
 * worse; the lower confidence bound is the replicates' alpha-quantile.
 * The seed is fixed per endpoint, so a comparison repeated on the same data gives the same answer.
 */
final class BlockBootstrap {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** Replicates drawn. */
    static final int REPLICATES = 2000;
    /** Intervals with a p95 needed on each side. */
    static final int MIN_INTERVALS = 10;

    private BlockBootstrap() {
    }

    /**
     * @param pValue the one-sided p-value that the current run is not worse
     * @param observed the statistic's difference on the data itself, current − baseline, ms
     * @param lowerBound the one-sided lower confidence bound of that difference at the given alpha, ms
     */
    record Result(double pValue, double observed, double lowerBound) {
    }

    static Optional<Result> p95Difference(TimeSeries baseline, TimeSeries current, long seed, double alpha) {
        double[][] b = usable(baseline);
        double[][] c = usable(current);
        if (b[0].length < MIN_INTERVALS || c[0].length < MIN_INTERVALS) {
            return Optional.empty();
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] differences = new double[REPLICATES];
        int notWorse = 0;
        for (int r = 0; r < REPLICATES; r++) {
            differences[r] = replicate(c, random) - replicate(b, random);
            if (differences[r] <= 0) {
                notWorse++;
            }
        }
        Arrays.sort(differences);
        double lower = differences[(int) Math.floor(alpha * (REPLICATES - 1))];
        // The share of replicates not worse cannot go below 1/2000, and the comparison's Holm adjustment multiplies
        // p by up to the number of tests; so p comes from the replicates' spread (the statistic is a weighted mean,
        // close to normal), and the empirical share is kept as a floor where it is larger.
        double mean = Arrays.stream(differences).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(differences).map(d -> (d - mean) * (d - mean)).sum() / (REPLICATES - 1));
        double normal = sd == 0 ? (mean > 0 ? 0 : 1) : STANDARD_NORMAL.survivalProbability(mean / sd);
        double p = notWorse > 0 ? Math.max(normal, notWorse / (double) REPLICATES) : normal;
        return Optional.of(new Result(p, weightedMean(c, 0, c[0].length) - weightedMean(b, 0, b[0].length), lower));
    }

    /** The intervals with requests and a p95: {p95 values, request counts}. */
    private static double[][] usable(TimeSeries series) {
        List<double[]> points = new ArrayList<>();
        for (TimeSeries.Point p : series.points()) {
            if (p.requests() > 0 && p.p95().isPresent()) {
                points.add(new double[] {p.p95().getAsDouble(), p.requests()});
            }
        }
        double[][] out = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            out[0][i] = points.get(i)[0];
            out[1][i] = points.get(i)[1];
        }
        return out;
    }

    private static double replicate(double[][] run, SplittableRandom random) {
        int n = run[0].length;
        int block = (int) Math.ceil(Math.sqrt(n));
        double weighted = 0;
        double weights = 0;
        int taken = 0;
        while (taken < n) {
            int start = random.nextInt(n - block + 1);
            for (int i = start; i < start + block && taken < n; i++, taken++) {
                weighted += run[0][i] * run[1][i];
                weights += run[1][i];
            }
        }
        return weighted / weights;
    }

    private static double weightedMean(double[][] run, int from, int to) {
        double weighted = 0;
        double weights = 0;
        for (int i = from; i < to; i++) {
            weighted += run[0][i] * run[1][i];
            weights += run[1][i];
        }
        return weighted / weights;
    }
}
