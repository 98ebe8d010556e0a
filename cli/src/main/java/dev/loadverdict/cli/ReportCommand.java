package dev.loadverdict.cli;

import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.reporter.ReportFormat;
import dev.loadverdict.reporter.ReportInput;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code loadverdict report COMPARISON.json}: renders a saved comparison again, in any format. */
@Command(name = "report", optionListHeading = Sections.OPTIONS, abbreviateSynopsis = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Renders a comparison saved with 'compare --format json' or '--report json' again: on stdout and as report files.",
                "Exits like compare: 1 when a regression reaches --fail-on."})
final class ReportCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "COMPARISON.json", description = "A comparison JSON (loadverdict.comparison/1).")
    String comparisonFile;

    @ArgGroup(validate = false, heading = Sections.REPORTS)
    ReportOptions reports = new ReportOptions();

    @ArgGroup(validate = false, heading = Sections.VERDICT)
    FailOnOption failOn = new FailOnOption();

    ReportCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Comparison comparison = SavedComparisons.read(environment, comparisonFile);
        Severity threshold = failOn.severity();
        reports.files(); // a misspelt --report fails before any work
        Rendering rendering = reports.rendering(environment);
        var err = spec.commandLine().getErr();
        Map<ReportFormat, String> written = reports.publish(environment, rendering, ReportInput.of(comparison, threshold),
                spec.commandLine().getOut(), err);
        new GitHubActions(environment).publish(comparison, threshold, written, err, rendering.withoutColor());
        return failOn.exitCode(comparison);
    }
}
