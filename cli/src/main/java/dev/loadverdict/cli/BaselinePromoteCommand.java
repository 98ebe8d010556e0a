package dev.loadverdict.cli;

import dev.loadverdict.baselines.BaselineFiles;
import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.Run;
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

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code loadverdict baseline promote RUN (--to FILE | --suite NAME)}. */
@Command(name = "promote", optionListHeading = Sections.OPTIONS, abbreviateSynopsis = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Makes RUN the baseline, after checking it does not regress against the current one.",
                "--to FILE: a new file starts at version 1, an existing one gets the next version; every version is kept beside it as NAME.vN.json.",
                "--suite NAME: RUN is added to the suite's history (baselines/NAME/history/) and becomes its current baseline.",
                "RUN is raw tool output, a directory, a run JSON, a baseline or history file, or SUITE@vN.",
                "Rollback: 'promote NAME@vN --suite NAME' makes that earlier run current again, without recording it twice."})
final class BaselinePromoteCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "The run to promote.")
    List<String> run;

    @ArgGroup(validate = false, heading = Sections.WINDOWS)
    ReadOptions window = new ReadOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    BaselineCommand.Target target;

    @ArgGroup(validate = false, heading = Sections.BASELINES)
    BaselinesDirOption baselines = new BaselinesDirOption();

    @Option(names = "--force", description = "Promote even when RUN has a critical regression against the current baseline.")
    boolean force;

    @Option(names = "--break-lock", description = "Take over the suite's promotion lock when its owner is gone (a process killed on another machine;"
            + " a lock left by a dead process on this machine is taken over anyway).")
    boolean breakLock;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "loadverdict.yml with mapping rules and thresholds (default: ./loadverdict.yml when present).")
    String config;

    @ArgGroup(validate = false, heading = Sections.PROVENANCE)
    ProvenanceOptions provenance = new ProvenanceOptions();

    @ArgGroup(validate = false, heading = Sections.RETENTION)
    RetentionOption retention = new RetentionOption();

    BaselinePromoteCommand(Main.Environment environment) {
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
        String suite = BaselineCommand.requireSuiteName(target.suite);
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
                Comparison check = ComparePipeline.compare(loaded, current.get(), source.store(),
                        ComparePipeline.Settings.defaults(loadverdictConfig), List.of()).comparison();
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
