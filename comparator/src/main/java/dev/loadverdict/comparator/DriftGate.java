package dev.loadverdict.comparator;

import dev.loadverdict.model.Direction;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.compare.AppliedRule;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.compare.Significance;
import dev.loadverdict.model.config.Conditions;
import dev.loadverdict.model.config.MetricRule;
import dev.loadverdict.model.config.RuleSet;
import dev.loadverdict.model.config.SeverityBlock;

import org.apache.commons.statistics.descriptive.Median;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The drift gate ({@code history.drift}): the run against a pinned reference in its suite's history rather than
 * against the baseline, which each promotion moves along, so that a slide of 1 % a night, below every per-run
 * threshold, is caught once it adds up.
 *
 * <p>The reference's level is the median of its first runs ({@code window}). A drift is a level that moved, not one
 * slow run: the current level is the median of this run and the suite's newest runs before it (as many as the
 * window, this run included), and the change is that level minus the reference's, in the metric's bad direction.
 * A severity holds when each of its relative and delta conditions that is set is exceeded (limits are the per-run
 * gate's business) by the current level's change <em>and</em> by this run's own, so that a run back at the old
 * level is not flagged for its predecessors. A change that reaches a severity but stays inside the reference
 * window's noise band (median ± k · 1.4826 · MAD, from 5 runs on) is noise: no severity, as in the per-run gate.
 * Only regressions and such noise are reported; a metric within its thresholds gives no finding.
 */
public final class DriftGate {

    /** The fewest reference runs a noise band is taken from. */
    static final int MIN_BAND_RUNS = 5;

    private DriftGate() {
    }

    /**
     * The pinned reference.
     *
     * @param label how reports name it: {@code v21 (8984005)}
     * @param window how its level was taken: {@code median of v21–v25}
     * @param levels per {@link #key series key}, the values of the reference's window runs that have it
     * @param recentRuns how reports name the newest runs before this one: {@code v27–v30}; empty when there are none
     * @param recent per series key, the values of those runs
     */
    public record Reference(String label, String window, Map<String, double[]> levels, String recentRuns,
                            Map<String, double[]> recent) {
        public Reference {
            Objects.requireNonNull(label, "label == null");
            Objects.requireNonNull(window, "window == null");
            levels = Map.copyOf(Objects.requireNonNull(levels, "levels == null"));
            Objects.requireNonNull(recentRuns, "recentRuns == null");
            recent = Map.copyOf(Objects.requireNonNull(recent, "recent == null"));
        }

        /** A reference without recent runs: the run alone is the current level. */
        public Reference(String label, String window, Map<String, double[]> levels) {
            this(label, window, levels, "", Map.of());
        }
    }

    /** The key of a series in {@link Reference#levels()}. */
    public static String key(String service, Optional<String> endpoint, Metric metric) {
        return service + "\u0000" + endpoint.orElse("") + "\u0000" + metric.key();
    }

    /** The drift findings of a run: one per series whose drift reaches a severity (or would, but for noise). */
    public static List<Finding> check(Run run, Reference reference, RuleSet rules, double noiseK) {
        List<Finding> out = new ArrayList<>();
        for (ServiceStats s : run.services()) {
            check(out, s.name(), Optional.empty(), s.total(), reference, rules, noiseK);
            for (EndpointStats e : s.endpoints()) {
                check(out, s.name(), Optional.of(e.id().key()), e, reference, rules, noiseK);
            }
        }
        return out;
    }

    private static void check(List<Finding> out, String service, Optional<String> endpoint, EndpointStats stats,
                              Reference reference, RuleSet rules, double noiseK) {
        for (Map.Entry<Metric, MetricRule> r : rules.metrics().entrySet()) {
            Metric metric = r.getKey();
            double[] window = reference.levels().get(key(service, endpoint, metric));
            OptionalDouble now = metric.valueOf(stats);
            if (window == null || window.length == 0 || now.isEmpty()) {
                continue;
            }
            double level = median(window);
            double own = now.getAsDouble();
            double[] before = reference.recent().getOrDefault(key(service, endpoint, metric), new double[0]);
            double[] recent = Arrays.copyOf(before, before.length + 1);
            recent[before.length] = own;
            double current = median(recent);
            double change = change(metric, level, current);
            OptionalDouble relative = relative(level, change);
            Optional<Conditions> warning = r.getValue().warning().flatMap(SeverityBlock::conditions);
            Optional<Conditions> critical = r.getValue().critical().flatMap(SeverityBlock::conditions);
            Severity severity = lesser(severity(warning, critical, change, relative),
                    severity(warning, critical, change(metric, level, own), relative(level, change(metric, level, own))));
            if (severity == Severity.NONE) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            String measured = before.length == 0 ? "this run" : "the median of this run (" + value(metric, own) + ") and "
                    + reference.recentRuns();
            reasons.add(severity.id() + ": " + measured + ", " + describe(metric, change, relative) + " since " + reference.label()
                    + " (" + reference.window() + ": " + value(metric, level) + "), exceeds "
                    + thresholds(metric, severity == Severity.CRITICAL ? critical.orElseThrow() : warning.orElseThrow())
                    + (before.length == 0 ? "" : ", and so does this run alone"));
            Outcome outcome = Outcome.REGRESSION;
            if (window.length >= MIN_BAND_RUNS) {
                double halfWidth = noiseK * 1.4826 * mad(window, level);
                if (Math.abs(current - level) <= halfWidth) {
                    reasons.add("within the reference's noise band: " + value(metric, level) + " ± " + value(metric, halfWidth));
                    outcome = Outcome.WITHIN_NOISE;
                    severity = Severity.NONE;
                }
            }
            out.add(new Finding(Optional.empty(), service, endpoint, metric, OptionalDouble.of(level), OptionalDouble.of(current),
                    OptionalDouble.of(change), relative, 0, stats.requests(), outcome, severity,
                    new AppliedRule(warning, r.getValue().warning().isPresent() ? r.getValue().source() : "",
                            critical, r.getValue().critical().isPresent() ? r.getValue().source() : ""),
                    reasons, Significance.notTestable("the drift gate compares with the median of " + window.length
                            + " recorded run" + (window.length == 1 ? "" : "s") + ", not with samples"),
                    Optional.of(reference.label())));
        }
    }

    private static double change(Metric metric, double level, double value) {
        return metric.direction() == Direction.HIGHER_IS_BETTER ? level - value : value - level;
    }

    private static OptionalDouble relative(double level, double change) {
        return level == 0 ? OptionalDouble.empty() : OptionalDouble.of(change / Math.abs(level) * 100);
    }

    private static Severity severity(Optional<Conditions> warning, Optional<Conditions> critical, double change, OptionalDouble relative) {
        return holds(critical, change, relative) ? Severity.CRITICAL : holds(warning, change, relative) ? Severity.WARNING : Severity.NONE;
    }

    private static Severity lesser(Severity a, Severity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Whether every relative and delta condition that is set is exceeded (and at least one is set). */
    private static boolean holds(Optional<Conditions> conditions, double change, OptionalDouble relative) {
        if (conditions.isEmpty()) {
            return false;
        }
        Conditions c = conditions.get();
        if (c.relativePercent().isEmpty() && c.delta().isEmpty()) {
            return false;
        }
        boolean ok = true;
        if (c.relativePercent().isPresent()) {
            ok = relative.isPresent() && relative.getAsDouble() > c.relativePercent().getAsDouble();
        }
        if (c.delta().isPresent()) {
            ok &= change > c.delta().getAsDouble();
        }
        return ok;
    }

    private static String thresholds(Metric metric, Conditions c) {
        List<String> parts = new ArrayList<>();
        c.relativePercent().ifPresent(r -> parts.add(Numbers.configured(r) + "%"));
        c.delta().ifPresent(d -> parts.add(Numbers.withUnit(Numbers.configured(d), metric.unit().deltaSymbol())));
        return String.join(" and ", parts);
    }

    /** The change in the metric's bad direction, as the per-run gate's reasons write one: {@code +25.0 ms (+25.0%)}. */
    private static String describe(Metric metric, double change, OptionalDouble relative) {
        String sign = metric.direction() == Direction.HIGHER_IS_BETTER ? "-" : "+";
        return sign + Numbers.withUnit(Numbers.measured(change), metric.unit().deltaSymbol())
                + relative.stream().mapToObj(r -> " (" + sign + Numbers.signedPercent(r).replace("+", "") + "%)").findFirst().orElse("");
    }

    private static String value(Metric metric, double v) {
        return Numbers.withUnit(Numbers.measured(v), metric.unit().symbol());
    }

    private static final Median MEDIAN = Median.withDefaults().withCopy(true);

    static double median(double[] values) {
        return MEDIAN.evaluate(values);
    }

    private static double mad(double[] values, double median) {
        return MEDIAN.evaluate(Arrays.stream(values).map(x -> Math.abs(x - median)).toArray());
    }
}
