package dev.loadverdict.cli;

import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.Run;
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

/** {@code loadverdict baseline record RUN --suite NAME}. */
@Command(name = "record", optionListHeading = Sections.OPTIONS, abbreviateSynopsis = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Adds RUN to a suite's history without making it the baseline.",
                "Record every nightly run: the history is what noise bands and robust baselines (SUITE@median:N) are made of."})
final class BaselineRecordCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "RUN", arity = "1..*", description = "The run to record.")
    List<String> run;

    @ArgGroup(validate = false, heading = Sections.WINDOWS)
    ReadOptions window = new ReadOptions();

    @Option(names = {"-s", "--suite"}, required = true, paramLabel = "NAME", description = "The suite.")
    String suite;

    @ArgGroup(validate = false, heading = Sections.BASELINES)
    BaselinesDirOption baselines = new BaselinesDirOption();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "loadverdict.yml with mapping rules (default: ./loadverdict.yml when present).")
    String config;

    @ArgGroup(validate = false, heading = Sections.PROVENANCE)
    ProvenanceOptions provenance = new ProvenanceOptions();

    @ArgGroup(validate = false, heading = Sections.RETENTION)
    RetentionOption retention = new RetentionOption();

    BaselineRecordCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        String name = BaselineCommand.requireSuiteName(suite);
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
