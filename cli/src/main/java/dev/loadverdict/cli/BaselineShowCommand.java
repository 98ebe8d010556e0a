package dev.loadverdict.cli;

import dev.loadverdict.baselines.HistoryView;
import dev.loadverdict.model.InputException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code loadverdict baseline show REF}. */
@Command(name = "show", optionListHeading = Sections.OPTIONS, abbreviateSynopsis = true, versionProvider = VersionProvider.class,
        description = "Shows a baseline: where it came from and, per endpoint, its requests, error rate, percentiles and throughput.")
final class BaselineShowCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "REF", description = "A baseline file, SUITE, SUITE@vN or SUITE@median:N.")
    String ref;

    @ArgGroup(validate = false, heading = Sections.BASELINES)
    BaselinesDirOption baselines = new BaselinesDirOption();

    BaselineShowCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (BaselineSource source = baselines.open(environment)) {
            BaselineSource.Found found = source.find(ref)
                    .orElseThrow(() -> new InputException(ref, "no such baseline; " + source.howToCreate(ref)));
            var out = spec.commandLine().getOut();
            Optional<String> how = found.suite().filter(ref::equals).flatMap(s -> source.store().currentNote(s));
            out.print(HistoryView.show(found.location(), found.baseline(), how));
            out.flush();
            return ExitCode.OK;
        }
    }
}
