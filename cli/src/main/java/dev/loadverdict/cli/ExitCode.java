package dev.loadverdict.cli;

/** loadverdict's exit codes, as documented in the README. */
final class ExitCode {
    /** No regression at or above {@code --fail-on}. */
    static final int OK = 0;
    /** A regression at or above {@code --fail-on}. */
    static final int REGRESSION = 1;
    /** The command line itself is wrong. */
    static final int USAGE = 2;
    /** Bad input: an unreadable or unrecognised result file, invalid config, missing baseline. */
    static final int BAD_INPUT = 3;
    /**
     * An unexpected internal error, or a GitHub failure ({@code issues}, {@code comment},
     * {@code compare --create-issues}) when the run did not regress; a regressed run keeps {@link #REGRESSION}.
     */
    static final int INTERNAL = 4;
    /**
     * A conflict: another process is changing the same suite (its promotion lock is held). Nothing is wrong with the
     * input and nothing was lost; trying again later succeeds.
     */
    static final int CONFLICT = 5;

    private ExitCode() {
    }
}
