package dev.loadverdict.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A run kept as the reference that later runs are compared against.
 *
 * @param version the baseline's version number, 1 for the first, increasing by one with each promotion
 * @param created when this version was promoted
 * @param provenance where the run came from
 * @param run the reference run
 */
public record Baseline(int version, Instant created, Provenance provenance, Run run) {

    public Baseline {
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1 but was " + version);
        }
        Preconditions.requireNonNull(created, "created");
        Preconditions.requireNonNull(provenance, "provenance");
        Preconditions.requireNonNull(run, "run");
    }

    /**
     * Where a baseline's run came from, as far as known.
     *
     * @param gitSha the commit the run tested
     * @param gitRef the branch or tag
     * @param runUrl the CI run that produced it
     * @param note a free-text note given at promotion
     * @param regressed whether the CI job that recorded the run found a regression in it (its gate failed): such a run
     *                  stays in the history, but is no reference for later runs (a baseline chosen by commit, noise
     *                  bands, medians) unless it is promoted, so a regression keeps failing until fixed or accepted
     */
    public record Provenance(Optional<String> gitSha, Optional<String> gitRef, Optional<String> runUrl,
                             Optional<String> note, boolean regressed) {

        /** The provenance of a run whose gate passed or was not run. */
        public Provenance(Optional<String> gitSha, Optional<String> gitRef, Optional<String> runUrl, Optional<String> note) {
            this(gitSha, gitRef, runUrl, note, false);
        }

        public Provenance {
            Preconditions.requireNonNull(gitSha, "gitSha");
            Preconditions.requireNonNull(gitRef, "gitRef");
            Preconditions.requireNonNull(runUrl, "runUrl");
            Preconditions.requireNonNull(note, "note");
        }

        public static Provenance none() {
            return new Provenance(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
