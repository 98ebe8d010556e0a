package dev.loadverdict.cli;

import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.model.Baseline;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code loadverdict baseline list}. */
@Command(name = "list", optionListHeading = Sections.OPTIONS, abbreviateSynopsis = true, versionProvider = VersionProvider.class, description = "Lists the suites with their current baseline and history size.")
final class BaselineListCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @ArgGroup(validate = false, heading = Sections.BASELINES)
    BaselinesDirOption baselines = new BaselinesDirOption();

    BaselineListCommand(Main.Environment environment) {
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
