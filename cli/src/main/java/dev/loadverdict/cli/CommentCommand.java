package dev.loadverdict.cli;

import dev.loadverdict.issuebot.GitHubIssues;
import dev.loadverdict.issuebot.IssueTexts;
import dev.loadverdict.model.compare.Comparison;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code loadverdict comment COMPARISON.json}: the one sticky pull-request comment, created or updated in place. */
@Command(name = "comment", optionListHeading = Sections.OPTIONS, abbreviateSynopsis = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {"Creates or updates loadverdict's one comment on a pull request with a saved comparison (a hidden marker finds it).",
                "The pull request comes from --pr or, inside GitHub Actions, from the pull_request event; the repository from --repo or $GITHUB_REPOSITORY.",
                "--dry-run prints the comment exactly as it would be sent and changes nothing."})
final class CommentCommand implements Callable<Integer> {


    private final Main.Environment environment;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "COMPARISON.json", description = "A comparison JSON (compare --format json or --report json).")
    String comparisonFile;

    @Option(names = "--pr", paramLabel = "N", description = "The pull request's number (default: from $GITHUB_EVENT_PATH).")
    Integer pr;

    @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "The repository (default: $GITHUB_REPOSITORY).")
    String repo;

    @Option(names = "--token-env", paramLabel = "NAME", defaultValue = "GITHUB_TOKEN", description = "The environment variable holding the token (default: ${DEFAULT-VALUE}).")
    String tokenEnv;

    @Option(names = {"-n", "--dry-run"}, description = "Print the comment exactly as it would be sent, and change nothing (GitHub is not asked, no token needed).")
    boolean dryRun;

    @ArgGroup(validate = false, heading = Sections.VERDICT)
    FailOnOption failOn = new FailOnOption();

    CommentCommand(Main.Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        Comparison comparison = SavedComparisons.read(environment, comparisonFile);
        int verdictExit = failOn.exitCode(comparison);
        Map<String, String> env = environment.variables();
        String repository = repo != null ? repo : env.get("GITHUB_REPOSITORY");
        if (repository == null || repository.isBlank()) {
            throw new UsageException("no repository: give --repo OWNER/NAME");
        }
        int number = pr != null ? pr : pullRequestFromEvent(env);
        String runUrl = env.containsKey("GITHUB_SERVER_URL") && env.containsKey("GITHUB_RUN_ID")
                ? env.get("GITHUB_SERVER_URL") + "/" + repository + "/actions/runs/" + env.get("GITHUB_RUN_ID") : "";
        String body = IssueTexts.comment(comparison, runUrl);
        if (dryRun) {
            DryRun.printComment(repository, number, body, spec.commandLine().getOut());
            return verdictExit;
        }
        String token = env.getOrDefault(tokenEnv, "");
        if (token.isBlank()) {
            throw new UsageException("no GitHub token: set $" + tokenEnv + " (or --token-env NAME), or use --dry-run");
        }
        try {
            GitHubIssues github = GitHubAccess.connect(environment, repository, token);
            spec.commandLine().getOut().println("loadverdict: " + github.stickyComment(number, IssueTexts.commentMarker(), body));
            return verdictExit;
        } catch (GitHubIssues.GitHubException e) {
            spec.commandLine().getErr().println("loadverdict: " + e.getMessage());
            if (e.forbidden()) { // a 403 that is no rate limit; a 401 (bad credentials) is a failure like any other
                spec.commandLine().getErr().println("loadverdict: warning: the token cannot comment here (a pull request from a fork"
                        + " gets a read-only token); the verdict alone decides the exit code");
                return verdictExit;
            }
            return verdictExit == ExitCode.REGRESSION ? ExitCode.REGRESSION : ExitCode.INTERNAL;
        }
    }

    /** The pull request of a GitHub Actions pull_request (or pull_request_target) event. */
    private int pullRequestFromEvent(Map<String, String> env) {
        if (env.get("GITHUB_EVENT_PATH") == null) {
            throw new UsageException("no pull request: give --pr N (outside a pull_request event of GitHub Actions)");
        }
        return GitHubEvent.of(environment).pullRequest().orElseThrow(() -> new UsageException("the GitHub event ("
                + env.getOrDefault("GITHUB_EVENT_NAME", "?") + ") is not a pull request; give --pr N"));
    }
}
