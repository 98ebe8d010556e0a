package dev.loadverdict.cli;

import dev.loadverdict.baselines.DataBranch;
import picocli.CommandLine.Option;

import java.util.Optional;

/**
 * Where baseline suites live, for every command that reads or writes them: {@code --baselines-dir} in the working
 * tree, or in a data branch of the repository ({@code --data-branch}, fetched from {@code --remote}).
 */
final class BaselinesDirOption {

    @Option(names = "--baselines-dir", paramLabel = "DIR", defaultValue = "baselines", description = "Where baseline suites live (default: ${DEFAULT-VALUE}).")
    String dir;

    @Option(names = "--data-branch", paramLabel = "BRANCH", description = "Keep the suites on this branch of the git repository instead of the working tree: "
            + "read from its tip, fetched from --remote; a record or promotion is pushed to it, retried when another job pushed first.")
    String dataBranch;

    @Option(names = "--remote", paramLabel = "REMOTE", defaultValue = "origin", description = "The remote of --data-branch (default: ${DEFAULT-VALUE}).")
    String remote;

    /** Opens the baselines for one command; close it after. */
    BaselineSource open(Main.Environment environment) {
        if (dataBranch == null) {
            return new BaselineSource(environment, dir, Optional.empty(), remote);
        }
        DataBranch data = DataBranch.open(environment.workingDirectory(), remote, dataBranch, BaselinesDirOption::sleep);
        return new BaselineSource(environment, dir, Optional.of(data), remote);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
