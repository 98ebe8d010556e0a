package dev.loadverdict.cli;

import dev.loadverdict.comparator.RegressionDetector;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.TerminalText;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.reporter.ReportFormat;
import dev.loadverdict.reporter.ReportInput;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code loadverdict compare}: a run against a baseline, a report on stdout, the verdict as exit code. */
@Command(name = "compare", optionListHeading = Sections.OPTIONS, customSynopsis = "loadverdict compare -b REF [OPTIONS] CURRENT...", sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Compares a run with a baseline and reports regressions.",
                "CURRENT is raw tool output (a file or a directory) or a run JSON written by 'loadverdict extract'.",
                "Exits 1 when a regression reaches --fail-on, 0 otherwise."})
final class CompareCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = {"-b", "--baseline"}, required = true, paramLabel = "REF", description = "The baseline: a baseline file, a suite name (its current baseline), SUITE@vN (the N-th run of its history), "
            + "SUITE@median:N (the median of its last N runs), SUITE@commit:REV (its newest run at or before commit REV) or SUITE@auto "
            + "(at or before a pull request's merge base with its base branch, else at or before HEAD).")
    String baseline;

    @Option(names = "--baseline-runs", paramLabel = "N", defaultValue = "1", description = "With SUITE@auto or SUITE@commit:REV, the baseline is the median of the N newest runs at or before that commit (default: ${DEFAULT-VALUE}).")
    int baselineRuns;

    @ArgGroup(validate = false, heading = Sections.BASELINES)
    BaselinesDirOption baselines = new BaselinesDirOption();

    @Parameters(paramLabel = "CURRENT", arity = "1..*", description = "The run to check.")
    List<String> current;

    @ArgGroup(validate = false, heading = Sections.WINDOWS)
    ReadOptions window = new ReadOptions();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Thresholds (default: ./loadverdict.yml when present, else built-in defaults).")
    String config;

    @ArgGroup(validate = false, heading = Sections.REPORTS)
    ReportOptions reports = new ReportOptions();

    @Option(names = "--if-no-baseline", paramLabel = "ACTION", defaultValue = "fail", converter = IfNoBaseline.Converter.class,
            description = "When the baseline does not exist (no file, or a suite without a current baseline): fail (exit 3), or pass: check absolute limits alone and exit by them (1 when one breaks at --fail-on). Default: ${DEFAULT-VALUE}.")
    IfNoBaseline ifNoBaseline;

    @ArgGroup(validate = false, heading = Sections.VERDICT)
    Verdict verdict = new Verdict();

    @ArgGroup(validate = false, heading = Sections.GITHUB)
    Filing filing = new Filing();

    CompareCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        reports.files(); // a misspelt --report fails before any work
        Rendering rendering = reports.rendering(environment);
        reports.prepare(rendering); // the report's template is parsed on the other core while the runs are read
        LoadverdictConfig loadverdictConfig = ConfigLoader.load(environment, config);
        try (BaselineSource source = baselines.open(environment)) {
            return compare(source, loadverdictConfig, rendering);
        }
    }

    private int compare(BaselineSource source, LoadverdictConfig loadverdictConfig, Rendering rendering) {
        if (baselineRuns < 1 || baselineRuns > 100) {
            throw new UsageException("--baseline-runs takes 1 to 100, not " + baselineRuns);
        }
        java.util.Optional<BaselineSource.Found> found = runAsBaseline(source, loadverdictConfig)
                .or(() -> source.find(baseline, baselineRuns));
        if (found.isEmpty() && ifNoBaseline != IfNoBaseline.PASS) {
            throw new InputException(baseline, "no such baseline; " + source.howToCreate(baseline));
        }
        Run run = RunLoader.load(environment, current, loadverdictConfig, window, spec.commandLine().getErr(),
                java.util.Optional.of(source));
        if (found.isEmpty()) {
            // the first run of a suite, or a baseline that is missing: absolute limits (SLOs) still gate
            Comparison comparison = RegressionDetector.checkLimits(run, loadverdictConfig);
            spec.commandLine().getErr().println("loadverdict: no baseline " + baseline + "; only absolute limits were"
                    + " checked (--if-no-baseline pass). " + capitalise(source.howToCreate(baseline)));
            return publish(comparison, run, java.util.Optional.empty(), List.of(), rendering, "default");
        }
        Baseline base = found.get().baseline();
        List<String> notes = new java.util.ArrayList<>();
        SavedComparisons.runUrl(environment.variables()).ifPresent(url -> notes.add("This run: " + url));
        base.provenance().runUrl().ifPresent(url -> notes.add("The baseline's run: " + url));
        ComparePipeline.Outcome outcome = ComparePipeline.compare(run, found.get(), source.store(),
                new ComparePipeline.Settings(loadverdictConfig, verdict.requireSignificance, verdict.noise.k(), verdict.noiseRuns, verdict.profileTolerance,
                        verdict.strictProfile), notes);
        Comparison comparison = outcome.comparison();
        List<String> profile = outcome.profileDifferences();
        List<Baseline> history = outcome.history();
        java.util.Optional<dev.loadverdict.comparator.Unmatched> unmatched = dev.loadverdict.comparator.Unmatched.of(
                comparison, run, base.run(), loadverdictConfig.matching());
        if (unmatched.isPresent()) {
            // no verdict from a comparison that compared (almost) nothing: it would pass on new and missing endpoints;
            // no report either, since every format leads with a verdict. In a GitHub job the summary says why.
            var err = spec.commandLine().getErr();
            err.println("loadverdict: " + found.get().location() + ": " + TerminalText.oneLine(unmatched.get().identities()));
            err.println("loadverdict: hint: " + TerminalText.oneLine(unmatched.get().suggestion()));
            new GitHubActions(environment).publishUnmatched(found.get().location(), unmatched.get(), err);
            return ExitCode.BAD_INPUT;
        }
        profile.forEach(p -> spec.commandLine().getErr().println("loadverdict: warning: not a like-for-like comparison: " + p));
        warnOnMappingMismatch(run, base);
        warnOnStageMismatch(run, base);
        return publish(comparison, run, java.util.Optional.of(base.run()), history.stream().map(Baseline::run).toList(),
                rendering, found.get().suite().orElse("default"));
    }

    /**
     * Prints the report, writes the report files, publishes to GitHub Actions, files issues when asked, and gives
     * the exit code.
     */
    private int publish(Comparison comparison, Run run, java.util.Optional<Run> base, List<Run> history,
                        Rendering rendering, String defaultSuite) {
        Severity threshold = verdict.failOn.severity();
        ReportInput input = ReportInput.of(comparison, threshold);
        if (base.isPresent()) {
            input = input.withRuns(run, base.get(), history);
        }
        var err = spec.commandLine().getErr();
        java.util.Map<ReportFormat, String> written = reports.publish(environment, rendering, input, spec.commandLine().getOut(), err);
        new GitHubActions(environment).publish(comparison, threshold, written, err, rendering.withoutColor());
        int verdictExit = verdict.failOn.exitCode(comparison);
        if (filing.createIssues) {
            return filing.issues.file(environment, comparison, config, defaultSuite, verdictExit, baselines,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        return verdictExit;
    }

    /**
     * A run named as the baseline: raw tool output, a directory of it, a run JSON or a history file (anything but a
     * baseline file or a suite), read like the current run, with the same mapping and window, so two runs can be
     * compared without promoting either.
     */
    private java.util.Optional<BaselineSource.Found> runAsBaseline(BaselineSource source, LoadverdictConfig config) {
        java.nio.file.Path path = environment.resolve(baseline);
        if (!java.nio.file.Files.exists(path)) {
            return java.util.Optional.empty();
        }
        if (java.nio.file.Files.isRegularFile(path) && dev.loadverdict.codec.SavedRun.detect(
                dev.loadverdict.extractor.InputFiles.head(path, baseline).text())
                .filter(k -> k == dev.loadverdict.codec.SavedRun.Kind.BASELINE).isPresent()) {
            return java.util.Optional.empty(); // a baseline file: its version and provenance count
        }
        Run run = RunLoader.load(environment, List.of(baseline), config, window, spec.commandLine().getErr(),
                java.util.Optional.of(source));
        java.time.Instant when = run.metadata().end().or(() -> run.metadata().start()).orElse(java.time.Instant.EPOCH);
        return java.util.Optional.of(new BaselineSource.Found(baseline,
                new Baseline(1, when, Baseline.Provenance.none(), run)));
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Warns when baseline and run were extracted with different mappings. A baseline that was never extracted (one
     * imported from a legacy file, which records no mapping) has no mapping to differ from: its flat services are
     * paired by name (see RegressionDetector), and what matched is in every report.
     */
    private void warnOnMappingMismatch(Run run, Baseline base) {
        if (!dev.loadverdict.codec.LegacyBaselineJson.isImported(base.run().metadata())
                && !Objects.equals(run.metadata().mappingHash(), base.run().metadata().mappingHash())) {
            spec.commandLine().getErr().println("loadverdict: warning: the baseline was extracted with a different "
                    + "service mapping than this run; endpoints may show as new/missing");
        }
    }

    private void warnOnStageMismatch(Run run, Baseline base) {
        boolean current = !run.stages().isEmpty();
        boolean baseline = !base.run().stages().isEmpty();
        if (current != baseline) {
            spec.commandLine().getErr().println("loadverdict: warning: " + (current ? "this run" : "the baseline")
                    + " is split into stages but " + (current ? "the baseline" : "this run")
                    + " is not, so the whole runs were compared; promote a baseline extracted with the same --stages");
        }
    }

    /** The options that decide the verdict: thresholds, noise bands, significance and the profile check. */
    static final class Verdict {
        @ArgGroup(validate = false)
        FailOnOption failOn = new FailOnOption();

        @Option(names = "--noise-runs", paramLabel = "N", defaultValue = "" + ComparePipeline.DEFAULT_NOISE_RUNS, description = "With a suite baseline, the noise bands come from its last N recorded runs (default: ${DEFAULT-VALUE}; at least 5 are needed).")
        int noiseRuns;

        @ArgGroup(validate = false)
        NoiseKOption noise = new NoiseKOption();

        @Option(names = "--require-significance", description = "A change whose significance cannot be tested (latency from aggregate-only sources such as Locust's stats CSV) can be a warning at most; limits still raise any severity.")
        boolean requireSignificance;

        @Option(names = "--strict-profile", description = "Refuse (exit 3) to compare runs whose load profiles differ (tool, workload model, users/VUs, arrival rate, duration, script); by default they are compared with a warning in every report.")
        boolean strictProfile;

        @Option(names = "--profile-tolerance", paramLabel = "PERCENT", defaultValue = "" + ComparePipeline.DEFAULT_PROFILE_TOLERANCE, description = "How far users/VUs and arrival rate may differ before the profiles count as different, in percent; the duration may differ twice as much (default: ${DEFAULT-VALUE}).")
        double profileTolerance;
    }

    /** {@code --create-issues} and the issue bot's options. */
    static final class Filing {
        @Option(names = "--create-issues", description = "Also open, update or close GitHub issues for critical regressions, as 'loadverdict issues' does (its options below).")
        boolean createIssues;

        @ArgGroup(validate = false)
        IssueOptions issues = new IssueOptions();
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
}
