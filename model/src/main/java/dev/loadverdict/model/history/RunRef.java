package dev.loadverdict.model.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded run of a suite, as series analysis names it.
 *
 * @param version its place in the suite's history (1 = the oldest)
 * @param id its history file's name without {@code .json} ({@code 20261124T021033.877Z-91d0e4c}): unlike the
 *           version, it never changes
 * @param recorded when it was recorded
 * @param commit the commit it ran, as recorded (full or abbreviated); empty when none was
 */
public record RunRef(int version, String id, Instant recorded, Optional<String> commit) {

    public RunRef {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, not " + version);
        }
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(recorded, "recorded == null");
        Objects.requireNonNull(commit, "commit == null");
    }

    /** The commit's first 7 characters, as reports show it. */
    public Optional<String> shortCommit() {
        return commit.map(c -> c.length() > 7 ? c.substring(0, 7) : c);
    }

    /** {@code v12}, or {@code v12 (3f9c2ab)} with a commit. */
    public String label() {
        return "v" + version + shortCommit().map(c -> " (" + c + ")").orElse("");
    }
}
