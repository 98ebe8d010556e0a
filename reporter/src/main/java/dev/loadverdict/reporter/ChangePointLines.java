package dev.loadverdict.reporter;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.history.Acknowledgement;
import dev.loadverdict.model.history.ChangePoint;
import dev.loadverdict.model.history.HistoryAnalysis;
import dev.loadverdict.model.history.MetricChanges;
import dev.loadverdict.model.history.RunRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The change points of the baseline suite's current segment, as the reports list them: one sentence per point, plain
 * text with names tidied (the templates escape it), and a heading. Empty when the comparison carries no history or the
 * current segment has no change point.
 */
final class ChangePointLines {

    private ChangePointLines() {
    }

    static String heading(HistoryAnalysis a) {
        long pending = a.current().stream().flatMap(m -> m.changePoints().stream()).filter(c -> c.status() == ChangePoint.Status.PENDING).count();
        long all = a.current().stream().mapToLong(m -> m.changePoints().size()).sum();
        return "Change points in suite " + UntrustedText.tidy(a.suite()) + "'s history"
                + a.since().filter(r -> r.version() > 1).map(r -> " since " + ref(r)).orElse("") + ": "
                + Labels.plural((int) all, "step", "steps") + (pending > 0 ? ", " + pending + " of them pending" : "")
                + " (E-divisive means over " + Labels.plural(a.runs(), "recorded run", "recorded runs") + ")";
    }

    static List<String> lines(HistoryAnalysis a) {
        List<String> out = new ArrayList<>();
        for (MetricChanges m : a.current()) {
            for (ChangePoint c : m.changePoints()) {
                out.add(line(m, c, a.settings()));
            }
        }
        for (Acknowledgement ack : a.acknowledgements()) {
            out.add("Acknowledged step at " + ref(ack.at()) + ": " + UntrustedText.tidy(ack.note()));
        }
        return out;
    }

    private static String line(MetricChanges m, ChangePoint c, HistoryAnalysis.Settings s) {
        Metric metric = m.metric();
        String where = c.at().version() == c.lastBefore().version() + 1 ? "at " + ref(c.at())
                : "between v" + c.lastBefore().version() + " and " + ref(c.at());
        String relative = c.relativePercent().isPresent() ? " (" + ValueFormatter.relative(c.relativePercent().getAsDouble()) + ")" : "";
        // none of the permutations reached the step: p < 1/permutations (the estimate b/(R+1) is then 0)
        String p = c.pValue() < 1.0 / (s.permutations() + 1) ? "p < " + ValueFormatter.amount(1.0 / s.permutations())
                : String.format(Locale.ROOT, "p = %.3f", c.pValue());
        String status = c.status() == ChangePoint.Status.PENDING
                ? "pending (" + c.runsAfter() + " of " + s.pendingRuns() + " runs after it)" : "confirmed";
        return UntrustedText.tidy(m.service()) + " " + UntrustedText.tidy(m.endpointLabel()) + " " + metric.key() + ": step " + where
                + ", " + ValueFormatter.value(metric.unit(), c.before()) + " → " + ValueFormatter.value(metric.unit(), c.after())
                + relative + ", " + p + ", " + status;
    }

    private static String ref(RunRef r) {
        return "v" + r.version() + r.shortCommit().map(c -> " (" + UntrustedText.tidy(c) + ")").orElse("");
    }
}
