package dev.loadverdict.reporter;

import dev.loadverdict.model.Unit;
import dev.loadverdict.model.scaling.CurveChange;
import dev.loadverdict.model.scaling.Knee;
import dev.loadverdict.model.scaling.LevelChange;
import dev.loadverdict.model.scaling.ScalingAnalysis;
import dev.loadverdict.model.scaling.ScalingComparison;
import dev.loadverdict.model.scaling.ScalingCurve;
import dev.loadverdict.model.scaling.ScalingPoint;
import dev.loadverdict.model.scaling.ScalingReport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Builds the {@link ScalingView} of a capacity-curve report: every number formatted, every name tidied. */
final class ScalingViewBuilder {

    private ScalingViewBuilder() {
    }

    static ScalingView.Report build(ScalingReport report) {
        ScalingAnalysis current = report.current();
        String unit = current.kind().unit();
        List<ScalingView.Curve> totals = new ArrayList<>();
        List<ScalingView.Curve> endpoints = new ArrayList<>();
        for (ScalingCurve c : current.curves()) {
            (c.id().isTotal() ? totals : endpoints).add(curve(c, unit));
        }
        List<ScalingView.Change> changes = new ArrayList<>();
        report.comparison().ifPresent(comparison -> {
            comparison.changes().stream().filter(c -> c.id().isTotal()).forEach(c -> changes.add(change(c, comparison, current, unit)));
            comparison.changes().stream().filter(c -> !c.id().isTotal()).forEach(c -> changes.add(change(c, comparison, current, unit)));
        });
        Trusted verdict = report.comparison().map(c -> Trusted.of(c.regressed() ? "FAIL" : "PASS")).orElse(Trusted.EMPTY);
        return new ScalingView.Report(verdict, Trusted.of(summary(report)), Trusted.of(unit), levels(current),
                totals, endpoints, report.comparison().isPresent(), changes,
                report.comparison().map(c -> levels(c.baseline())).orElse(List.of()), definitions(report));
    }

    private static List<ScalingView.Level> levels(ScalingAnalysis analysis) {
        return analysis.levels().stream().map(l -> new ScalingView.Level(Trusted.of(load(l.load()) + " "
                + analysis.kind().unit()), UntrustedText.tidy(l.source()))).toList();
    }

