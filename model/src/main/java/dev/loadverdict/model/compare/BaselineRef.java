package dev.loadverdict.model.compare;

import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.RunMetadata;

import java.time.Instant;
import java.util.Objects;

/**
 * Which baseline a comparison used.
 *
 * @param location how the user named it (a file path or suite reference)
 * @param version the baseline version
 * @param created when that version was promoted
 * @param provenance where its run came from
 * @param run the metadata of the baseline's run
 */
public record BaselineRef(String location, int version, Instant created, Baseline.Provenance provenance,
                          RunMetadata run) {
    public BaselineRef {
        Objects.requireNonNull(location, "location == null");
        Objects.requireNonNull(created, "created == null");
        Objects.requireNonNull(provenance, "provenance == null");
        Objects.requireNonNull(run, "run == null");
    }

    public static BaselineRef of(String location, Baseline baseline) {
        return new BaselineRef(location, baseline.version(), baseline.created(), baseline.provenance(),
                baseline.run().metadata());
    }
}
