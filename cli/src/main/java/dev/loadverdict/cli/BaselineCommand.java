package dev.loadverdict.cli;

import dev.loadverdict.baselines.BaselineFiles;
import dev.loadverdict.baselines.MetricHistory;
import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.comparator.RegressionDetector;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.compare.BaselineRef;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.reporter.ReportFormat;
import dev.loadverdict.reporter.Reports;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code loadverdict baseline}: manage baselines. */
@Command(name = "baseline", description = "Manages baselines.", versionProvider = VersionProvider.class,
        subcommands = {BaselineCommand.Promote.class, BaselineCommand.Record.class, BaselineCommand.ListSuites.class,
                BaselineCommand.Show.class, BaselineCommand.History.class, BaselineCommand.Import.class,
                BaselineCommand.Verify.class})
final class BaselineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a baseline command is required (promote, record, list, show, history, import, verify)");
    }

    /** Where a baseline goes: {@code --to FILE} or {@code --suite NAME}. */
    static final class Target {
        @Option(names = "--to", required = true, paramLabel = "FILE", description = "A single baseline file (every version kept beside it as NAME.vN.json).")
        String file;

        @Option(names = "--suite", required = true, paramLabel = "NAME", description = "A suite in the baselines directory (history kept as one file per run).")
        String suite;
    }

    /** {@code loadverdict baseline promote RUN (--to FILE | --suite NAME)}. */
    @Command(name = "promote", sortOptions = false, versionProvider = VersionProvider.class,
            description = {"Makes RUN the baseline, after checking it does not regress against the current one.",
                    "--to FILE: a new file starts at version 1, an existing one gets the next version; every version is kept beside it as NAME.vN.json.",
                    "--suite NAME: RUN is added to the suite's history (baselines/NAME/history/) and becomes its current baseline.",
                    "RUN is raw tool output, a directory, a run JSON, a baseline or history file, or SUITE@vN.",
                    "Rollback: 'promote NAME@vN --suite NAME' makes that earlier run current again, without recording it twice."})
    static final class Promote implements Callable<Integer> {

        private final Main.Environment environment;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "RUN", arity = "1..*", description = "The run to promote.")
        List<String> run;

        @Mixin
        ReadOptions window;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Mixin
        BaselinesDirOption baselines;

        @Option(names = "--force", description = "Promote even when RUN has a critical regression against the current baseline.")
        boolean force;

        @Option(names = "--break-lock", description = "Take over the suite's promotion lock when its owner is gone (a process killed on another machine;"
                + " a lock left by a dead process on this machine is taken over anyway).")
        boolean breakLock;

        @Option(names = "--config", paramLabel = "FILE", description = "loadverdict.yml with mapping rules and thresholds (default: ./loadverdict.yml when present).")
        String config;

        @Mixin
        ProvenanceOptions provenance;

        @Mixin
        RetentionOption retention;

        Promote(Main.Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            LoadverdictConfig loadverdictConfig = ConfigLoader.load(environment, config);
            if (target.file != null) {
                if (baselines.dataBranch != null) {
                    throw new UsageException("--to writes a baseline file in the working tree; --data-branch keeps suites (--suite NAME)");
                }
                return promoteToFile(loadverdictConfig);
            }
            String suite = requireSuiteName(target.suite);
            try (BaselineSource source = baselines.open(environment)) {
                java.util.OptionalInt rollback = run.size() != 1 ? java.util.OptionalInt.empty()
                        : source.versionOf(run.get(0), suite);
                SuiteChanges.Result result;
                if (rollback.isPresent()) {
                    if (window.selectsPart()) {
                        throw new UsageException("time windows and stages apply to raw tool output, not to " + run.get(0)
                                + ", a run of the suite's history");
                    }
                    result = source.write("loadverdict: roll suite " + suite + " back to v" + rollback.getAsInt(),
                            store -> SuiteChanges.restore(locking(store), suite, rollback.getAsInt(), loadverdictConfig, force));
                } else {
                    Run loaded = RunLoader.load(environment, run, loadverdictConfig, window, spec.commandLine().getErr(),
                            Optional.of(source));
                    Baseline.Provenance from = provenance.provenance(environment);
                    result = source.write("loadverdict: promote a run of suite " + suite + from.gitSha().map(c -> " (commit " + c + ")").orElse(""),
                            store -> {
                                SuiteChanges.Result r = SuiteChanges.promote(locking(store), suite, loaded, from, loadverdictConfig, force);
                                if (!(r instanceof SuiteChanges.Refused)) {
                                    retention.apply(store, suite, source.dataBranch().isPresent());
                                }
                                return r;
                            });
                }
                return report(result, source.store().display(suite), suite);
            }
        }

        private SuiteStore locking(SuiteStore store) {
            return breakLock ? store.breakingLock() : store;
        }

        private int report(SuiteChanges.Result result, String display, String suite) {
            var err = spec.commandLine().getErr();
            if (result instanceof SuiteChanges.Refused r) {
                err.print(Reports.render(ReportFormat.TEXT, r.check()));
                err.println("loadverdict: not " + (r.rollback() ? "rolled back" : "promoted") + ": the run has critical"
                        + " regressions against " + r.against() + " (shown above); nothing was changed. Use --force to "
                        + (r.rollback() ? "roll back" : "promote it") + " anyway.");
                return ExitCode.REGRESSION;
            } else if (result instanceof SuiteChanges.Promoted p) {
                err.println("loadverdict: " + display + " is now at version " + p.baseline().version()
                        + " (compare with: loadverdict compare --baseline " + suite + " RUN)");
            } else if (result instanceof SuiteChanges.Restored r) {
                if (r.alreadyRecorded()) {
                    err.println("loadverdict: this run is already in " + display + "'s history as v" + r.version());
                }
                err.println("loadverdict: " + display + " is at version " + r.version() + " again (rolled back"
                        + r.from().map(v -> " from v" + v).orElse("") + "; recorded in " + display
                        + "/baseline.json, the history is unchanged)");
            } else if (result instanceof SuiteChanges.AlreadyCurrent a) {
                err.println("loadverdict: " + suite + "@v" + a.version() + " is already the current baseline of "
                        + display + "; nothing was changed");
            }
            return ExitCode.OK;
        }

        private int promoteToFile(LoadverdictConfig loadverdictConfig) {
            var err = spec.commandLine().getErr();
            try (BaselineSource source = baselines.open(environment)) {
                Run loaded = RunLoader.load(environment, run, loadverdictConfig, window, err, Optional.of(source));
                String ref = target.file;
                Optional<BaselineSource.Found> current = source.findFile(ref);
                if (current.isPresent() && !force) {
                    Comparison check = RegressionDetector.compare(loaded, BaselineRef.of(current.get().location(),
                            current.get().baseline()), current.get().baseline().run(), loadverdictConfig);
                    if (check.worstSeverity().atLeast(Severity.CRITICAL)) {
                        err.print(Reports.render(ReportFormat.TEXT, check));
                        err.println("loadverdict: not promoted: the run has critical regressions against "
                                + current.get().location() + " (shown above); nothing was changed. Use --force to promote it anyway.");
                        return ExitCode.REGRESSION;
                    }
                }
                BaselineFiles.Promotion promotion = new BaselineFiles(environment.clock())
                        .promote(environment.resolve(ref), ref, loaded, provenance.provenance(environment));
                err.println("loadverdict: " + ref + " is now baseline version " + promotion.baseline().version()
                        + " (every version is kept: " + promotion.versionedCopy().getFileName() + ")");
                return ExitCode.OK;
            }
        }
    }

    /** {@code loadverdict baseline record RUN --suite NAME}. */
    @Command(name = "record", sortOptions = false, versionProvider = VersionProvider.class,
            description = {"Adds RUN to a suite's history without making it the baseline.",
                    "Record every nightly run: the history is what noise bands and robust baselines (SUITE@median:N) are made of."})
    static final class Record implements Callable<Integer> {

        private final Main.Environment environment;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "RUN", arity = "1..*", description = "The run to record.")
        List<String> run;

        @Mixin
        ReadOptions window;

        @Option(names = "--suite", required = true, paramLabel = "NAME", description = "The suite.")
        String suite;

        @Mixin
        BaselinesDirOption baselines;

        @Option(names = "--config", paramLabel = "FILE", description = "loadverdict.yml with mapping rules (default: ./loadverdict.yml when present).")
        String config;

        @Mixin
        ProvenanceOptions provenance;

        @Mixin
        RetentionOption retention;

        Record(Main.Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            String name = requireSuiteName(suite);
            try (BaselineSource source = baselines.open(environment)) {
                Run loaded = RunLoader.load(environment, run, ConfigLoader.load(environment, config), window,
                        spec.commandLine().getErr(), Optional.of(source));
                Baseline.Provenance from = provenance.provenance(environment);
                SuiteChanges.Result result = source.write("loadverdict: record a run of suite " + name
                        + from.gitSha().map(c -> " (commit " + c + ")").orElse(""),
                        store -> {
                            SuiteChanges.Result r = SuiteChanges.record(store, name, loaded, from);
                            retention.apply(store, name, source.dataBranch().isPresent());
                            return r;
                        });
                String display = source.store().display(name);
                var err = spec.commandLine().getErr();
                if (result instanceof SuiteChanges.AlreadyRecorded a) { // twice would count one run twice in noise bands
                    err.println("loadverdict: this run is already recorded as " + name + "@v" + a.version()
                            + " in " + display + "; nothing was recorded");
                } else if (result instanceof SuiteChanges.Recorded r) {
                    err.println("loadverdict: recorded as " + name + "@v" + r.baseline().version() + " in " + display
                            + " (the current baseline is unchanged)");
                }
                return ExitCode.OK;
            }
        }
    }

    /** {@code loadverdict baseline import FILE (--suite NAME | --to FILE)}. */
    @Command(name = "import", sortOptions = false, versionProvider = VersionProvider.class,
            description = {"Imports a flat legacy baseline (per service: avg_latency_ms, median_latency_ms, p95_latency_ms, p99_latency_ms,",
                    "error_rate_pct, rps, total_requests, total_failures, timestamp, baseline_users) and makes it the current baseline.",
                    "Each service is compared by its total; endpoints appear as new until a loadverdict run is promoted."})
    static final class Import implements Callable<Integer> {

        private final Main.Environment environment;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "FILE", description = "The legacy baseline JSON.")
        String file;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Mixin
        BaselinesDirOption baselines;

        @Option(names = "--tool", paramLabel = "TOOL", description = "The load tool the legacy numbers came from (locust, k6, gatling, jmeter), so the profile check can compare it; default: unknown (generic).")
        String tool;

        @Mixin
        ProvenanceOptions provenance;

        Import(Main.Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() throws java.io.IOException {
            java.nio.file.Path path = environment.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new InputException(file, "no such file");
            }
            Run imported;
            try (var reader = dev.loadverdict.extractor.InputFiles.openText(path, file)) {
                imported = dev.loadverdict.codec.LegacyBaselineJson.read(file, reader);
            }
            if (tool != null) {
                dev.loadverdict.model.Tool t = dev.loadverdict.model.Tool.fromId(tool)
                        .orElseThrow(() -> new UsageException("--tool: unknown tool '" + tool + "' (locust, k6, gatling, jmeter, generic)"));
                var m = imported.metadata();
                imported = new Run(new dev.loadverdict.model.RunMetadata(t, m.toolVersion(), m.sources(), m.start(), m.end(),
                        m.duration(), m.stage(), m.workload(), m.scriptHash(), m.labels(), m.mappingHash(), m.precision()),
                        imported.total(), imported.services());
            }
            Baseline.Provenance p = provenance.provenance(environment);
            if (p.note().isEmpty()) {
                p = new Baseline.Provenance(p.gitSha(), p.gitRef(), p.runUrl(), Optional.of("imported from " + file));
            }
            var err = spec.commandLine().getErr();
            if (target.file != null) {
                BaselineFiles.Promotion promotion = new BaselineFiles(environment.clock())
                        .promote(environment.resolve(target.file), target.file, imported, p);
                err.println("loadverdict: imported " + imported.services().size() + " service(s) into " + target.file
                        + ", version " + promotion.baseline().version());
            } else {
                String suite = requireSuiteName(target.suite);
                Baseline.Provenance from = p;
                Run run = imported;
                try (BaselineSource source = baselines.open(environment)) {
                    Baseline b = source.write("loadverdict: import " + file + " into suite " + suite,
                            store -> store.promote(suite, run, from));
                    err.println("loadverdict: imported " + imported.services().size() + " service(s) into "
                            + source.store().display(suite) + ", now at version " + b.version());
                }
            }
            return ExitCode.OK;
        }
    }

    /** {@code loadverdict baseline list}. */
    @Command(name = "list", versionProvider = VersionProvider.class, description = "Lists the suites with their current baseline and history size.")
    static final class ListSuites implements Callable<Integer> {

        private final Main.Environment environment;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        BaselinesDirOption baselines;

        ListSuites(Main.Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            try (BaselineSource source = baselines.open(environment)) {
                return list(source.store());
            }
        }

        private int list(SuiteStore store) {
            var out = spec.commandLine().getOut();
            List<String> suites = store.suites();
            if (suites.isEmpty()) {
                spec.commandLine().getErr().println("loadverdict: no suites in " + baselines.dir + "/ (create one with: loadverdict baseline promote RUN --suite NAME)");
                return ExitCode.OK;
            }
            out.printf(Locale.ROOT, "%-32s %8s %8s  %s%n", "SUITE", "CURRENT", "RUNS", "PROMOTED");
            for (String suite : suites) {
                Optional<Baseline> current = store.current(suite);
                out.printf(Locale.ROOT, "%-32s %8s %8d  %s%n", suite,
                        current.map(b -> "v" + b.version()).orElse("-"), store.size(suite),
                        current.map(b -> b.created().toString()).orElse("never"));
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    /** {@code loadverdict baseline verify}. */
    @Command(name = "verify", versionProvider = VersionProvider.class,
            description = {"Checks every baseline file: schema, versions, checksums, the current-baseline pointers.",
                    "Exits 3 when any problem is found, naming each file."})
    static final class Verify implements Callable<Integer> {

        private final Main.Environment environment;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = "baselines", description = "The baselines directory (default: ${DEFAULT-VALUE}).")
        String dir;

        Verify(Main.Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            if (!Files.isDirectory(environment.resolve(dir))) {
                throw new InputException(dir, "no such directory");
            }
            BaselineSource source = new BaselineSource(environment, dir);
            SuiteStore store = source.store();
            List<String> problems = new java.util.ArrayList<>(store.verify());
            int files = 0;
            for (String suite : store.suites()) {
                files += store.size(suite) + 1;
            }
            problems.addAll(verifySingleFiles(environment.resolve(dir), dir));
            var err = spec.commandLine().getErr();
            problems.forEach(p -> err.println("loadverdict: " + p));
            if (!problems.isEmpty()) {
                err.println("loadverdict: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + dir + "/");
                return ExitCode.BAD_INPUT;
            }
            spec.commandLine().getOut().println("loadverdict: " + dir + "/ is sound: " + store.suites().size() + " suite"
                    + (store.suites().size() == 1 ? "" : "s") + ", " + files + " suite files, every checksum matches");
            return ExitCode.OK;
        }

        /** Single baseline files ({@code --to FILE}) directly in the directory. */
        private List<String> verifySingleFiles(java.nio.file.Path directory, String display) {
            List<String> problems = new java.util.ArrayList<>();
            try (var children = Files.list(directory)) {
                BaselineFiles files = new BaselineFiles(environment.clock());
                for (java.nio.file.Path file : children.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                    String name = display + "/" + file.getFileName();
                    if (BaselineFiles.isVersionedCopy(file.getFileName().toString())) {
                        try {
                            files.read(file, name);
                        } catch (InputException e) {
                            problems.add(e.getMessage());
                        }
                    } else {
                        problems.addAll(files.check(file, name));
                    }
                }
            } catch (java.io.IOException e) {
                problems.add(display + ": cannot be listed: " + e.getMessage());
            }
            return problems;
        }
    }

    /** {@code loadverdict baseline history SUITE}. */
    @Command(name = "history", sortOptions = false, versionProvider = VersionProvider.class,
            description = {"Shows one metric of one endpoint across a suite's history: per run, then median, MAD and the noise band.",
                    "Without --endpoint, the service's total; without --service, the only service."})
    static final class History implements Callable<Integer> {

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

        @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "p95", description = "p50, p75, p90, p95, p99, p99.9, mean, max, error_rate or throughput (default: ${DEFAULT-VALUE}).")
        String metric;

        @Option(names = "--last", paramLabel = "N", description = "Only the last N runs.")
        Integer last;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
        String format;

        @Mixin
        NoiseKOption noise;

        @Mixin
        BaselinesDirOption baselines;

        History(Main.Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() throws java.io.IOException {
            Metric m = Metric.fromKey(metric).orElseThrow(() -> new UsageException("--metric: unknown metric '" + metric
                    + "' (one of: " + String.join(", ", java.util.Arrays.stream(Metric.values()).map(Metric::key).toList()) + ")"));
            if (!List.of("table", "csv", "json").contains(format)) {
                throw new UsageException("--format takes table, csv or json, not '" + format + "'");
            }
            try (BaselineSource source = baselines.open(environment)) {
                return show(source.store(), m);
            }
        }

        private int show(SuiteStore store, Metric m) {
            if (!store.exists(requireSuiteName(suite))) {
                throw new InputException(store.display(suite), "no such baseline suite");
            }
            List<Baseline> runs = store.last(suite, last == null ? Integer.MAX_VALUE : Math.max(1, last));
            if (runs.isEmpty()) {
                throw new InputException(store.display(suite), "has no recorded runs yet");
            }
            String serviceName = service != null ? service : onlyService(runs.get(runs.size() - 1).run(), store.display(suite));
            MetricHistory history = MetricHistory.of(runs, serviceName, Optional.ofNullable(endpoint), m);
            if (history.values().isEmpty()) {
                throw new InputException(store.display(suite), "no run has " + m.key() + " for " + serviceName + " "
                        + (endpoint == null ? "(total)" : endpoint));
            }
            var out = spec.commandLine().getOut();
            switch (format) {
                case "csv" -> {
                    java.io.StringWriter csv = new java.io.StringWriter();
                    history.table().write().csv(csv);
                    out.print(csv);
                }
                case "json" -> out.println(HistoryOutput.json(history, suite, serviceName, endpoint, runs.get(runs.size() - 1), noise.k()));
                default -> out.print(HistoryOutput.text(history, suite, serviceName, endpoint, runs.get(runs.size() - 1), noise.k()));
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

    /** {@code loadverdict baseline show REF}. */
    @Command(name = "show", versionProvider = VersionProvider.class,
            description = "Shows a baseline: where it came from and, per endpoint, its requests, error rate, percentiles and throughput.")
    static final class Show implements Callable<Integer> {

        private final Main.Environment environment;

        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Parameters(paramLabel = "REF", description = "A baseline file, SUITE, SUITE@vN or SUITE@median:N.")
        String ref;

        @Mixin
        BaselinesDirOption baselines;

        Show(Main.Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            try (BaselineSource source = baselines.open(environment)) {
                BaselineSource.Found found = source.find(ref)
                        .orElseThrow(() -> new InputException(ref, "no such baseline; " + source.howToCreate(ref)));
                var out = spec.commandLine().getOut();
                Optional<String> how = found.suite().filter(ref::equals).flatMap(s -> source.store().currentNote(s));
                out.print(HistoryOutput.show(found.location(), found.baseline(), how));
                out.flush();
                return ExitCode.OK;
            }
        }
    }

    static String requireSuiteName(String suite) {
        if (!SuiteStore.isSuiteName(suite)) {
            throw new UsageException("--suite takes a name of letters, digits, '.', '_' or '-', not '" + suite + "'");
        }
        return suite;
    }
}
