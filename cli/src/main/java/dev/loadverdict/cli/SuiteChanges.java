package dev.loadverdict.cli;

import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.config.LoadverdictConfig;

import java.util.List;
import java.util.Optional;

/**
 * What {@code promote}, a rollback and {@code record} do to a suite, each decided from the store it is given, so that
 * on a data branch it can run again on a fresh copy of the tip. Returns what happened; the command prints it.
 */
final class SuiteChanges {

    /** What a change did. */
    sealed interface Result permits Refused, Promoted, Restored, AlreadyCurrent, Recorded, AlreadyRecorded {
    }

    /** Nothing changed: the run has critical regressions against the current baseline. */
    record Refused(Comparison check, String against, boolean rollback) implements Result {
    }

    /** The run was recorded and made current. */
    record Promoted(Baseline baseline) implements Result {
    }

    /** An earlier run of the history became current again. */
    record Restored(int version, Optional<Integer> from, boolean alreadyRecorded) implements Result {
    }

    /** Nothing changed: that run is the current baseline already. */
    record AlreadyCurrent(int version) implements Result {
    }

    /** The run was added to the history. */
    record Recorded(Baseline baseline) implements Result {
    }

    /** Nothing changed: this very run is in the history already. */
    record AlreadyRecorded(int version) implements Result {
    }

    private SuiteChanges() {
    }

    /**
     * Makes {@code run} the suite's current baseline, unless it has critical regressions against the current one
     * and {@code force} is not set. A run already in the history is made current, never recorded twice.
     */
    static Result promote(SuiteStore store, String suite, Run run, Baseline.Provenance provenance,
                          LoadverdictConfig config, boolean force) {
        Optional<Baseline> recorded = store.exists(suite) ? store.find(suite, run) : Optional.empty();
        if (recorded.isPresent()) {
            Result restored = restore(store, suite, recorded.get().version(), config, force);
            return restored instanceof Restored r ? new Restored(r.version(), r.from(), true) : restored;
        }
        Optional<BaselineSource.Found> current = BaselineSource.current(store, suite);
        if (current.isPresent() && !force) {
            Comparison check = check(store, run, current.get(), config);
            if (check.worstSeverity().atLeast(Severity.CRITICAL)) {
                return new Refused(check, current.get().location(), false);
            }
        }
        return new Promoted(store.promote(suite, run, provenance));
    }

    /** Makes version {@code version} of the history current again, under the same regression check as a promotion. */
    static Result restore(SuiteStore store, String suite, int version, LoadverdictConfig config, boolean force) {
        Optional<BaselineSource.Found> current = BaselineSource.current(store, suite);
        if (current.isPresent() && current.get().baseline().version() == version) {
            return new AlreadyCurrent(version);
        }
        Baseline earlier = store.version(suite, version);
        if (current.isPresent() && !force) {
            Comparison check = check(store, earlier.run(), current.get(), config);
            if (check.worstSeverity().atLeast(Severity.CRITICAL)) {
                return new Refused(check, current.get().location(), true);
            }
        }
        store.restore(suite, version);
        return new Restored(version, current.map(c -> c.baseline().version()), false);
    }

    /** Adds {@code run} to the suite's history, unless this very run is there already. */
    static Result record(SuiteStore store, String suite, Run run, Baseline.Provenance provenance) {
        Optional<Baseline> already = store.exists(suite) ? store.find(suite, run) : Optional.empty();
        if (already.isPresent()) {
            return new AlreadyRecorded(already.get().version());
        }
        return new Recorded(store.record(suite, run, provenance));
    }

    /** The comparison {@code compare} would make with its defaults: the same rules, noise bands and profile check. */
    private static Comparison check(SuiteStore store, Run run, BaselineSource.Found current, LoadverdictConfig config) {
        return ComparePipeline.compare(run, current, store, ComparePipeline.Settings.defaults(config), List.of()).comparison();
    }
}
