package dev.perfgate.cli;

import dev.perfgate.baselines.BaselineFiles;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code perfgate baseline}: manage baselines. */
@Command(name = "baseline", description = "Manages baselines.", versionProvider = VersionProvider.class,
        subcommands = {BaselineCommand.Promote.class})
final class BaselineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a baseline command is required (promote)");
    }

    /** {@code perfgate baseline promote RUN --to FILE}. */
    @Command(name = "promote", sortOptions = false, versionProvider = VersionProvider.class,
            description = {"Makes RUN the baseline in FILE.",
                    "A new file starts at version 1; an existing one gets the next version. Every version is also kept beside it as NAME.vN.json.",
                    "RUN is raw tool output, a directory, or a run JSON."})
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

        @Option(names = "--to", required = true, paramLabel = "FILE", description = "The baseline file to write.")
        String to;

        @Option(names = "--config", paramLabel = "FILE", description = "perfgate.yml with mapping rules (default: ./perfgate.yml when present).")
        String config;

        @Option(names = "--note", paramLabel = "TEXT", description = "A note kept in the baseline's provenance.")
        String note;

        @Option(names = "--git-sha", paramLabel = "SHA", description = "The commit the run tested (default: $GITHUB_SHA when set).")
        String gitSha;

        @Option(names = "--git-ref", paramLabel = "REF", description = "The branch or tag (default: $GITHUB_REF_NAME when set).")
        String gitRef;

        @Option(names = "--run-url", paramLabel = "URL", description = "The CI run that produced it (default: the GitHub Actions run URL when set).")
        String runUrl;

        Promote(Main.Environment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            Run loaded = RunLoader.load(environment, run, ConfigLoader.load(environment, config), window,
                    spec.commandLine().getErr());
            BaselineFiles files = new BaselineFiles(environment.clock());
            BaselineFiles.Promotion promotion = files.promote(environment.resolve(to), to, loaded, provenance());
            var err = spec.commandLine().getErr();
            err.println("perfgate: " + to + " is now baseline version " + promotion.baseline().version()
                    + " (every version is kept: " + promotion.versionedCopy().getFileName() + ")");
            return ExitCode.OK;
        }

        private Baseline.Provenance provenance() {
            var env = environment.variables();
            Optional<String> url = Optional.ofNullable(runUrl);
            if (url.isEmpty() && env.containsKey("GITHUB_SERVER_URL") && env.containsKey("GITHUB_REPOSITORY")
                    && env.containsKey("GITHUB_RUN_ID")) {
                url = Optional.of(env.get("GITHUB_SERVER_URL") + "/" + env.get("GITHUB_REPOSITORY")
                        + "/actions/runs/" + env.get("GITHUB_RUN_ID"));
            }
            return new Baseline.Provenance(
                    Optional.ofNullable(gitSha).or(() -> Optional.ofNullable(env.get("GITHUB_SHA"))),
                    Optional.ofNullable(gitRef).or(() -> Optional.ofNullable(env.get("GITHUB_REF_NAME"))),
                    url, Optional.ofNullable(note));
        }
    }
}
