package dev.loadverdict.cli;

import picocli.CommandLine.Command;

/** The top-level {@code loadverdict} command. */
@Command(name = "loadverdict",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads load-test results (Locust, k6, Gatling, JMeter) and gives a verdict: did this build regress against its baseline?",
        subcommands = {ExtractCommand.class, CompareCommand.class, BaselineCommand.class, ReportCommand.class, IssuesCommand.class, CommentCommand.class, CalibrateCommand.class,
                ConfigCommand.class, ScalingCommand.class,
                picocli.CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no regression at or above --fail-on",
                "  1  regression at or above --fail-on",
                "  2  usage error",
                "  3  bad input: unreadable or unrecognised results, invalid config,",
                "     missing or corrupt baseline",
                "  4  internal error, or a GitHub failure when the run did not regress",
                "     (a regressed run exits 1 and prints the GitHub error)",
                "  5  conflict: another promotion of the suite is running; nothing was lost,",
                "     try again"})
final class LoadverdictCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
