package dev.loadverdict.model.compare;

import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.RunMetadata;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which baseline a comparison used, and why that one.
 *
 * @param location how the user named it (a file path or suite reference), or how loadverdict names the run it chose
 *                 ({@code baselines/shop@v12}): a value that can be pasted into {@code --baseline}
 * @param version the baseline version
 * @param created when that version was promoted or recorded
 * @param provenance where its run came from
 * @param run the metadata of the baseline's run
 * @param selection why this baseline, when loadverdict chose it (e.g. "the newest run at or before the merge base
 *                  3f9c2ab"); empty when the user named it
 */
public record BaselineRef(String location, int version, Instant created, Baseline.Provenance provenance,
                          RunMetadata run, Optional<String> selection) {
    public BaselineRef {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(created, "created == null");
        Objects.requireNonNull(provenance, "provenance == null");
        Objects.requireNonNull(run, "run == null");
        Objects.requireNonNull(selection, "selection == null");
    }

    /** A baseline the user named. */
    public BaselineRef(String location, int version, Instant created, Baseline.Provenance provenance, RunMetadata run) {
        this(location, version, created, provenance, run, Optional.empty());
    }

    public static BaselineRef of(String location, Baseline baseline) {
        return new BaselineRef(location, baseline.version(), baseline.created(), baseline.provenance(),
                baseline.run().metadata());
    }

    /** The same reference, saying why loadverdict chose it. */
    public BaselineRef withSelection(String why) {
        return new BaselineRef(location, version, created, provenance, run, Optional.of(why));
    }
}
