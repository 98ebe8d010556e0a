package dev.loadverdict.cli;

import dev.loadverdict.baselines.BaselinesVerification;
import dev.loadverdict.model.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code loadverdict baseline verify}. */
@Command(name = "verify", versionProvider = VersionProvider.class,
        description = {"Checks every baseline file: schema, versions, checksums, the current-baseline pointers.",
                "Exits 3 when any problem is found, naming each file."})
final class BaselineVerifyCommand implements Callable<Integer> {

    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--baselines-dir", paramLabel = "DIR", defaultValue = "baselines", description = "The baselines directory to check (default: ${DEFAULT-VALUE}).")
    String baselinesDir;

    /** The directory as a positional argument, as before {@code --baselines-dir}; kept one release, with a warning. */
    @Parameters(paramLabel = "DIR", arity = "0..1", hidden = true, description = "Deprecated: use --baselines-dir DIR.")
    String deprecatedDir;

    BaselineVerifyCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        String dir = directory();
        if (!Files.isDirectory(environment.resolve(dir))) {
            throw new InputException(dir, "no such directory");
        }
        BaselinesVerification verification = BaselinesVerification.of(environment.resolve(dir), dir, environment.clock());
        List<String> problems = verification.problems();
        var err = spec.commandLine().getErr();
        problems.forEach(p -> err.println("loadverdict: " + p));
        if (!problems.isEmpty()) {
            err.println("loadverdict: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + dir + "/");
            return ExitCode.BAD_INPUT;
        }
        spec.commandLine().getOut().println("loadverdict: " + dir + "/ is sound: " + verification.suites() + " suite"
                + (verification.suites() == 1 ? "" : "s") + ", " + verification.suiteFiles() + " suite files, every checksum matches");
        return ExitCode.OK;
    }

    private String directory() {
        if (deprecatedDir == null) {
            return baselinesDir;
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--baselines-dir")) {
            throw new UsageException("give the directory once, as --baselines-dir DIR");
        }
        spec.commandLine().getErr().println("loadverdict: warning: 'baseline verify DIR' is deprecated and will be removed;"
                + " use 'baseline verify --baselines-dir DIR' like every other command");
        return deprecatedDir;
    }
}