    private static String summary(ScalingReport report) {
        ScalingAnalysis current = report.current();
        String unit = current.kind().unit();
        if (report.comparison().isPresent()) {
            ScalingComparison c = report.comparison().get();
            long regressed = c.changes().stream().filter(ch -> ch.id().isTotal() && ch.regressed()).count();
            if (regressed == 0) {
                return "no capacity regression in " + count(c.changes().stream().filter(ch -> ch.id().isTotal()).count(),
                        "service total");
            }
            return "capacity regression in " + count(regressed, "service total");
        }
        List<ScalingCurve> totals = current.totals();
        if (totals.size() != 1) {
            return count(totals.size(), "service total") + " at " + count(current.levels().size(), "load level");
        }
        ScalingCurve t = totals.get(0);
        return "knee " + kneeWords(t.knee(), t, unit) + "; errors begin " + onsetWords(t.errorOnset(), t, unit);
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static List<Trusted> definitions(ScalingReport report) {
        List<Trusted> out = new ArrayList<>();
        out.add(Trusted.of("Knee: the lowest level beyond which no level serves more than 10% more successful requests"
                + " per second (ok req/s); growth is a percentile as a multiple of the lowest level's."));
        out.add(Trusted.of("Errors begin at the lowest level whose error rate is at least 1 percentage point above every"
                + " lower level's, with at least 5 failures."));
        report.comparison().ifPresent(c -> out.add(Trusted.of("A capacity regression: a service total's knee at lower"
                + " load, errors beginning at lower load, or successful throughput at a shared level more than "
                + ValueFormatter.amount(c.throughputDropPercent()) + "% lower; endpoints are reported, never failed.")));
        return out;
    }

    private static ScalingView.Curve curve(ScalingCurve c, String unit) {
        List<ScalingView.Row> rows = new ArrayList<>();
        for (int i = 0; i < c.points().size(); i++) {
            ScalingPoint p = c.points().get(i);
            List<String> marks = new ArrayList<>();
            if (c.knee().load().isPresent() && c.knee().load().getAsDouble() == p.load()) {
                marks.add("knee");
            }
            if (c.errorOnset().isPresent() && c.errorOnset().getAsDouble() == p.load()) {
                marks.add("errors begin");
            }
            rows.add(new ScalingView.Row(Trusted.of(load(p.load())), Trusted.of(ValueFormatter.count(p.requests())),
                    value(Unit.REQUESTS_PER_SECOND, p.throughput()), value(Unit.REQUESTS_PER_SECOND, p.okThroughput()),
                    value(Unit.MILLISECONDS, p.p50()),
                    value(Unit.MILLISECONDS, p.p95()), growth(c.growth(i, ScalingCurve.Percentile.P95)),
                    value(Unit.MILLISECONDS, p.p99()), growth(c.growth(i, ScalingCurve.Percentile.P99)),
                    value(Unit.PERCENT, p.errorRatePercent()), Trusted.of(String.join(", ", marks))));
        }
        return new ScalingView.Curve(UntrustedText.tidy(c.id().service()), UntrustedText.tidy(c.id().endpointLabel()),
                Trusted.of(kneeWords(c.knee(), c, unit)), Trusted.of(onsetWords(c.errorOnset(), c, unit)), rows);
    }

    private static ScalingView.Change change(CurveChange c, ScalingComparison comparison, ScalingAnalysis current,
                                            String unit) {
        ScalingCurve base = comparison.baseline().curve(c.id()).orElseThrow();
        double highest = base.points().get(base.points().size() - 1).load();
        List<Trusted> reasons = new ArrayList<>();
        for (CurveChange.Regression r : c.regressions()) {
            reasons.add(Trusted.of(switch (r) {
                case KNEE_AT_LOWER_LOAD -> base.knee().state() == Knee.State.FOUND
                        ? "the knee moved from " + load(base.knee().load().getAsDouble()) + " to "
                        + load(c.currentKnee().load().getAsDouble()) + " " + unit
                        : "the knee is at " + load(c.currentKnee().load().getAsDouble()) + " " + unit
                        + "; the baseline's throughput still grew up to " + load(highest) + " " + unit;
                case ERRORS_AT_LOWER_LOAD -> c.baselineOnset().isPresent()
                        ? "errors begin at " + load(c.currentOnset().getAsDouble()) + " " + unit + ", in the baseline at "
                        + load(c.baselineOnset().getAsDouble()) + " " + unit
                        : "errors begin at " + load(c.currentOnset().getAsDouble()) + " " + unit
                        + "; the baseline had none up to " + load(highest) + " " + unit;
                case THROUGHPUT_DROP -> "successful throughput fell more than " + ValueFormatter.amount(comparison.throughputDropPercent())
                        + "% at " + String.join(", ", c.levels().stream().filter(LevelChange::throughputDropped)
                        .map(l -> load(l.load())).toList()) + " " + unit;
            }));
        }
        ScalingCurve cur = current.curve(c.id()).orElseThrow();
        String kneeBase = kneeWords(c.baselineKnee(), base, unit);
        String kneeCur = kneeWords(c.currentKnee(), cur, unit);
        List<ScalingView.LevelRow> levels = c.levels().stream().map(l -> new ScalingView.LevelRow(Trusted.of(load(l.load())),
                value(Unit.REQUESTS_PER_SECOND, l.baselineThroughput()), value(Unit.REQUESTS_PER_SECOND, l.currentThroughput()),
                relative(l.throughputChangePercent()), value(Unit.MILLISECONDS, l.baselineP95()),
                value(Unit.MILLISECONDS, l.currentP95()), relative(l.p95ChangePercent()),
                Trusted.of(l.throughputDropped() ? "throughput drop" : ""))).toList();
        String outcome = !c.regressed() ? "ok" : c.id().isTotal() ? "regression" : "regression (endpoint: reported, not failed)";
        return new ScalingView.Change(UntrustedText.tidy(c.id().service()), UntrustedText.tidy(c.id().endpointLabel()),
                Trusted.of(kneeBase + " → " + kneeCur), Trusted.of(onsetWords(c.baselineOnset(), base, unit) + " → "
                + onsetWords(c.currentOnset(), cur, unit)), Trusted.of(outcome), reasons, levels);
    }

    /** {@code at 20 users}, {@code at or below 5 users}, {@code not reached up to 50 users}, {@code unknown (…)}. */
    static String kneeWords(Knee knee, ScalingCurve curve, String unit) {
        return switch (knee.state()) {
            case FOUND -> "at " + load(knee.load().getAsDouble()) + " " + unit;
            case AT_LOWEST -> "at or below " + load(knee.load().getAsDouble()) + " " + unit;
            case NOT_REACHED -> "not reached up to " + load(highest(curve)) + " " + unit;
            case UNKNOWN -> curve.points().size() < 3 ? "unknown (fewer than 3 levels)" : "unknown (a level without throughput)";
        };
    }

    static String onsetWords(OptionalDouble onset, ScalingCurve curve, String unit) {
        return onset.isPresent() ? "at " + load(onset.getAsDouble()) + " " + unit
                : "beyond " + load(highest(curve)) + " " + unit + " (none up to there)";
    }

    private static double highest(ScalingCurve c) {
        return c.points().get(c.points().size() - 1).load();
    }

    private static Trusted value(Unit unit, OptionalDouble v) {
        return Trusted.of(ValueFormatter.value(unit, v));
    }

    private static Trusted relative(OptionalDouble percent) {
        return Trusted.of(percent.isPresent() ? ValueFormatter.relative(percent.getAsDouble()) : ValueFormatter.MISSING);
    }

    private static Trusted growth(OptionalDouble ratio) {
        return Trusted.of(ratio.isPresent() ? "×" + String.format(Locale.ROOT, "%.1f", ratio.getAsDouble()) : ValueFormatter.MISSING);
    }

    /** A level: {@code 20}, {@code 2.5}. */
    static String load(double load) {
        return BigDecimal.valueOf(load).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
