package dev.loadverdict.cli;

import picocli.CommandLine.Option;

/** {@code --baselines-dir}: where baseline suites live, for every command that reads or writes them. */
final class BaselinesDirOption {

    @Option(names = "--baselines-dir", paramLabel = "DIR", defaultValue = "baselines", description = "Where baseline suites live (default: ${DEFAULT-VALUE}).")
    String dir;

    BaselineSource source(Main.Environment environment) {
        return new BaselineSource(environment, dir);
    }
}
