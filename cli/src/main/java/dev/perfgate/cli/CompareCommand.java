package dev.perfgate.cli;

import dev.perfgate.baselines.BaselineFiles;
import dev.perfgate.codec.ComparisonJson;
import dev.perfgate.comparator.ProfileGuard;
import dev.perfgate.comparator.RegressionDetector;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.InputException;
import dev.perfgate.model.Run;
import dev.perfgate.model.compare.BaselineRef;
import dev.perfgate.model.compare.Comparison;
import dev.perfgate.model.compare.Severity;
import dev.perfgate.model.config.PerfgateConfig;
import dev.perfgate.reporter.ReportFormat;
import dev.perfgate.reporter.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code perfgate compare}: a run against a baseline, a report on stdout, the verdict as exit code. */
@Command(name = "compare", sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Compares a run with a baseline and reports regressions.",
                "CURRENT is raw tool output (a file or a directory) or a run JSON written by 'perfgate extract'.",
                "Exits 1 when a regression reaches --fail-on, 0 otherwise."})
final class CompareCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--baseline", required = true, paramLabel = "REF", description = "The baseline: a baseline file, a suite name (its current baseline) or SUITE@vN (the N-th run of its history).")
    String baseline;

    @Option(names = "--baselines-dir", paramLabel = "DIR", defaultValue = "baselines", description = "Where baseline suites live (default: ${DEFAULT-VALUE}).")
    String baselinesDir;

    @Parameters(paramLabel = "CURRENT", arity = "1..*", description = "The run to check.")
    List<String> current;

    @Mixin
    ReadOptions window;

    @Option(names = "--config", paramLabel = "FILE", description = "Thresholds (default: ./perfgate.yml when present, else built-in defaults).")
    String config;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = OutputFormat.Converter.class,
            description = "What to print on stdout: text, md or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "critical", converter = FailOn.Converter.class,
            description = "Exit 1 from this severity up: warning, critical or never (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Option(names = "--if-no-baseline", paramLabel = "ACTION", defaultValue = "fail", converter = IfNoBaseline.Converter.class,
            description = "When the baseline does not exist (no file, or a suite without a current baseline): fail (exit 3) or pass (exit 0 with a note). Default: ${DEFAULT-VALUE}.")
    IfNoBaseline ifNoBaseline;

    @Option(names = "--strict-profile", description = "Refuse (exit 3) to compare runs whose load profiles differ (tool, workload model, users/VUs, arrival rate, duration, script); by default they are compared with a warning in every report.")
    boolean strictProfile;

    @Option(names = "--profile-tolerance", paramLabel = "PERCENT", defaultValue = "10", description = "How far users/VUs and arrival rate may differ before the profiles count as different, in percent; the duration may differ twice as much (default: ${DEFAULT-VALUE}).")
    double profileTolerance;

    CompareCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Severity threshold = failOn.severity;
        OutputFormat output = format;
        boolean passWithoutBaseline = ifNoBaseline == IfNoBaseline.PASS;
        PerfgateConfig perfgateConfig = ConfigLoader.load(environment, config);
        BaselineSource source = new BaselineSource(environment, baselinesDir);
        java.util.Optional<BaselineSource.Found> found = source.find(baseline);
        if (found.isEmpty()) {
            if (passWithoutBaseline) {
                RunLoader.load(environment, current, perfgateConfig, window, spec.commandLine().getErr());
                spec.commandLine().getErr().println("perfgate: no baseline " + baseline
                        + "; nothing to compare (--if-no-baseline pass). " + capitalise(source.howToCreate(baseline)));
                return ExitCode.OK;
            }
            throw new InputException(baseline, "no such baseline; " + source.howToCreate(baseline));
        }
        Baseline base = found.get().baseline();
        Run run = RunLoader.load(environment, current, perfgateConfig, window, spec.commandLine().getErr());
        List<String> profile = ProfileGuard.differences(run.metadata(), base.run().metadata(), profileTolerance);
        if (strictProfile && !profile.isEmpty()) {
            throw new InputException(baseline, "not comparable (--strict-profile): " + String.join("; ", profile));
        }
        Comparison comparison = RegressionDetector.compare(run, BaselineRef.of(found.get().location(), base), base.run(),
                perfgateConfig).withWarnings(profile);
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.render(comparison));
        out.flush();
        profile.forEach(p -> spec.commandLine().getErr().println("perfgate: warning: not a like-for-like comparison: " + p));
        warnOnMappingMismatch(run, base);
        warnOnStageMismatch(run, base);
        return threshold != Severity.NONE && comparison.worstSeverity().atLeast(threshold)
                ? ExitCode.REGRESSION : ExitCode.OK;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private void warnOnMappingMismatch(Run run, Baseline base) {
        if (!Objects.equals(run.metadata().mappingHash(), base.run().metadata().mappingHash())) {
            spec.commandLine().getErr().println("perfgate: warning: the baseline was extracted with a different "
                    + "service mapping than this run; endpoints may show as new/missing");
        }
    }

    private void warnOnStageMismatch(Run run, Baseline base) {
        boolean current = !run.stages().isEmpty();
        boolean baseline = !base.run().stages().isEmpty();
        if (current != baseline) {
            spec.commandLine().getErr().println("perfgate: warning: " + (current ? "this run" : "the baseline")
                    + " is split into stages but " + (current ? "the baseline" : "this run")
                    + " is not, so the whole runs were compared; promote a baseline extracted with the same --stages");
        }
    }

    /** {@code --fail-on}: the lowest severity that fails the run. */
    enum FailOn {
        WARNING(Severity.WARNING), CRITICAL(Severity.CRITICAL), NEVER(Severity.NONE);

        final Severity severity;

        FailOn(Severity severity) {
            this.severity = severity;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }

        static final class Converter extends LowerCaseEnumConverter<FailOn> {
            Converter() {
                super(FailOn.class, "--fail-on");
            }
        }
    }

    /** {@code --if-no-baseline}. */
    enum IfNoBaseline {
        FAIL, PASS;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }

        static final class Converter extends LowerCaseEnumConverter<IfNoBaseline> {
            Converter() {
                super(IfNoBaseline.class, "--if-no-baseline");
            }
        }
    }

    /** What {@code --format} can print. */
    enum OutputFormat {
        TEXT, MD, JSON;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }

        String render(Comparison comparison) {
            return switch (this) {
                case TEXT -> Reports.render(ReportFormat.TEXT, comparison);
                case MD -> Reports.render(ReportFormat.MARKDOWN, comparison);
                case JSON -> ComparisonJson.write(comparison);
            };
        }

        static final class Converter extends LowerCaseEnumConverter<OutputFormat> {
            Converter() {
                super(OutputFormat.class, "--format");
            }

            @Override
            public OutputFormat convert(String value) {
                return value.equalsIgnoreCase("markdown") ? MD : super.convert(value);
            }
        }
    }
}
