package dev.loadverdict.cli;

import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code loadverdict report COMPARISON.json}: renders a saved comparison again, in any format. */
@Command(name = "report", sortOptions = false, versionProvider = VersionProvider.class,
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

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = CompareCommand.OutputFormat.Converter.class,
            description = "What to print on stdout: text, md or json (default: ${DEFAULT-VALUE}).")
    CompareCommand.OutputFormat format;

    @Option(names = "--report", paramLabel = "KINDS", description = "Also write report files: md, html, junit, json, text (comma-separated) into --out-dir.")
    String report;

    @Option(names = "--template-dir", paramLabel = "DIR", description = "Templates that replace the built-in ones (markdown.ftl, text.ftl, html.ftl, junit.ftl); see docs/templates.md.")
    String templateDir;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "Colour the terminal report: auto (on a terminal, unless NO_COLOR is set), always or never (default: ${DEFAULT-VALUE}).")
    String color;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "loadverdict-reports", description = "Where --report writes (default: ${DEFAULT-VALUE}).")
    String outDir;

    @Mixin
    FailOnOption failOn;

    ReportCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Comparison comparison = SavedComparisons.read(environment, comparisonFile);
        Severity threshold = failOn.severity();
        Rendering rendering = Rendering.of(environment, templateDir, color);
        var out = spec.commandLine().getOut();
        out.print(format.render(comparison, rendering));
        out.flush();
        Map<ReportFiles.Kind, String> written = report == null ? Map.of()
                : ReportFiles.write(environment, outDir, ReportFiles.parse(report), comparison, threshold, java.util.Optional.empty(),
                        rendering.withoutColor());
        written.values().forEach(p -> spec.commandLine().getErr().println("loadverdict: wrote " + p));
        new GitHubActions(environment).publish(comparison, threshold, written, spec.commandLine().getErr(),
                rendering.withoutColor());
        return failOn.exitCode(comparison);
    }
}
