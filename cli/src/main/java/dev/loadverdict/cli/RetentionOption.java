package dev.loadverdict.cli;

import dev.loadverdict.baselines.SuiteStore;
import picocli.CommandLine.Option;

/**
 * {@code --keep-full N}: retention of a suite's history when a run is recorded or promoted. The newest N runs (and the
 * current baseline) keep their full distributions; older runs are compacted to summaries. On a data branch it is on
 * by default, so the branch stays small however many runs are recorded; in the working tree it is off unless asked,
 * since it rewrites files a team reviews.
 */
final class RetentionOption {

    /** Runs kept in full on a data branch when {@code --keep-full} is not given. */
    static final int DATA_BRANCH_DEFAULT = 30;

    @Option(names = "--keep-full", paramLabel = "N", description = "Keep the latency histograms and time series of the newest N runs only (and of the current baseline); "
            + "older runs keep their summaries. Default: " + DATA_BRANCH_DEFAULT + " on a --data-branch, else all runs in full.")
    Integer keepFull;

    /** Compacts the suite's history after a change, as asked or by the data branch's default. */
    void apply(SuiteStore store, String suite, boolean onDataBranch) {
        Integer keep = keepFull != null ? keepFull : onDataBranch ? Integer.valueOf(DATA_BRANCH_DEFAULT) : null;
        if (keep != null && store.exists(suite)) {
            if (keep < 1) {
                throw new UsageException("--keep-full takes 1 or more, not " + keep);
            }
            store.compact(suite, keep);
        }
    }
}
