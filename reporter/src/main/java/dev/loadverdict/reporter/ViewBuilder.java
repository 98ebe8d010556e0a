package dev.loadverdict.reporter;

import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.EndpointChange;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;

import java.util.List;
import java.util.stream.Stream;

/** Turns a {@link Comparison} into the {@link View.Report} both templates read. */
final class ViewBuilder {
    private ViewBuilder() {
    }

    static View.Report build(Comparison comparison) {
        List<View.Row> regressions = rows(comparison.regressions().stream());
        List<View.Row> improvements = rows(comparison.findings().stream()
                .filter(f -> f.outcome() == Outcome.IMPROVEMENT));
        List<View.EndpointChange> added = changes(comparison, EndpointChange.Kind.NEW);
        List<View.EndpointChange> missing = changes(comparison, EndpointChange.Kind.MISSING);
        return new View.Report(
                Trusted.of(comparison.verdict().name()),
                summary(comparison),
                ContextBuilder.build(comparison),
                regressions,
                comparison.scopes().stream().map(s -> service(comparison, s)).toList(),
                improvements,
                added,
                missing,
                View.Columns.of(Stream.concat(regressions.stream(), improvements.stream()).toList()),
                View.Columns.ofChanges(Stream.concat(added.stream(), missing.stream()).toList()));
    }

    /**
     * {@code 2 critical, 1 warning regressions}, or {@code no regressions}; with no baseline, where only limits were
     * checked, {@code 1 critical limit breach} or {@code no limit breached}.
     */
    static Trusted summary(Comparison comparison) {
        long critical = count(comparison, Severity.CRITICAL);
        long warning = count(comparison, Severity.WARNING);
        boolean limitsOnly = comparison.baseline().isEmpty();
        if (critical == 0 && warning == 0) {
            return Trusted.of(limitsOnly ? "no limit breached" : "no regressions");
        }
        String noun = limitsOnly ? (critical + warning == 1 ? " limit breach" : " limit breaches")
                : (critical + warning == 1 ? " regression" : " regressions");
        if (critical == 0) {
            return Trusted.of(warning + " warning" + noun);
        }
        if (warning == 0) {
            return Trusted.of(critical + " critical" + noun);
        }
        return Trusted.of(critical + " critical, " + warning + " warning" + noun);
    }

    private static long count(Comparison comparison, Severity severity) {
        return comparison.regressions().stream().filter(f -> f.severity() == severity).count();
    }

    private static View.Service service(Comparison comparison, String service) {
        List<Finding> findings = comparison.findingsIn(service);
        List<View.Row> attention = rows(findings.stream().filter(f -> needsAttention(f.outcome())));
        List<View.Row> improvements = rows(findings.stream().filter(f -> f.outcome() == Outcome.IMPROVEMENT));
        // checks that passed with nothing to show: unchanged, or (with no baseline value) within their limits
        List<View.Row> unchanged = rows(findings.stream()
                .filter(f -> f.outcome() == Outcome.UNCHANGED || f.outcome() == Outcome.WITHIN_LIMITS));
        long withinLimits = findings.stream().filter(f -> f.outcome() == Outcome.WITHIN_LIMITS).count();
        return new View.Service(
                UntrustedText.tidy(service),
                attention,
                improvements,
                unchanged,
                Trusted.of(Labels.plural(improvements.size(), "improvement", "improvements")),
                Trusted.of(passedCount(unchanged.size() - (int) withinLimits, (int) withinLimits)),
                View.Columns.of(attention));
    }

    /** {@code 6 unchanged checks}, {@code 4 checks within their limits}, or both joined. */
    private static String passedCount(int unchanged, int withinLimits) {
        String limits = Labels.plural(withinLimits, "check", "checks") + " within " + (withinLimits == 1 ? "its" : "their")
                + " limits";
        if (withinLimits == 0) {
            return Labels.plural(unchanged, "unchanged check", "unchanged checks");
        }
        return unchanged == 0 ? limits : Labels.plural(unchanged, "unchanged check", "unchanged checks") + ", " + limits;
    }

    private static boolean needsAttention(Outcome outcome) {
        return outcome == Outcome.REGRESSION || outcome == Outcome.WITHIN_NOISE || outcome == Outcome.WORSE_WITHIN_THRESHOLD
                || outcome == Outcome.NOT_COMPARABLE;
    }

    private static List<View.Row> rows(Stream<Finding> findings) {
        return findings.map(ViewBuilder::row).toList();
    }

    static View.Row row(Finding f) {
        var unit = f.metric().unit();
        var rule = f.rule();
        var fired = f.severity() == Severity.CRITICAL ? rule.critical() : rule.warning();
        return new View.Row(
                UntrustedText.tidy(f.scopeLabel()),
                UntrustedText.tidy(f.endpointLabel()),
                Trusted.of(Labels.metric(f.metric())),
                Trusted.of(ValueFormatter.value(unit, f.baseline())),
                Trusted.of(ValueFormatter.value(unit, f.current())),
                Trusted.of(ValueFormatter.change(f)),
                Trusted.of(ThresholdFormatter.describe(f.metric(), fired)),
                Trusted.of(ThresholdFormatter.describe(f.metric(), rule.critical())),
                Trusted.of(ThresholdFormatter.describe(f.metric(), rule.warning())),
                Trusted.of(Labels.outcome(f)),
                Trusted.of(Labels.outcomeWithIcon(f)),
                Explanations.brief(f, Explanations.BRIEF),
                Explanations.full(f).stream().map(c -> UntrustedText.sanitize(c).strip()).toList());
    }

    private static List<View.EndpointChange> changes(Comparison comparison, EndpointChange.Kind kind) {
        return comparison.endpointChanges().stream()
                .filter(c -> c.kind() == kind)
                .map(c -> new View.EndpointChange(
                        UntrustedText.tidy(c.scopeLabel()),
                        UntrustedText.tidy(c.endpoint()),
                        Trusted.of(ValueFormatter.count(c.requests())),
                        Trusted.of(Labels.plural(c.requests(), "request", "requests"))))
                .toList();
    }
}
