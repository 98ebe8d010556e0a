package dev.loadverdict.cli;

import dev.loadverdict.baselines.HistoryView;
import dev.loadverdict.baselines.MetricHistory;
import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.baselines.series.ChangePointsView;
import dev.loadverdict.baselines.series.SuiteHistory;
import dev.loadverdict.codec.HistoryAnalysisJson;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.history.HistoryAnalysis;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code loadverdict baseline history SUITE}. */
@Command(name = "history", optionListHeading = Sections.OPTIONS, abbreviateSynopsis = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Shows one metric of one endpoint across a suite's history: per run, then median, MAD and the noise band.",
                "Without --endpoint, the service's total; without --service, the only service.",
                "With --change-points: the steps E-divisive means finds in every series of the suite (or those of --service,"
                        + " --endpoint and --metric), with their runs, commits, medians and p-values."})
final class BaselineHistoryCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "SUITE", description = "The suite.")
    String suite;

    @Option(names = "--service", paramLabel = "NAME", description = "The service (default: the only one).")
    String service;

    @Option(names = "--endpoint", paramLabel = "KEY", description = "The endpoint, e.g. \"GET /api/search\" (default: the service's total).")
    String endpoint;

    @Option(names = "--metric", paramLabel = "METRIC", description = "p50, p75, p90, p95, p99, p99.9, mean, max, error_rate or throughput (default: p95; with --change-points, all it analyses).")
    String metric;

    @Option(names = "--change-points", description = "Find the steps in the suite's history (E-divisive means, seeded permutation test); configured by history.changePoints in loadverdict.yml.")
    boolean changePoints;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "loadverdict.yml with history settings (default: ./loadverdict.yml when present).")
    String config;

    @Option(names = "--last", paramLabel = "N", description = "Only the last N runs.")
    Integer last;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @ArgGroup(validate = false, heading = Sections.VERDICT)
    NoiseKOption noise = new NoiseKOption();

    @ArgGroup(validate = false, heading = Sections.BASELINES)
    BaselinesDirOption baselines = new BaselinesDirOption();

    BaselineHistoryCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws java.io.IOException {
        Metric m = metric == null ? Metric.P95 : Metric.fromKey(metric).orElseThrow(() -> new UsageException("--metric: unknown metric '" + metric
                + "' (one of: " + String.join(", ", java.util.Arrays.stream(Metric.values()).map(Metric::key).toList()) + ")"));
        if (!List.of("table", "csv", "json").contains(format) || changePoints && format.equals("csv")) {
            throw new UsageException("--format takes table, " + (changePoints ? "" : "csv ") + "or json"
                    + (changePoints ? " with --change-points" : "") + ", not '" + format + "'");
        }
        try (BaselineSource source = baselines.open(environment)) {
            if (changePoints) {
                return changePoints(source.store(), metric == null ? Optional.empty() : Optional.of(m));
            }
            return show(source.store(), m);
        }
    }

    private int changePoints(SuiteStore store, Optional<Metric> only) {
        if (!store.exists(BaselineCommand.requireSuiteName(suite))) {
            throw new InputException(store.display(suite), "no such baseline suite");
        }
        if (last != null) {
            throw new UsageException("--last does not apply to --change-points: they are looked for in the whole history");
        }
        HistoryAnalysis.Settings settings = ConfigLoader.load(environment, config).history().changePoints();
        if (only.isPresent() && !settings.metrics().contains(only.get())) {
            throw new UsageException("--metric " + only.get().key() + ": change points are looked for in "
                    + String.join(", ", settings.metrics().stream().map(Metric::key).toList()));
        }
        HistoryAnalysis analysis = SuiteHistory.analyse(store, suite, settings);
        if (analysis.runs() == 0) {
            throw new InputException(store.display(suite), "has no recorded runs yet");
        }
        HistoryAnalysis shown = SuiteHistory.narrow(analysis, Optional.ofNullable(service), Optional.ofNullable(endpoint), only);
        if (shown.series().isEmpty()) {
            throw new InputException(store.display(suite), "has no series for " + (service == null ? "" : "service " + service + " ")
                    + (endpoint == null ? "" : "endpoint " + endpoint + " ") + only.map(Metric::key).orElse(""));
        }
        var out = spec.commandLine().getOut();
        out.print(format.equals("json") ? HistoryAnalysisJson.write(shown) + "\n" : ChangePointsView.text(shown));
        out.flush();
        return ExitCode.OK;
    }

    private int show(SuiteStore store, Metric m) {
        if (!store.exists(BaselineCommand.requireSuiteName(suite))) {
            throw new InputException(store.display(suite), "no such baseline suite");
        }
        List<Baseline> runs = store.last(suite, last == null ? Integer.MAX_VALUE : Math.max(1, last));
        if (runs.isEmpty()) {
            throw new InputException(store.display(suite), "has no recorded runs yet");
        }
        String serviceName = service != null ? service : onlyService(runs.get(runs.size() - 1).run(), store.display(suite));
        MetricHistory history = MetricHistory.of(runs, serviceName, Optional.ofNullable(endpoint), m);
        if (history.values().length == 0) {
            throw new InputException(store.display(suite), "no run has " + m.key() + " for " + serviceName + " "
                    + (endpoint == null ? "(total)" : endpoint));
        }
        var out = spec.commandLine().getOut();
        switch (format) {
            case "csv" -> out.print(HistoryView.csv(history));
            case "json" -> out.println(HistoryView.json(history, suite, serviceName, endpoint, runs.get(runs.size() - 1), noise.k()));
            default -> out.print(HistoryView.text(history, suite, serviceName, endpoint, runs.get(runs.size() - 1), noise.k()));
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String onlyService(Run run, String display) {
        if (run.services().size() == 1) {
            return run.services().get(0).name();
        }
        throw new UsageException(display + " has several services; choose one with --service ("
                + String.join(", ", run.services().stream().map(dev.loadverdict.model.ServiceStats::name).toList()) + ")");
    }
}
