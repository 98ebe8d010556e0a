package dev.loadverdict.model.history;

import java.time.Instant;
import java.util.Objects;

/**
 * A known step change a person recorded in a suite ({@code loadverdict baseline acknowledge SUITE --at RUN --note …}):
 * from {@code at} on the runs are the new normal. Change detection and the drift reference restart there.
 *
 * @param at the first run of the new level
 * @param note why (free text from the person; untrusted in every output)
 * @param acknowledged when it was recorded
 */
public record Acknowledgement(RunRef at, String note, Instant acknowledged) {

    public Acknowledgement {
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(note, "note == null");
        Objects.requireNonNull(acknowledged, "acknowledged == null");
    }
}
