package dev.loadverdict.cli;

import dev.loadverdict.baselines.HistoryView;
import dev.loadverdict.baselines.NoiseBandCalculator;
import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.codec.LegacyBaselineJson;
import dev.loadverdict.comparator.ProfileGuard;
import dev.loadverdict.comparator.RegressionDetector;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.compare.BaselineRef;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.NoiseBands;
import dev.loadverdict.model.config.LoadverdictConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * How a run is compared with a baseline it found: the load profiles checked, the noise bands taken from the suite's
 * recorded runs, the comparison made with the config's rules. {@code compare} prints what this gives, and
 * {@code baseline promote} refuses a run by the same comparison, so a run that {@code compare} passes is never refused
 * by a promotion with other rules (and the other way round).
 */
final class ComparePipeline {

    /** Recorded runs the noise bands come from ({@code --noise-runs}). */
    static final int DEFAULT_NOISE_RUNS = 20;
    /** How far users and arrival rates may differ, in percent, before profiles differ ({@code --profile-tolerance}). */
    static final int DEFAULT_PROFILE_TOLERANCE = 10;

    /**
     * How to compare.
     *
     * @param requireSignificance {@code --require-significance}
     * @param noiseK {@code --noise-k}
     * @param noiseRuns {@code --noise-runs}
     * @param profileTolerance {@code --profile-tolerance}
     * @param strictProfile {@code --strict-profile}: differing profiles are bad input, not a warning
     */
    record Settings(LoadverdictConfig config, boolean requireSignificance, double noiseK, int noiseRuns,
                    double profileTolerance, boolean strictProfile) {

        /** {@code compare}'s defaults, with this config. */
        static Settings defaults(LoadverdictConfig config) {
            return new Settings(config, false, NoiseBandCalculator.DEFAULT_K, DEFAULT_NOISE_RUNS, DEFAULT_PROFILE_TOLERANCE,
                    false);
        }
    }

    /**
     * @param comparison the comparison, with the profile differences as warnings and notes on the noise bands
     * @param history the suite's recorded runs the noise bands came from (empty for a baseline file)
     * @param profileDifferences how the load profiles differ (empty when alike)
     */
    record Outcome(Comparison comparison, List<Baseline> history, List<String> profileDifferences) {
    }

    private ComparePipeline() {
    }

    /**
     * @param run the run compared
     * @param found the baseline, as found in {@code store} (or a file)
     * @param store the suites, for a suite baseline's recorded runs
     * @param notes notes to carry in the comparison before the noise band's (e.g. links to CI runs)
     */
    static Outcome compare(Run run, BaselineSource.Found found, SuiteStore store, Settings settings, List<String> notes) {
        Baseline base = found.baseline();
        // an imported legacy baseline says "generic" when its tool was not given: no tool to differ from
        List<String> profile = ProfileGuard.differences(run.metadata(), base.run().metadata(), settings.profileTolerance(),
                !LegacyBaselineJson.toolUnknown(base.run().metadata()));
        if (settings.strictProfile() && !profile.isEmpty()) {
            throw new InputException(found.location(), "not comparable (--strict-profile): " + String.join("; ", profile));
        }
        List<String> allNotes = new ArrayList<>(notes);
        List<Baseline> history = found.suite().map(s -> BaselineSource.references(store, s, settings.noiseRuns()))
                .orElse(List.of());
        NoiseBands bands = noiseBands(found, history, run, settings.noiseK(), allNotes);
        BaselineRef ref = BaselineRef.of(found.location(), base);
        if (found.selection().isPresent()) {
            ref = ref.withSelection(found.selection().get());
        }
        Comparison comparison = RegressionDetector.compare(run, ref, base.run(), settings.config(),
                        new RegressionDetector.Options(settings.requireSignificance(), bands))
                .withWarnings(profile.stream().map(p -> "not a like-for-like comparison: " + p).toList()).withNotes(allNotes);
        if (found.suite().isPresent()) {
            comparison = HistoryChecks.apply(comparison, run, store, found.suite().get(), settings.config().history(), settings.noiseK(),
                    settings.profileTolerance());
        }
        return new Outcome(comparison, history, profile);
    }

    /** The noise bands from the suite's recorded runs, and a note saying what was used. */
    private static NoiseBands noiseBands(BaselineSource.Found found, List<Baseline> history, Run run, double k,
                                         List<String> notes) {
        if (found.suite().isEmpty()) {
            notes.add("Noise band not available: the baseline is a single file; a suite's recorded runs give one"
                    + " (loadverdict baseline record RUN --suite NAME).");
            return NoiseBands.none();
        }
        String suite = found.suite().get();
        if (history.size() < NoiseBandCalculator.MIN_RUNS) {
            notes.add("Noise band not available: suite " + suite + " has " + history.size() + " recorded run"
                    + (history.size() == 1 ? "" : "s") + ", " + NoiseBandCalculator.MIN_RUNS
                    + " are needed (loadverdict baseline record RUN --suite " + suite + ").");
            return NoiseBands.none();
        }
        notes.add("Noise bands from the last " + history.size() + " recorded runs of suite " + suite
                + ": median ± max(" + HistoryView.number(k) + " × 1.4826 × MAD, one quantisation step); a value inside its band is noise.");
        return NoiseBandCalculator.of(run, history, k);
    }
}
