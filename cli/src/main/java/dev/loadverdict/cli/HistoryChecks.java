package dev.loadverdict.cli;

import dev.loadverdict.baselines.Acknowledgements;
import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.baselines.series.SuiteHistory;
import dev.loadverdict.comparator.DriftGate;
import dev.loadverdict.comparator.ProfileGuard;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.config.HistorySettings;
import dev.loadverdict.model.history.Acknowledgement;
import dev.loadverdict.model.history.HistoryAnalysis;
import dev.loadverdict.model.history.RunRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a compare against a suite adds from the suite's history as a series: its change points (a section of every
 * report) and the drift gate's findings ({@code history.drift} in loadverdict.yml).
 */
final class HistoryChecks {

    private HistoryChecks() {
    }

    /**
     * @param profileTolerance how far load levels may differ ({@code --profile-tolerance}) before the drift gate's
     *                         reference counts as another load profile
     */
    static Comparison apply(Comparison comparison, Run run, SuiteStore store, String suite, HistorySettings settings, double noiseK,
                            double profileTolerance) {
        if (store.size(suite) == 0) {
            return comparison;
        }
        Comparison out = comparison.withHistory(SuiteHistory.analyse(store, suite, settings.changePoints()));
        if (settings.drift().isPresent()) {
            out = drift(out, run, store, suite, settings.drift().get(), noiseK, profileTolerance);
        }
        return out;
    }

    private static Comparison drift(Comparison comparison, Run run, SuiteStore store, String suite, HistorySettings.Drift drift,
                                    double noiseK, double profileTolerance) {
        int size = store.size(suite);
        int from = reference(store, suite, drift.reference(), size);
        int to = Math.min(size, from + drift.window() - 1);
        RunRef ref = store.ref(suite, from);
        var reference0 = store.version(suite, from).run().metadata();
        List<String> differences = ProfileGuard.differences(run.metadata(), reference0, profileTolerance);
        if (!differences.isEmpty()) { // levels of another load profile say nothing about this one's drift
            return comparison.withNotes(List.of("Drift gate not applied: this run's load profile is not that of its reference "
                    + ref.label() + " (" + differences.get(0).replace("the baseline", "the reference") + "); acknowledge a run"
                    + " of this profile to measure drift from it (loadverdict baseline acknowledge " + suite + " --at vN --note …)."));
        }
        // the runs before this one (when it is already recorded, those before its own version), after the reference
        int last = store.find(suite, run).map(b -> b.version() - 1).orElse(size);
        int first = Math.max(from, last - drift.window() + 2);
        Map<String, double[]> levels = values(store, suite, from, to, drift);
        Map<String, double[]> recent = first <= last ? values(store, suite, first, last, drift) : Map.of();
        String recentRuns = first > last ? "" : first == last ? "v" + first : "v" + first + "–v" + last;
        String window = from == to ? "v" + from : "median of v" + from + "–v" + to;
        String why = switch (drift.reference()) {
            case "acknowledged" -> from == 1 ? "the suite's first run, as no step is acknowledged" : "the newest acknowledged step";
            default -> "history.drift.reference " + drift.reference();
        };
        DriftGate.Reference reference = new DriftGate.Reference(ref.label(), window, levels, recentRuns, recent);
        var findings = DriftGate.check(run, reference, drift.rules(), noiseK);
        long regressions = findings.stream().filter(f -> f.severity() != dev.loadverdict.model.compare.Severity.NONE).count();
        String note = String.format(Locale.ROOT, "Drift gate: each metric's level now (%s) against its level at %s (%s; %s,"
                        + " %d of %d run%s): %s.",
                recentRuns.isEmpty() ? "this run" : "the median of this run and " + recentRuns,
                ref.label(), why, window, to - from + 1, drift.window(), drift.window() == 1 ? "" : "s",
                regressions == 0 ? "no series drifted beyond its thresholds"
                        : regressions + (regressions == 1 ? " series drifted beyond its thresholds" : " series drifted beyond their thresholds"));
        return comparison.withFindingsAdded(findings).withNotes(List.of(note));
    }

    /** Per series key, the values of versions {@code from} to {@code to}. */
    private static Map<String, double[]> values(SuiteStore store, String suite, int from, int to, HistorySettings.Drift drift) {
        Map<String, List<Double>> values = new HashMap<>();
        for (int v = from; v <= to; v++) {
            Baseline b = store.version(suite, v);
            for (ServiceStats s : b.run().services()) {
                collect(values, s.name(), Optional.empty(), s.total(), drift);
                for (EndpointStats e : s.endpoints()) {
                    collect(values, s.name(), Optional.of(e.id().key()), e, drift);
                }
            }
        }
        Map<String, double[]> out = new HashMap<>();
        values.forEach((k, list) -> out.put(k, list.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    private static void collect(Map<String, List<Double>> values, String service, Optional<String> endpoint, EndpointStats stats,
                                HistorySettings.Drift drift) {
        for (Metric m : drift.rules().metrics().keySet()) {
            OptionalDouble v = m.valueOf(stats);
            if (v.isPresent()) {
                values.computeIfAbsent(DriftGate.key(service, endpoint, m), k -> new ArrayList<>()).add(v.getAsDouble());
            }
        }
    }

    /** The version the drift gate measures from. */
    private static int reference(SuiteStore store, String suite, String reference, int size) {
        if (reference.equals("acknowledged")) {
            List<Acknowledgement> acks = new Acknowledgements(store).list(suite);
            return acks.isEmpty() ? 1 : acks.get(acks.size() - 1).at().version();
        }
        if (reference.startsWith("v")) {
            int v = Integer.parseInt(reference.substring(1));
            if (v > size) {
                throw new InputException(store.display(suite), "history.drift.reference is " + reference + ", but the suite has "
                        + size + " run" + (size == 1 ? "" : "s"));
            }
            return v;
        }
        if (reference.startsWith("tag:")) {
            String tag = reference.substring("tag:".length());
            for (int v = 1; v <= size; v++) {
                if (store.version(suite, v).provenance().gitRef().filter(tag::equals).isPresent()) {
                    return v;
                }
            }
            throw new InputException(store.display(suite), "history.drift.reference is " + reference
                    + ", but no run of the suite was recorded with that git ref (--git-ref, or $GITHUB_REF_NAME in a tag's build)");
        }
        String prefix = reference.substring("commit:".length()).toLowerCase(Locale.ROOT);
        for (int v = 1; v <= size; v++) {
            if (store.ref(suite, v).commit().map(c -> c.toLowerCase(Locale.ROOT).startsWith(prefix)).orElse(false)) {
                return v;
            }
        }
        throw new InputException(store.display(suite), "history.drift.reference is " + reference + ", but no run of the suite was recorded at that commit");
    }
}
