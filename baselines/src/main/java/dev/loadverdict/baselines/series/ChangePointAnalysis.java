package dev.loadverdict.baselines.series;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Unit;
import dev.loadverdict.model.history.Acknowledgement;
import dev.loadverdict.model.history.ChangePoint;
import dev.loadverdict.model.history.HistoryAnalysis;
import dev.loadverdict.model.history.MetricChanges;
import dev.loadverdict.model.history.RunRef;

import org.apache.commons.statistics.descriptive.Median;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Finds the steps in a suite's history: E-divisive means on every series ({@link SuiteSeries}), then the filters
 * that keep a report from crying wolf.
 *
 * <ol>
 *   <li>The history is cut into segments analysed apart: at every acknowledged step (from there on the runs are the
 *       new normal), and wherever the load profile changes (a new tool, user count or arrival rate is a change of the
 *       test, not of the system; a step there would be a guess).</li>
 *   <li>A segment with fewer than {@code minRuns} values of a series is not analysed: a permutation test on fewer
 *       runs cannot reach p 0.05 (with 6 runs split 3 / 3 the smallest p-value is 1/10).</li>
 *   <li>Runs that lack a value are left out of that series; a step next to such a gap is placed between the runs on
 *       either side of it ({@link ChangePoint#lastBefore()} and {@link ChangePoint#at()}), never guessed inside it.</li>
 *   <li>A step must move the median by at least {@code minShiftPercent} (latency, throughput) or
 *       {@code minErrorRateShift} percentage points (error rate), as Apache Beam's alerts require a median shift
 *       above 5 %. The weakest point below it is dropped and the medians on either side recomputed, until none is.
 *       (Outliers need no rule of their own: with α = 1 E-divisive does not cut around an isolated run, however far
 *       off; see the tests.)</li>
 *   <li>A step within the newest {@code pendingRuns} runs of the newest segment is pending: shown, and confirmed
 *       once enough runs follow it (Beam ignores such points "awaiting additional data").</li>
 * </ol>
 *
 * <p>Deterministic: the permutations' seed is reset for every series, so results do not depend on order or threads.
 */
public final class ChangePointAnalysis {

    private final HistoryAnalysis.Settings settings;

    public ChangePointAnalysis(HistoryAnalysis.Settings settings) {
        this.settings = settings;
    }

    /** The change points of every series of the suite. */
    public HistoryAnalysis analyse(String suite, SuiteSeries series, List<Acknowledgement> acknowledgements) {
        List<RunRef> runs = series.runs();
        List<String> notes = new ArrayList<>();
        if (runs.isEmpty()) {
            return new HistoryAnalysis(suite, 0, Optional.empty(), settings, acknowledgements, List.of(),
                    List.of("the suite has no recorded runs"));
        }
        int[] starts = segmentStarts(series, acknowledgements, notes);
        int newest = starts[starts.length - 1];
        List<SuiteSeries.Key> keys = series.keys();
        List<MetricChanges> analysed = IntStream.range(0, keys.size()).parallel()
                .mapToObj(i -> analyse(keys.get(i), series.values(keys.get(i)), runs, starts))
                .toList();
        int tooShort = runs.size() - newest;
        if (tooShort < settings.minRuns()) {
            notes.add("the newest segment, " + span(runs, newest, runs.size()) + ", has " + tooShort + " run"
                    + (tooShort == 1 ? "" : "s") + ": change points need at least " + settings.minRuns()
                    + " runs of the same load profile, so none are looked for there yet");
        }
        long gapped = keys.stream().filter(k -> hasGap(series.values(k), newest)).count();
        if (gapped > 0) {
            SuiteSeries.Key first = keys.stream().filter(k -> hasGap(series.values(k), newest)).findFirst().orElseThrow();
            notes.add(gapped + " series lack a value in some runs (e.g. " + first.metric().key() + " of " + first.service()
                    + " " + first.endpoint().orElse("(total)") + "): their change points use only the runs that have it");
        }
        return new HistoryAnalysis(suite, runs.size(), runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(newest)),
                settings, acknowledgements, analysed, notes);
    }

    private static boolean hasGap(double[] v, int from) {
        boolean seen = false;
        boolean missing = false;
        for (int i = from; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                missing |= seen;
            } else if (missing) {
                return true;
            } else {
                seen = true;
            }
        }
        return false;
    }

    /**
     * Where each segment starts: run 0, each acknowledged run, and each run whose load profile differs from that of the
     * first run of its segment (judged as {@code compare} judges profiles, so small run-to-run differences of a measured
     * user count do not cut the history).
     */
    private static int[] segmentStarts(SuiteSeries series, List<Acknowledgement> acknowledgements, List<String> notes) {
        TreeSet<Integer> starts = new TreeSet<>();
        starts.add(0);
        List<RunRef> runs = series.runs();
        int first = 0;
        for (int i = 1; i < runs.size(); i++) {
            Optional<String> change = series.profileChange(first, i);
            if (change.isPresent()) {
                starts.add(i);
                first = i;
                notes.add("the load profile changed at " + runs.get(i).label() + " (" + change.get()
                        + "): the runs before and after it are analysed apart");
            }
        }
        for (Acknowledgement a : acknowledgements) {
            int index = a.at().version() - 1;
            if (index > 0 && index < runs.size()) {
                starts.add(index);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private MetricChanges analyse(SuiteSeries.Key key, double[] values, List<RunRef> runs, int[] starts) {
        List<ChangePoint> points = new ArrayList<>();
        int present = 0;
        for (int s = 0; s < starts.length; s++) {
            int from = starts[s];
            int to = s + 1 < starts.length ? starts[s + 1] : values.length;
            int[] at = IntStream.range(from, to).filter(i -> !Double.isNaN(values[i])).toArray();
            present += at.length;
            if (at.length >= settings.minRuns()) {
                boolean newestSegment = s == starts.length - 1;
                points.addAll(segment(key.metric(), at, values, runs, newestSegment));
            }
        }
        return new MetricChanges(key.service(), key.endpoint(), key.metric(), present, points);
    }

    /** The change points of one segment; {@code at} holds the indices (into the runs) of its values. */
    private List<ChangePoint> segment(Metric metric, int[] at, double[] all, List<RunRef> runs, boolean newest) {
        double[] v = Arrays.stream(at).mapToDouble(i -> all[i]).toArray();
        List<EDivisive.Found> found = new EDivisive(settings.pValue(), settings.permutations(), settings.seed()).detect(v);
        List<EDivisive.Found> kept = new ArrayList<>(found);
        kept.sort((a, b) -> Integer.compare(a.index(), b.index()));
        while (true) {
            int weakest = weakest(metric, v, kept);
            if (weakest < 0) {
                break;
            }
            kept.remove(weakest);
        }
        List<ChangePoint> points = new ArrayList<>();
        for (int k = 0; k < kept.size(); k++) {
            int index = kept.get(k).index();
            int from = k == 0 ? 0 : kept.get(k - 1).index();
            int to = k + 1 < kept.size() ? kept.get(k + 1).index() : v.length;
            int after = v.length - index;
            ChangePoint.Status status = newest && after < settings.pendingRuns()
                    ? ChangePoint.Status.PENDING : ChangePoint.Status.CONFIRMED;
            points.add(new ChangePoint(runs.get(at[index - 1]), runs.get(at[index]), median(v, from, index),
                    median(v, index, to), kept.get(k).pValue(), status, after));
        }
        return points;
    }

    /** The index in {@code kept} of the weakest point below the minimum shift, or -1 when none is. */
    private int weakest(Metric metric, double[] v, List<EDivisive.Found> kept) {
        int weakest = -1;
        double weakestShift = Double.POSITIVE_INFINITY;
        for (int k = 0; k < kept.size(); k++) {
            int from = k == 0 ? 0 : kept.get(k - 1).index();
            int index = kept.get(k).index();
            int to = k + 1 < kept.size() ? kept.get(k + 1).index() : v.length;
            double before = median(v, from, index);
            double after = median(v, index, to);
            double shift = shift(metric, before, after);
            boolean small = metric.unit() == Unit.PERCENT ? Math.abs(after - before) < settings.minErrorRateShift()
                    : shift < settings.minShiftPercent();
            if (small && shift < weakestShift) {
                weakest = k;
                weakestShift = shift;
            }
        }
        return weakest;
    }

    /** The change of the median in percent of the one before (percentage points for rates). */
    private static double shift(Metric metric, double before, double after) {
        if (metric.unit() == Unit.PERCENT) {
            return Math.abs(after - before);
        }
        if (before == 0) {
            return after == 0 ? 0 : Double.MAX_VALUE;
        }
        return Math.abs(after - before) / Math.abs(before) * 100;
    }

    /** The median of {@code v[from, to)}, leaving {@code v} as it is. */
    static double median(double[] v, int from, int to) {
        return MEDIAN.evaluateRange(v, from, to);
    }

    private static final Median MEDIAN = Median.withDefaults().withCopy(true);

    private static String span(List<RunRef> runs, int from, int to) {
        if (to - from == 1) {
            return "v" + runs.get(from).version();
        }
        return "v" + runs.get(from).version() + "–v" + runs.get(to - 1).version();
    }
}
