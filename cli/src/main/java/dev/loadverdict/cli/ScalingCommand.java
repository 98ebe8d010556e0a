package dev.loadverdict.cli;

import dev.loadverdict.baselines.AtomicFiles;
import dev.loadverdict.codec.ScalingJson;
import dev.loadverdict.comparator.scaling.ScalingAnalyzer;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.scaling.ScalingAnalysis;
import dev.loadverdict.model.scaling.ScalingComparison;
import dev.loadverdict.model.scaling.ScalingReport;
import dev.loadverdict.reporter.ReportFormat;
import dev.loadverdict.reporter.ScalingReports;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code loadverdict scaling}: capacity curves from runs at several load levels (or one run's stages or user-count
 * plateaus), compared with a baseline's curves when one is given; the verdict as exit code.
 */
@Command(name = "scaling", optionListHeading = Sections.OPTIONS, sortOptions = false, versionProvider = VersionProvider.class,
        customSynopsis = "loadverdict scaling [OPTIONS] RUN... [--baseline RUN...]",
        description = {"Capacity curves: throughput, p50/p95/p99 and error rate against load, the saturation knee and the load at which errors begin.",
                "Each RUN is one load level (raw tool output, a directory of it or a run JSON); its users/VUs or arrival rate come from the run, or from --levels.",
                "With --stages or --by-plateaus, one RUN's stages or user-count plateaus are the levels.",
                "Exits 1 when the curve lost capacity against --baseline, 0 otherwise."})
final class ScalingCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "The runs, one a load level (any order).")
    List<String> runs;

    @Option(names = {"-b", "--baseline"}, arity = "1..*", paramLabel = "RUN", description = "The baseline curve: its runs (read like RUN, after the runs on the command line), or a JSON saved with --format json.")
    List<String> baseline;

    @Option(names = "--levels", paramLabel = "N,...", split = ",", description = "The level of each RUN (or stage) in order, when the runs do not record it: users (5,10,20) or arrivals per second (2/s,4/s).")
    List<String> levels;

    @Option(names = "--baseline-levels", paramLabel = "N,...", split = ",", description = "Likewise for the baseline's runs.")
    List<String> baselineLevels;

    @Option(names = "--by-plateaus", description = "Read one RUN's user-count plateaus as its levels (Locust's stats history records the user count over time).")
    boolean byPlateaus;

    @Option(names = "--min-plateau", paramLabel = "DURATION", defaultValue = "10s", description = "With --by-plateaus, the shortest stretch at one user count that counts as a level (default: ${DEFAULT-VALUE}).")
    String minPlateau;

    @Option(names = "--throughput-drop", paramLabel = "PERCENT", defaultValue = "" + ScalingAnalyzer.DEFAULT_THROUGHPUT_DROP, description = "Against --baseline, a throughput drop at a shared level beyond PERCENT is a capacity regression (default: ${DEFAULT-VALUE}).")
    double throughputDrop;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", description = "text, md, html or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--out", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    String out;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "loadverdict.yml with mapping rules (default: ./loadverdict.yml when present).")
    String config;

    @ArgGroup(validate = false, heading = Sections.WINDOWS)
    ReadOptions read = new ReadOptions();

    ScalingCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        ReportFormat reportFormat = format();
        if (!(throughputDrop >= 0 && throughputDrop < 100)) {
            throw new UsageException("--throughput-drop takes a percentage from 0 to 100, not " + throughputDrop);
        }
        LoadverdictConfig loadverdictConfig = ConfigLoader.load(environment, config);
        ScalingLevels levelReader = new ScalingLevels(environment, loadverdictConfig, read, byPlateaus,
                ReadOptions.parse("--min-plateau", minPlateau), spec.commandLine().getErr());
        ScalingAnalysis current = levelReader.analyse(runs, levels, "--levels");
        Optional<ScalingComparison> comparison = Optional.empty();
        if (baseline != null) {
            ScalingAnalysis base = savedBaseline().orElseGet(() -> levelReader.analyse(baseline, baselineLevels, "--baseline-levels"));
            comparison = Optional.of(ScalingAnalyzer.compare(base, current, throughputDrop));
        }
        ScalingReport report = new ScalingReport(current, comparison);
        String text = reportFormat == ReportFormat.JSON ? ScalingJson.write(report) : ScalingReports.render(reportFormat, report);
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            AtomicFiles.write(environment.resolve(out), out, text);
            spec.commandLine().getErr().println("loadverdict: wrote " + out);
        }
        return comparison.filter(ScalingComparison::regressed).isPresent() ? ExitCode.REGRESSION : ExitCode.OK;
    }

    private ReportFormat format() {
        Optional<ReportFormat> f = ReportFormat.fromId(format).filter(x -> x != ReportFormat.JUNIT);
        if (f.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be one of text, md, html, json, not '"
                    + format + "'");
        }
        return f.get();
    }

    /** A single baseline file holding a saved scaling JSON: its curves, analysed again. */
    private Optional<ScalingAnalysis> savedBaseline() {
        if (baseline.size() != 1) {
            return Optional.empty();
        }
        String name = baseline.get(0);
        java.nio.file.Path path = environment.resolve(name);
        if (!Files.isRegularFile(path) || !ScalingJson.detect(dev.loadverdict.extractor.InputFiles.head(path, name).text())) {
            return Optional.empty();
        }
        if (baselineLevels != null) {
            throw new UsageException("--baseline-levels applies to runs, not to " + name + ", a saved scaling curve");
        }
        try (Reader reader = dev.loadverdict.extractor.InputFiles.openText(path, name)) {
            ScalingJson.Saved saved = ScalingJson.read(name, reader);
            try {
                return Optional.of(ScalingAnalyzer.fromPoints(saved.kind(), saved.levels(), saved.curves()));
            } catch (IllegalArgumentException e) {
                throw new InputException(name, e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
