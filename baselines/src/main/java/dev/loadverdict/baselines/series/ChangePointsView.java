package dev.loadverdict.baselines.series;

import dev.loadverdict.baselines.HistoryView;
import dev.loadverdict.model.TerminalText;
import dev.loadverdict.model.history.Acknowledgement;
import dev.loadverdict.model.history.ChangePoint;
import dev.loadverdict.model.history.HistoryAnalysis;
import dev.loadverdict.model.history.MetricChanges;
import dev.loadverdict.model.history.RunRef;

import java.util.List;
import java.util.Locale;

/** How {@code baseline history SUITE --change-points} prints a suite's change points in a terminal. */
public final class ChangePointsView {

    private ChangePointsView() {
    }

    public static String text(HistoryAnalysis a) {
        StringBuilder out = new StringBuilder();
        HistoryAnalysis.Settings s = a.settings();
        out.append(TerminalText.oneLine(a.suite())).append(": change points over ").append(a.runs()).append(a.runs() == 1 ? " run" : " runs")
                .append(", ").append(a.series().size()).append(" series\n");
        out.append(String.format(Locale.ROOT, "(E-divisive means, permutation test p ≤ %s with %d permutations, seed %d; a step must move the median"
                        + " by %s%% or more, error rates by %s points; pending until %d runs follow it)%n",
                HistoryView.number(s.pValue()), s.permutations(), s.seed(), HistoryView.number(s.minShiftPercent()),
                HistoryView.number(s.minErrorRateShift()), s.pendingRuns()));
        List<MetricChanges> changed = a.changed();
        if (changed.isEmpty()) {
            out.append("\nNo change points.\n");
        } else {
            out.append('\n');
            for (MetricChanges m : changed) {
                for (ChangePoint c : m.changePoints()) {
                    out.append(line(m, c, s)).append('\n');
                }
            }
            int quiet = a.series().size() - changed.size();
            if (quiet > 0) {
                out.append("No change points in the other ").append(quiet).append(quiet == 1 ? " series" : " series").append(".\n");
            }
        }
        if (!a.acknowledgements().isEmpty()) {
            out.append("\nAcknowledged steps (detection and the drift reference restart at each):\n");
            for (Acknowledgement ack : a.acknowledgements()) {
                out.append("  ").append(label(ack.at())).append(", acknowledged ")
                        .append(ack.acknowledged().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(": ")
                        .append(TerminalText.oneLine(ack.note())).append('\n');
            }
        }
        a.since().filter(r -> r.version() > 1).ifPresent(r -> out.append("\nThe current segment starts at ").append(label(r)).append(".\n"));
        for (String note : a.notes()) {
            out.append("Note: ").append(TerminalText.oneLine(note)).append('\n');
        }
        return out.toString();
    }

    /** {@code shop GET /api/search p95: v20 → v21 (3f9c2ab), 82.0 ms → 106 ms (+29.3%), p = 0.0099, confirmed}. */
    static String line(MetricChanges m, ChangePoint c, HistoryAnalysis.Settings settings) {
        String between = c.at().version() == c.lastBefore().version() + 1 ? "at " + label(c.at())
                : "between " + ref(c.lastBefore()) + " and " + label(c.at());
        String change = c.relativePercent().isPresent()
                ? String.format(Locale.ROOT, " (%+.1f%%)", c.relativePercent().getAsDouble()) : "";
        return String.format(Locale.ROOT, "  %s %s %s: %s, %s → %s%s, %s, %s%s",
                TerminalText.oneLine(m.service()), TerminalText.oneLine(m.endpointLabel()), m.metric().key(), between,
                HistoryView.value(m.metric(), c.before()), HistoryView.value(m.metric(), c.after()), change,
                pValue(c.pValue(), settings.permutations()), c.status().id(),
                c.status() == ChangePoint.Status.PENDING ? " (" + c.runsAfter() + " of the " + settings.pendingRuns() + " runs that confirm it)" : "");
    }

    static String label(RunRef r) {
        return TerminalText.oneLine(r.label());
    }

    private static String ref(RunRef r) {
        return "v" + r.version();
    }

    /** As the permutation test can resolve it: with 100 permutations of which none reached the step, {@code p < 0.01}. */
    static String pValue(double p, int permutations) {
        if (p < 1.0 / (permutations + 1)) { // none reached the step: the estimate b/(R+1) is 0, p < 1/R
            return "p < " + HistoryView.number(1.0 / permutations);
        }
        return "p = " + String.format(Locale.ROOT, "%.3f", p);
    }
}
