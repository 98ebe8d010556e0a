package dev.loadverdict.cli;

import dev.loadverdict.baselines.SuiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code loadverdict baseline}: manage baselines. */
@Command(name = "baseline", description = "Manages baselines.", versionProvider = VersionProvider.class,
        subcommands = {BaselinePromoteCommand.class, BaselineRecordCommand.class, BaselineListCommand.class,
                BaselineShowCommand.class, BaselineHistoryCommand.class, BaselineImportCommand.class,
                BaselineVerifyCommand.class, BaselineAcknowledgeCommand.class, BaselineTrendCommand.class})
final class BaselineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a baseline command is required (promote, record, list, show, history, import, verify, trend)");
    }

    /** Where a baseline goes: {@code --to FILE} or {@code --suite NAME}. */
    static final class Target {
        @Option(names = "--to", required = true, paramLabel = "FILE", description = "A single baseline file (every version kept beside it as NAME.vN.json).")
        String file;

        @Option(names = {"-s", "--suite"}, required = true, paramLabel = "NAME", description = "A suite in the baselines directory (history kept as one file per run).")
        String suite;
    }

    static String requireSuiteName(String suite) {
        if (!SuiteStore.isSuiteName(suite)) {
            throw new UsageException("--suite takes a name of letters, digits, '.', '_' or '-', not '" + suite + "'");
        }
        return suite;
    }
}
