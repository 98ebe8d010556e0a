package dev.loadverdict.cli;

import dev.loadverdict.baselines.AtomicFiles;
import dev.loadverdict.codec.RunJson;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.config.LoadverdictConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code loadverdict extract}: raw tool output in, normalised run JSON out. */
@Command(name = "extract", optionListHeading = Sections.OPTIONS, abbreviateSynopsis = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Reads load-test results and writes the normalised run as JSON.",
                "INPUT is a result file (e.g. Locust's *_stats.csv), a directory holding one, or a file-name prefix (Locust's --csv PREFIX, e.g. results/run_); the format is detected from the content."})
final class ExtractCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Result file(s) or directory.")
    List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the run JSON here instead of stdout.")
    String output;

    @ArgGroup(validate = false, heading = Sections.WINDOWS)
    ReadOptions window = new ReadOptions();

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "loadverdict.yml with mapping rules (default: ./loadverdict.yml when present).")
    String config;

    ExtractCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        LoadverdictConfig loadverdictConfig = ConfigLoader.load(environment, config);
        Run run = RunLoader.load(environment, inputs, loadverdictConfig, window, spec.commandLine().getErr());
        String json = RunJson.write(run);
        if (output == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        } else {
            AtomicFiles.write(environment.resolve(output), output, json);
            spec.commandLine().getErr().println("loadverdict: wrote " + output);
        }
        return ExitCode.OK;
    }
}
