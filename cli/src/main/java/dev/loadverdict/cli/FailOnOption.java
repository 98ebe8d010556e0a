package dev.loadverdict.cli;

import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Severity;
import picocli.CommandLine.Option;

/** {@code --fail-on}: the lowest severity that fails the run, and the exit code a comparison gives with it. */
final class FailOnOption {

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "critical", converter = CompareCommand.FailOn.Converter.class,
            description = "Exit 1 from this severity up: warning, critical or never (default: ${DEFAULT-VALUE}).")
    CompareCommand.FailOn failOn = CompareCommand.FailOn.CRITICAL; // also when a group holding it is made anew

    Severity severity() {
        return failOn.severity;
    }

    /** 1 when the comparison has a regression at or above the level, else 0. */
    int exitCode(Comparison comparison) {
        Severity threshold = severity();
        return threshold != Severity.NONE && comparison.worstSeverity().atLeast(threshold) ? ExitCode.REGRESSION : ExitCode.OK;
    }
}
