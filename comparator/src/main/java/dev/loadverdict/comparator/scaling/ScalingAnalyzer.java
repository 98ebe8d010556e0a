package dev.loadverdict.comparator.scaling;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.Workload;
import dev.loadverdict.model.scaling.CurveChange;
import dev.loadverdict.model.scaling.CurveId;
import dev.loadverdict.model.scaling.Knee;
import dev.loadverdict.model.scaling.LevelChange;
import dev.loadverdict.model.scaling.LoadKind;
import dev.loadverdict.model.scaling.ScalingAnalysis;
import dev.loadverdict.model.scaling.ScalingComparison;
import dev.loadverdict.model.scaling.ScalingCurve;
import dev.loadverdict.model.scaling.ScalingLevel;
import dev.loadverdict.model.scaling.ScalingPoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Capacity curves from runs at several load levels, and their comparison with a baseline's curves.
 *
 * <p><b>Levels.</b> Each run's level is given explicitly, or read from its workload: the arrival rate of an open
 * model, else its users/VUs, else its arrival rate. A curve needs at least {@value #MIN_LEVELS} levels of one kind
 * (users or arrivals per second), each level once; anything else is refused with an {@link InputException} naming the
 * run at fault.
 *
 * <p><b>Points.</b> Per level, for each service total and endpoint: requests, failures, throughput (the run's
 * requests per second, else requests over the run's duration), and p50/p95/p99 when the source gives them (never
 * derived from an average).
 *
 * <p><b>Knee.</b> On successful throughput ({@link ScalingPoint#okThroughput()}: requests per second less the failed
 * share, as a server that rejects fast raises throughput, not capacity), with levels x<sub>0</sub> &lt; … &lt;
 * x<sub>n</sub> and successful throughputs T<sub>i</sub>: the knee is the lowest level x<sub>k</sub> below the highest
 * such that no higher level serves more than {@value #KNEE_TOLERANCE} more, T<sub>j</sub> &le; (1 + tolerance) ×
 * T<sub>k</sub> for every j &gt; k: from there on, added load buys (almost) nothing. The lowest level is the knee
 * ({@link Knee.State#AT_LOWEST}, saturated at or below it) when k = 0; no such level below the highest means the knee is
 * not reached; fewer than {@value #MIN_LEVELS} points or a level without throughput leave it unknown.
 *
 * <p><b>Error onset.</b> The lowest level x<sub>k</sub> whose error rate is at least {@value #ONSET_POINTS} percentage
 * point above the highest error rate of every lower level (0 below the lowest) with at least
 * {@value #ONSET_MIN_FAILURES} failures: errors that rise with load, not a constant trickle nor one stray failure.
 *
 * <p><b>Comparison.</b> Per curve both sides have: the knees, the onsets, and at each level both measured the change
 * of successful throughput and p95. A curve loses capacity when its knee lies at a lower load than the baseline's (or, the
 * baseline having none, below the baseline's highest level); when its errors begin at a lower load (or within the
 * baseline's levels where it had none); or when successful throughput at a shared level fell by more than the threshold.
 */
public final class ScalingAnalyzer {

    /** The fewest load levels of a curve. */
    public static final int MIN_LEVELS = 3;
    /** Beyond the knee, no level serves more than this share above the knee's successful throughput. */
    public static final double KNEE_TOLERANCE = 0.10;
    /** How far, in percentage points, the error rate must rise above every lower level's to mark the onset. */
    public static final double ONSET_POINTS = 1.0;
    /** The fewest failures at the onset level. */
    public static final long ONSET_MIN_FAILURES = 5;
    /** The default throughput drop at a shared level, in percent, that is a regression. */
    public static final double DEFAULT_THROUGHPUT_DROP = 10.0;

    private ScalingAnalyzer() {
    }

    /**
     * The curves of runs at several load levels, in any order.
     *
     * @throws InputException when a run has no level, the levels mix users and arrival rates, two runs share a level,
     *                        or there are fewer than {@value #MIN_LEVELS} levels
     */
    public static ScalingAnalysis analyze(List<LevelRun> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        List<Leveled> leveled = new ArrayList<>();
        for (LevelRun r : runs) {
            leveled.add(level(r));
        }
        Leveled first = leveled.get(0);
        for (Leveled l : leveled) {
            if (l.kind != first.kind) {
                throw new InputException(l.run.source(), "is at " + load(l.load) + " " + l.kind.unit() + " but "
                        + first.run.source() + " at " + load(first.load) + " " + first.kind.unit()
                        + ": a capacity curve counts one kind of load");
            }
        }
        leveled.sort(Comparator.comparingDouble(l -> l.load));
        for (int i = 1; i < leveled.size(); i++) {
            if (leveled.get(i).load == leveled.get(i - 1).load) {
                throw new InputException(leveled.get(i).run.source(), "is at " + load(leveled.get(i).load) + " "
                        + first.kind.unit() + ", as " + leveled.get(i - 1).run.source()
                        + " is: each load level of a curve is measured once");
            }
        }
        if (leveled.size() < MIN_LEVELS) {
            throw new InputException(first.run.source(), "a capacity curve needs at least " + MIN_LEVELS
                    + " load levels, not " + leveled.size());
        }
        Map<CurveId, List<ScalingPoint>> curves = new LinkedHashMap<>();
        List<ScalingLevel> levels = new ArrayList<>();
        for (Leveled l : leveled) {
            levels.add(new ScalingLevel(l.load, l.run.source()));
            addPoints(l, curves);
        }
        return fromPoints(first.kind, levels, curves);
    }

    /**
     * The curves of points already measured (a saved analysis read back): knees and onsets are computed here, so they
     * follow this class's definitions whatever wrote the points.
     *
     * @param curves per curve its points by ascending load, each service's total before its endpoints
     */
    public static ScalingAnalysis fromPoints(LoadKind kind, List<ScalingLevel> levels,
                                             Map<CurveId, List<ScalingPoint>> curves) {
        List<ScalingCurve> result = new ArrayList<>();
        for (Map.Entry<CurveId, List<ScalingPoint>> c : curves.entrySet()) {
            List<ScalingPoint> points = c.getValue();
            result.add(new ScalingCurve(c.getKey(), points, knee(points), errorOnset(points)));
        }
        return new ScalingAnalysis(kind, levels, result);
    }

    /**
     * The current curves against the baseline's.
     *
     * @param throughputDropPercent a throughput drop at a shared level beyond this many percent is a regression
     * @throws InputException when the two count different kinds of load
     */
    public static ScalingComparison compare(ScalingAnalysis baseline, ScalingAnalysis current, double throughputDropPercent) {
        if (baseline.kind() != current.kind()) {
            throw new InputException(baseline.levels().get(0).source(), "the baseline's levels count "
                    + baseline.kind().unit() + " but the runs' count " + current.kind().unit());
        }
        List<CurveChange> changes = new ArrayList<>();
        for (ScalingCurve cur : current.curves()) {
            baseline.curve(cur.id()).ifPresent(base -> changes.add(change(base, cur, throughputDropPercent)));
        }
        return new ScalingComparison(baseline, throughputDropPercent, changes);
    }

    /** The knee of points by ascending load; see the class documentation. */
    static Knee knee(List<ScalingPoint> points) {
        if (points.size() < MIN_LEVELS || points.stream().anyMatch(p -> p.throughput().isEmpty())) {
            return Knee.unknown();
        }
        double[] served = points.stream().mapToDouble(p -> p.okThroughput().getAsDouble()).toArray();
        double highestAbove = served[served.length - 1];
        int knee = -1;
        // from the top down: the lowest level that every higher level exceeds by at most the tolerance
        for (int k = served.length - 2; k >= 0; k--) {
            if (highestAbove <= (1 + KNEE_TOLERANCE) * served[k]) {
                knee = k;
            }
            highestAbove = Math.max(highestAbove, served[k]);
        }
        return knee < 0 ? Knee.notReached() : Knee.at(points.get(knee).load(), knee == 0);
    }

    /** The error onset of points by ascending load; see the class documentation. */
    static OptionalDouble errorOnset(List<ScalingPoint> points) {
        double highestBelow = 0;
        for (ScalingPoint p : points) {
            OptionalDouble rate = p.errorRatePercent();
            if (rate.isEmpty()) {
                continue;
            }
            if (rate.getAsDouble() - highestBelow >= ONSET_POINTS && p.failures() >= ONSET_MIN_FAILURES) {
                return OptionalDouble.of(p.load());
            }
            highestBelow = Math.max(highestBelow, rate.getAsDouble());
        }
        return OptionalDouble.empty();
    }

    private static CurveChange change(ScalingCurve base, ScalingCurve cur, double dropPercent) {
        List<LevelChange> levels = new ArrayList<>();
        boolean dropped = false;
        for (ScalingPoint c : cur.points()) {
            var b = base.at(c.load());
            if (b.isEmpty()) {
                continue;
            }
            OptionalDouble before = b.get().okThroughput();
            OptionalDouble now = c.okThroughput();
            boolean drop = before.isPresent() && now.isPresent() && before.getAsDouble() > 0
                    && 100 * (before.getAsDouble() - now.getAsDouble()) / before.getAsDouble() > dropPercent;
            dropped |= drop;
            levels.add(new LevelChange(c.load(), before, now, b.get().p95(), c.p95(), drop));
        }
        List<CurveChange.Regression> regressions = new ArrayList<>();
        if (kneeLower(base, cur)) {
            regressions.add(CurveChange.Regression.KNEE_AT_LOWER_LOAD);
        }
        if (onsetLower(base, cur)) {
            regressions.add(CurveChange.Regression.ERRORS_AT_LOWER_LOAD);
        }
        if (dropped) {
            regressions.add(CurveChange.Regression.THROUGHPUT_DROP);
        }
        return new CurveChange(cur.id(), base.knee(), cur.knee(), base.errorOnset(), cur.errorOnset(), levels, regressions);
    }

    /**
     * Whether the current knee provably lies at a lower load: below the baseline's knee, or below the highest level of
     * a baseline that had none. A baseline saturated at its lowest level (its knee there or below) proves nothing.
     */
    private static boolean kneeLower(ScalingCurve base, ScalingCurve cur) {
        if (cur.knee().load().isEmpty()) {
            return false;
        }
        double k = cur.knee().load().getAsDouble();
        return switch (base.knee().state()) {
            case FOUND -> k < base.knee().load().getAsDouble();
            case NOT_REACHED -> k < highest(base);
            default -> false;
        };
    }

    /** Whether errors begin at a lower load: below the baseline's onset, or within its levels where it had none. */
    private static boolean onsetLower(ScalingCurve base, ScalingCurve cur) {
        if (cur.errorOnset().isEmpty()) {
            return false;
        }
        double o = cur.errorOnset().getAsDouble();
        return base.errorOnset().isPresent() ? o < base.errorOnset().getAsDouble() : o <= highest(base);
    }

    private static double highest(ScalingCurve curve) {
        return curve.points().get(curve.points().size() - 1).load();
    }

    private record Leveled(LevelRun run, LoadKind kind, double load) {
    }

    private static Leveled level(LevelRun r) {
        if (r.kind().isPresent()) {
            return new Leveled(r, r.kind().get(), r.load().getAsDouble());
        }
        Workload w = r.run().metadata().workload();
        boolean rate = w.arrivalRate().isPresent() && w.arrivalRate().getAsDouble() > 0;
        boolean users = w.users().isPresent() && w.users().getAsInt() > 0;
        if (rate && (w.model() == Workload.Model.OPEN || !users)) {
            return new Leveled(r, LoadKind.ARRIVAL_RATE, w.arrivalRate().getAsDouble());
        }
        if (users) {
            return new Leveled(r, LoadKind.USERS, w.users().getAsInt());
        }
        throw new InputException(r.source(), "records no load level (neither users/VUs nor an arrival rate)");
    }

    private static void addPoints(Leveled l, Map<CurveId, List<ScalingPoint>> curves) {
        Run run = l.run.run();
        OptionalDouble seconds = run.metadata().duration()
                .filter(d -> !d.isZero()).map(d -> OptionalDouble.of(d.toMillis() / 1000.0)).orElse(OptionalDouble.empty());
        for (ServiceStats s : run.services()) {
            curves.computeIfAbsent(CurveId.total(s.name()), k -> new ArrayList<>()).add(point(l.load, s.total(), seconds));
            Map<String, EndpointStats> sorted = new TreeMap<>();
            s.endpoints().forEach(e -> sorted.put(e.id().key(), e));
            for (EndpointStats e : sorted.values()) {
                curves.computeIfAbsent(CurveId.endpoint(s.name(), e.id().key()), k -> new ArrayList<>())
                        .add(point(l.load, e, seconds));
            }
        }
        // keep each service's total before its endpoints, whichever level first named them
        List<Map.Entry<CurveId, List<ScalingPoint>>> entries = new ArrayList<>(curves.entrySet());
        List<String> services = entries.stream().map(e -> e.getKey().service()).distinct().toList();
        entries.sort(Comparator.comparingInt((Map.Entry<CurveId, List<ScalingPoint>> e) -> services.indexOf(e.getKey().service()))
                .thenComparing(Map.Entry::getKey));
        curves.clear();
        entries.forEach(e -> curves.put(e.getKey(), e.getValue()));
    }

    private static ScalingPoint point(double load, EndpointStats e, OptionalDouble seconds) {
        OptionalDouble throughput = e.throughput().isPresent() ? e.throughput()
                : seconds.isPresent() ? OptionalDouble.of(e.requests() / seconds.getAsDouble()) : OptionalDouble.empty();
        return new ScalingPoint(load, e.requests(), e.failures(), throughput, e.latency().percentile(50),
                e.latency().percentile(95), e.latency().percentile(99));
    }

    /** A level for messages: {@code 20}, {@code 2.5}. */
    static String load(double load) {
        return load == Math.rint(load) && Math.abs(load) < 1e15 ? String.format(Locale.ROOT, "%.0f", load)
                : java.math.BigDecimal.valueOf(load).stripTrailingZeros().toPlainString();
    }
}
