package dev.loadverdict.extractor.internal;

/**
 * How sure a format is that a file's first bytes are its own, in increasing order (after
 * jackson-core's {@code MatchStrength}). The detector picks the strongest match.
 */
public enum MatchStrength {
    /** Certainly not this format. */
    NO_MATCH,
    /** Could be this format, but other formats look alike. */
    WEAK_MATCH,
    /** The identifying structure is present. */
    SOLID_MATCH,
    /** Every identifying mark is present. */
    FULL_MATCH
}
