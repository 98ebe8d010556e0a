package dev.loadverdict.cli;

/**
 * The headings of {@code --help}'s option sections. Each shared group of options ({@link BaselinesDirOption},
 * {@link ReadOptions}, …) is shown under the same heading by every command that takes it.
 */
final class Sections {
    /** The heading of a command's own options, above the sections. */
    static final String OPTIONS = "%nOptions:%n";
    static final String BASELINES = "%nBaselines:%n";
    static final String WINDOWS = "%nWindows and stages (raw results):%n";
    static final String VERDICT = "%nThresholds and verdict:%n";
    static final String REPORTS = "%nReports:%n";
    static final String GITHUB = "%nGitHub issues:%n";
    static final String PROVENANCE = "%nProvenance:%n";
    static final String RETENTION = "%nRetention:%n";

    private Sections() {
    }
}
