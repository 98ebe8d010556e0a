package dev.loadverdict.cli;

import dev.loadverdict.model.compare.Comparison;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code loadverdict issues COMPARISON.json --repo OWNER/NAME}: one GitHub issue per service with critical regressions. */
@Command(name = "issues", optionListHeading = Sections.OPTIONS, abbreviateSynopsis = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Opens, updates or closes GitHub issues for a saved comparison: one issue per (suite, service) with critical"
                + " regressions, found again by a hidden fingerprint, so a regression never gets two issues.",
                "Recurrence adds a comment and rewrites the issue's summary (people edit the rest); --close-resolved closes it"
                        + " when the service passes again with enough requests. --dry-run prints each action with the exact title, labels, assignees and body or comment it would send,"
                        + " and changes nothing.",
                "Token: $GITHUB_TOKEN (or --token-env NAME); GitHub Enterprise through $GITHUB_API_URL."})
final class IssuesCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "COMPARISON.json", description = "A comparison JSON (compare --format json or --report json).")
    String comparisonFile;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "loadverdict.yml whose issues: block gives labels, assignees, title and confirmRuns (default: ./loadverdict.yml when present); flags win.")
    String config;

    @ArgGroup(validate = false, heading = Sections.GITHUB)
    IssueOptions issues = new IssueOptions();

    @ArgGroup(validate = false, heading = Sections.BASELINES)
    BaselinesDirOption baselines = new BaselinesDirOption();

    @ArgGroup(validate = false, heading = Sections.VERDICT)
    FailOnOption failOn = new FailOnOption();

    IssuesCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Comparison comparison = SavedComparisons.read(environment, comparisonFile);
        int verdictExit = failOn.exitCode(comparison);
        return issues.file(environment, comparison, config, "default", verdictExit, baselines, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
