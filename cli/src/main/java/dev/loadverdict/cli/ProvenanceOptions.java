package dev.loadverdict.cli;

import dev.loadverdict.model.Baseline;
import picocli.CommandLine.Option;

import java.util.Optional;

/** Where a run came from, for the baseline store: flags, else the GitHub Actions environment. */
final class ProvenanceOptions {

    @Option(names = "--note", paramLabel = "TEXT", description = "A note kept in the baseline's provenance.")
    String note;

    @Option(names = "--git-sha", paramLabel = "SHA", description = "The commit the run tested (default: $GITHUB_SHA when set).")
    String gitSha;

    @Option(names = "--git-ref", paramLabel = "REF", description = "The branch or tag (default: $GITHUB_REF_NAME when set).")
    String gitRef;

    @Option(names = "--run-url", paramLabel = "URL", description = "The CI run that produced it (default: the GitHub Actions run URL when set).")
    String runUrl;

    @Option(names = "--regressed", description = "The run failed its comparison (a regression): record it, but use it as no reference "
            + "(SUITE@auto, SUITE@commit:REV, SUITE@median:N, noise bands) unless it is promoted.")
    boolean regressed;

    Baseline.Provenance provenance(Main.Environment environment) {
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
                url, Optional.ofNullable(note), regressed);
    }
}
