package dev.perfgate.cli;

import picocli.CommandLine.Command;

/** The top-level {@code perfgate} command. */
@Command(name = "perfgate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Catches performance regressions in load-test results (Locust, k6, Gatling, JMeter).",
        subcommands = {ExtractCommand.class, CompareCommand.class, BaselineCommand.class, ReportCommand.class, IssuesCommand.class, CommentCommand.class, CalibrateCommand.class,
                picocli.CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  no regression at or above --fail-on",
                "  1  regression at or above --fail-on",
                "  2  usage error",
                "  3  bad input: unreadable or unrecognised results, invalid config, missing baseline",
                "  4  internal error"})
final class PerfgateCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
