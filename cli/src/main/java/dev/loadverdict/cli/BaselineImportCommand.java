package dev.loadverdict.cli;

import dev.loadverdict.baselines.BaselineFiles;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.baselines.LegacyImport;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Run;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code loadverdict baseline import FILE (--suite NAME | --to FILE)}. */
@Command(name = "import", optionListHeading = Sections.OPTIONS, abbreviateSynopsis = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Imports a flat legacy baseline (per service: avg_latency_ms, median_latency_ms, p95_latency_ms, p99_latency_ms,",
                "error_rate_pct, rps, total_requests, total_failures, timestamp, baseline_users) and makes it the current baseline.",
                "Each service is compared by its total; endpoints appear as new until a loadverdict run is promoted."})
final class BaselineImportCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "The legacy baseline JSON.")
    String file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    BaselineCommand.Target target;

    @ArgGroup(validate = false, heading = Sections.BASELINES)
    BaselinesDirOption baselines = new BaselinesDirOption();

    @Option(names = "--tool", paramLabel = "TOOL", description = "The load tool the legacy numbers came from (locust, k6, gatling, jmeter), so the profile check can compare it; default: unknown (generic).")
    String tool;

    @ArgGroup(validate = false, heading = Sections.PROVENANCE)
    ProvenanceOptions provenance = new ProvenanceOptions();

    BaselineImportCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws java.io.IOException {
        java.nio.file.Path path = environment.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new InputException(file, "no such file");
        }
        Optional<Tool> madeWith = Optional.ofNullable(tool).map(t -> Tool.fromId(t)
                .orElseThrow(() -> new UsageException("--tool: unknown tool '" + t + "' (locust, k6, gatling, jmeter, generic)")));
        LegacyImport legacy;
        try (var reader = InputFiles.openText(path, file)) {
            legacy = LegacyImport.read(file, reader, madeWith, provenance.provenance(environment));
        }
        Run imported = legacy.run();
        Baseline.Provenance p = legacy.provenance();
        var err = spec.commandLine().getErr();
        if (target.file != null) {
            BaselineFiles.Promotion promotion = new BaselineFiles(environment.clock())
                    .promote(environment.resolve(target.file), target.file, imported, p);
            err.println("loadverdict: imported " + imported.services().size() + " service(s) into " + target.file
                    + ", version " + promotion.baseline().version());
        } else {
            String suite = BaselineCommand.requireSuiteName(target.suite);
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
