package dev.loadverdict.cli;

import dev.loadverdict.baselines.AtomicFiles;
import dev.loadverdict.baselines.Calibration;
import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code loadverdict calibrate}: thresholds from measured run-to-run noise. */
@Command(name = "calibrate", optionListHeading = Sections.OPTIONS, abbreviateSynopsis = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Measures run-to-run noise per endpoint and metric and suggests thresholds that stay quiet on it.",
                "Give a suite (its recorded runs) or two or more runs of the same, unchanged build (A/A runs).",
                "Prints a table with the expected and the measured false-alarm rate; --write FILE writes a loadverdict.yml fragment."})
final class CalibrateCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "SUITE|RUN", arity = "1..*", description = "A suite name, or two or more runs (raw output, directories or run JSON).")
    List<String> inputs;

    @ArgGroup(validate = false, heading = Sections.BASELINES)
    BaselinesDirOption baselines = new BaselinesDirOption();

    @Option(names = "--last", paramLabel = "N", defaultValue = "20", description = "With a suite, its last N recorded runs (default: ${DEFAULT-VALUE}).")
    int last;

    @Option(names = "--k-warning", paramLabel = "K", defaultValue = "3", description = "Warning threshold in standard deviations of a two-run difference (default: ${DEFAULT-VALUE}).")
    double kWarning;

    @Option(names = "--k-critical", paramLabel = "K", defaultValue = "5", description = "Critical threshold, likewise (default: ${DEFAULT-VALUE}).")
    double kCritical;

    @Option(names = "--floor", paramLabel = "PERCENT", defaultValue = "5", description = "Never suggest a threshold below this (default: ${DEFAULT-VALUE}%%).")
    int floor;

    @Option(names = "--write", paramLabel = "FILE", description = "Write the suggestions as a loadverdict.yml fragment (never over an existing file).")
    String write;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "loadverdict.yml with mapping rules for raw runs (default: ./loadverdict.yml when present).")
    String config;

    CalibrateCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<Baseline> runs = runs();
        if (runs.size() < Calibration.MIN_RUNS) {
            throw new InputException(inputs.get(0), "calibration needs at least " + Calibration.MIN_RUNS
                    + " runs of the same build, not " + runs.size());
        }
        List<Calibration.Suggestion> suggestions = Calibration.of(runs, kWarning, kCritical, floor);
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-14s %-34s %-10s %5s %12s %8s %8s %9s %10s %10s%n", "SERVICE", "ENDPOINT", "METRIC",
                "RUNS", "MEDIAN", "NOISE", "WARNING", "CRITICAL", "EXPECTED", "MEASURED");
        for (Calibration.Suggestion s : suggestions) {
            out.printf(Locale.ROOT, "%-14s %-34s %-10s %5d %12.1f %7.1f%% %7d%% %8d%% %9.2f%% %9.1f%%%n", clip(s.service(), 14),
                    clip(s.endpoint().orElse("(total)"), 34), s.metric().key(), s.runs(), s.median(), s.noisePercent(),
                    s.warningPercent(), s.criticalPercent(), s.expectedFalseAlarmPercent(), s.measuredFalseAlarmPercent());
        }
        out.printf(Locale.ROOT, "%nNOISE: 1.4826 × MAD of one run's value, in %% of the median. WARNING/CRITICAL: %s and %s"
                        + " standard deviations of a two-run difference (at least %d%%). EXPECTED: chance per comparison that"
                        + " the check warns on noise alone, if noise were normal. MEASURED: share of the %d runs' ordered pairs"
                        + " in which it would have warned.%n", plain(kWarning), plain(kCritical), floor, runs.size());
        out.flush();
        if (write != null) {
            if (!AtomicFiles.createNew(environment.resolve(write), write, Calibration.yaml(suggestions))) {
                throw new InputException(write, "already exists; loadverdict calibrate never overwrites a file");
            }
            spec.commandLine().getErr().println("loadverdict: wrote " + write + " (merge it into loadverdict.yml after review)");
        }
        return ExitCode.OK;
    }

    private List<Baseline> runs() {
        try (BaselineSource source = baselines.open(environment)) {
            if (inputs.size() == 1 && SuiteStore.isSuiteName(inputs.get(0)) && source.store().exists(inputs.get(0))) {
                return BaselineSource.references(source.store(), inputs.get(0), Math.max(1, last));
            }
            List<Baseline> runs = new ArrayList<>();
            var loadverdictConfig = ConfigLoader.load(environment, config);
            for (String input : inputs) {
                Run run = RunLoader.load(environment, List.of(input), loadverdictConfig, new ReadOptions(),
                        spec.commandLine().getErr(), java.util.Optional.of(source));
                runs.add(new Baseline(runs.size() + 1, Instant.EPOCH, Baseline.Provenance.none(), run));
            }
            return runs;
        }
    }

    /** A name from result files, inert on a terminal and cut to {@code width}. */
    private static String clip(String name, int width) {
        String text = dev.loadverdict.model.TerminalText.oneLine(name);
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
