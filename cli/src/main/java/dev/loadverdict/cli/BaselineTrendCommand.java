package dev.loadverdict.cli;

import dev.loadverdict.reporter.Reports;
import dev.loadverdict.reporter.TrendInput;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code loadverdict baseline trend SUITE --out FILE.html}. */
@Command(name = "trend", optionListHeading = Sections.OPTIONS, abbreviateSynopsis = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Writes a suite's trend page: one self-contained HTML file (no requests anywhere) to publish as a CI artifact or a static page.",
                "Per endpoint and service total, p50, p95, p99, error rate and throughput over the recorded runs, with the noise band compare uses,"
                        + " change points (pending ones marked), acknowledged steps and each run's commit; a summary table first, endpoints with change points on top."})
final class BaselineTrendCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "SUITE", description = "The suite.")
    String suite;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "loadverdict.yml with history settings (default: ./loadverdict.yml when present).")
    String config;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The HTML file to write (its directory is created).")
    String out;

    @Option(names = "--noise-runs", paramLabel = "N", defaultValue = "" + ComparePipeline.DEFAULT_NOISE_RUNS,
            description = "The noise bands come from the suite's last N recorded runs, as compare's do (default: ${DEFAULT-VALUE}).")
    int noiseRuns;

    @ArgGroup(validate = false, heading = Sections.VERDICT)
    NoiseKOption noise = new NoiseKOption();

    @ArgGroup(validate = false, heading = Sections.BASELINES)
    BaselinesDirOption baselines = new BaselinesDirOption();

    BaselineTrendCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        BaselineCommand.requireSuiteName(suite);
        double k = noise.k();
        if (noiseRuns < 1) {
            throw new UsageException("--noise-runs takes a number of at least 1, not " + noiseRuns);
        }
        TrendInput input;
        try (BaselineSource source = baselines.open(environment)) {
            input = SuiteTrend.read(source.store(), suite, ConfigLoader.load(environment, config).history().changePoints(), k, noiseRuns);
        }
        Path file = environment.resolve(out);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, Reports.trend(input), StandardCharsets.UTF_8);
        long changed = input.analysis().series().stream().filter(s -> !s.changePoints().isEmpty())
                .map(s -> java.util.List.of(s.service(), s.endpoint())).distinct().count();
        var err = spec.commandLine().getErr();
        err.printf(java.util.Locale.ROOT, "loadverdict: wrote %s: the trend of %s over %d recorded run%s, %d endpoint%s and service "
                        + "total%s with change points%n", out, suite, input.runs().size(), input.runs().size() == 1 ? "" : "s",
                changed, changed == 1 ? "" : "s", changed == 1 ? "" : "s");
        err.flush();
        return ExitCode.OK;
    }
}
