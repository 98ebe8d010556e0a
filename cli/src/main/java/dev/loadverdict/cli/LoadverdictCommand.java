package dev.loadverdict.cli;

import picocli.CommandLine.Command;

/** The top-level {@code loadverdict} command. */
@Command(name = "loadverdict",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Reads load-test results (Locust, k6, Gatling, JMeter) and gives a verdict: did this build regress against its baseline?",
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

    /**
     * The subcommands by name, in the order help lists them. {@link Main} adds them, all of them or only the one a
     * command line names: building a subcommand's model (reflection over its options) is most of the start-up time of
     * a plain {@code compare}.
     */
    static final java.util.LinkedHashMap<String, Class<?>> SUBCOMMANDS = new java.util.LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("extract", ExtractCommand.class);
        SUBCOMMANDS.put("compare", CompareCommand.class);
        SUBCOMMANDS.put("baseline", BaselineCommand.class);
        SUBCOMMANDS.put("report", ReportCommand.class);
        SUBCOMMANDS.put("issues", IssuesCommand.class);
        SUBCOMMANDS.put("comment", CommentCommand.class);
        SUBCOMMANDS.put("calibrate", CalibrateCommand.class);
        SUBCOMMANDS.put("config", ConfigCommand.class);
        SUBCOMMANDS.put("scaling", ScalingCommand.class);
        SUBCOMMANDS.put("help", picocli.CommandLine.HelpCommand.class);
        SUBCOMMANDS.put("generate-completion", picocli.AutoComplete.GenerateCompletion.class);
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
