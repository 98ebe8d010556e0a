package dev.loadverdict.model.config;

import dev.loadverdict.model.history.HistoryAnalysis;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How loadverdict reads a suite's history as a series ({@code history:} in loadverdict.yml).
 *
 * @param changePoints how change points are found ({@code history.changePoints})
 * @param drift the drift gate ({@code history.drift}); empty when the configuration has none, and then the
 *              gate is off
 */
public record HistorySettings(HistoryAnalysis.Settings changePoints, Optional<Drift> drift) {

    public HistorySettings {
        Objects.requireNonNull(changePoints, "changePoints == null");
        Objects.requireNonNull(drift, "drift == null");
    }

    public static HistorySettings defaults() {
        return new HistorySettings(HistoryAnalysis.Settings.DEFAULT, Optional.empty());
    }

    /**
     * A gate on the cumulative change since a pinned reference: the median of the reference's first {@code window}
     * runs against the run compared. Catches the slow slide that per-run relative gates miss, since each run moves the
     * baseline along.
     *
     * @param reference {@code acknowledged} (the newest acknowledged step, else the suite's first run),
     *                  {@code vN} (a version), {@code commit:SHA} (the first run recorded at a commit with that
     *                  prefix), or {@code tag:NAME} (the first run recorded with that git ref, e.g. a release tag's
     *                  build: the ref a run was recorded with, {@code --git-ref} or {@code $GITHUB_REF_NAME})
     * @param window how many runs from the reference on make its level
     * @param rules the thresholds, in the shape of {@code defaults.metrics} (relative and delta conditions; limits do
     *              not apply to drift)
     */
    public record Drift(String reference, int window, RuleSet rules) {

        private static final Pattern REFERENCE = Pattern.compile("acknowledged|v[1-9][0-9]{0,8}|commit:[0-9a-fA-F]{4,40}|tag:[^\\s]{1,200}");

        public Drift {
            Objects.requireNonNull(reference, "reference == null");
            Objects.requireNonNull(rules, "rules == null");
            if (!REFERENCE.matcher(reference).matches()) {
                throw new IllegalArgumentException("reference is acknowledged, vN, commit:SHA or tag:NAME, not '" + reference + "'");
            }
            if (window < 1 || window > 100) {
                throw new IllegalArgumentException("window must be from 1 to 100 runs, not " + window);
            }
        }
    }
}
