package dev.loadverdict.model.compare;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Whether a finding's change is more than noise.
 *
 * @param status the result of the test, or why there was none
 * @param pValue the (adjusted) one-sided p-value, when a test ran
 * @param test the test used (e.g. {@code Fisher exact, one-sided}), or empty text when none ran
 * @param note why no test ran, or anything else a reader needs to weigh the result
 */
public record Significance(Status status, OptionalDouble pValue, String test, String note) {

    public Significance {
        Objects.requireNonNull(status, "status == null");
        Objects.requireNonNull(pValue, "pValue == null");
        Objects.requireNonNull(test, "test == null");
        Objects.requireNonNull(note, "note == null");
    }

    public static Significance notTestable(String why) {
        return new Significance(Status.NOT_TESTABLE, OptionalDouble.empty(), "", why);
    }

    /** The possible results. */
    public enum Status {
        /** The change is significant at the configured alpha. */
        SIGNIFICANT,
        /** The change is not significant: it is treated as noise. */
        NOT_SIGNIFICANT,
        /** The data does not allow a test (e.g. aggregates only); thresholds alone decide. */
        NOT_TESTABLE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
