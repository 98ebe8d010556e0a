package dev.loadverdict.cli;

import dev.loadverdict.issuebot.GitHubIssues;
import dev.loadverdict.issuebot.IssuePlan;
import dev.loadverdict.issuebot.IssuePlanner;
import dev.loadverdict.issuebot.IssueTexts;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.reporter.Reports;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The issue bot's options and its run, shared by {@code loadverdict issues} and {@code compare --create-issues}: one GitHub
 * issue per (suite, service) with critical regressions, found again by a hidden fingerprint.
 */
final class IssueOptions {

    static final String DEFAULT_LABEL = "performance-regression";
    static final String DEFAULT_TITLE = "Performance regression in {service} ({suite})";

    @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "The repository to file issues in (default: $GITHUB_REPOSITORY).")
    String repo;

    @Option(names = {"-s", "--suite"}, paramLabel = "NAME", description = "The suite, part of each issue's identity (default: the baseline's suite, else 'default').")
    String suite;

    @Option(names = "--label", paramLabel = "LABEL", description = "Labels of new issues; the first finds loadverdict's open issues (default: " + DEFAULT_LABEL + ").")
    List<String> labels;

    @Option(names = "--assignee", paramLabel = "LOGIN", description = "Assignees of new issues.")
    List<String> assignees;

    @Option(names = "--title", paramLabel = "TEMPLATE",
            description = "Title of a new issue; {service} and {suite} are filled in (default: loadverdict.yml's issues.title, else \"" + DEFAULT_TITLE + "\").")
    String title;

    @Option(names = "--confirm-runs", paramLabel = "K", description = "Open an issue only on a service's K-th failing run in a row (default: loadverdict.yml's issues.confirmRuns, else 1); the counts live in a pending-state issue.")
    Integer confirmRuns;

    @Option(names = "--run-ref", paramLabel = "SUITE@vN", description = "The compared run as recorded in its suite (e.g. shop@v12): the issue's reproduce command then names it, so it works in any clone of the repository, without the result files.")
    String runRef;

    @Option(names = "--close-resolved", description = "Close an issue when its service passes again with enough requests.")
    boolean closeResolved;

    @Option(names = {"-n", "--dry-run"}, description = "Print each action with the title, labels, assignees and body or comment exactly as it would be sent, and change nothing.")
    boolean dryRun;

    @Option(names = "--token-env", paramLabel = "NAME", defaultValue = "GITHUB_TOKEN", description = "The environment variable holding the token (default: ${DEFAULT-VALUE}).")
    String tokenEnv = "GITHUB_TOKEN"; // also when a group holding it is made anew

    /**
     * Plans and carries out the issues for a comparison (or prints the plan with {@code --dry-run}).
     *
     * @param verdictExit the exit code the comparison's verdict gives
     * @return that exit code; on a GitHub failure 4, or the verdict's 1 when the run regressed anyway (inside GitHub
     *         Actions a 403 that is no rate limit, a fork's read-only token, only warns; a 401 is a failure)
     */
    int file(Main.Environment environment, Comparison comparison, String config, String defaultSuite, int verdictExit,
             BaselinesDirOption baselines, PrintWriter out, PrintWriter err) {
        String suite = this.suite != null ? this.suite : defaultSuite;
        String repo = this.repo != null ? this.repo : environment.variables().get("GITHUB_REPOSITORY");
        if (repo == null || repo.isBlank()) {
            throw new UsageException("no repository: give --repo OWNER/NAME");
        }
        dev.loadverdict.model.config.IssueSettings settings = ConfigLoader.load(environment, config).issues();
        List<String> labelList = labels != null && !labels.isEmpty() ? labels
                : !settings.labels().isEmpty() ? settings.labels() : List.of(DEFAULT_LABEL);
        List<String> assigneeList = assignees != null && !assignees.isEmpty() ? assignees : settings.assignees();
        String titleTemplate = title != null ? title : settings.title().orElse(DEFAULT_TITLE);
        int confirm = confirmRuns != null ? confirmRuns : settings.confirmRuns().orElse(1);
        if (confirm < 1) {
            throw new UsageException("--confirm-runs takes a whole number of at least 1, not " + confirm);
        }
        IssuePlanner.Options options = new IssuePlanner.Options(suite, labelList, assigneeList, closeResolved, confirm,
                Reports.issueTitle(IssuePlanner.Options.defaultPendingTitle("{suite}"), "", suite));
        List<IssuePlanner.Scope> scopes = scopes(environment, comparison, titleTemplate, suite, baselines);
        String token = environment.variables().getOrDefault(tokenEnv, "");
        if (token.isBlank()) {
            if (!dryRun) {
                throw new UsageException("no GitHub token: set $" + tokenEnv + " (or --token-env NAME), or use --dry-run");
            }
            err.println("loadverdict: no token in $" + tokenEnv + ": planning as if no loadverdict issue were open");
            DryRun.print(IssuePlanner.plan(scopes, List.of(), options), out);
            return verdictExit;
        }
        try {
            GitHubIssues github = GitHubAccess.connect(environment, repo, token);
            IssuePlan plan = IssuePlanner.plan(scopes, github.openIssues(labelList.get(0)), options);
            if (dryRun) {
                DryRun.print(plan, out);
                return verdictExit;
            }
            github.apply(plan, labelList.get(0)).forEach(line -> out.println("loadverdict: " + line));
            if (plan.actions().isEmpty()) {
                out.println("loadverdict: no issue to open, update or close");
            }
            out.flush();
            return verdictExit;
        } catch (GitHubIssues.GitHubException e) {
            err.println("loadverdict: " + e.getMessage());
            if (e.forbidden() && environment.variables().containsKey("GITHUB_ACTIONS")) {
                err.println("loadverdict: warning: the token cannot write issues here (a pull request from a fork gets a read-only token);"
                        + " the verdict alone decides the exit code");
                return verdictExit;
            }
            return verdictExit == ExitCode.REGRESSION ? ExitCode.REGRESSION : ExitCode.INTERNAL;
        }
    }

    /** Each service (after its stage) of the comparison, with what its issue would say. */
    private List<IssuePlanner.Scope> scopes(Main.Environment environment, Comparison comparison, String titleTemplate, String suite,
                                            BaselinesDirOption baselines) {
        Map<String, String> env = environment.variables();
        String commit = env.getOrDefault("GITHUB_SHA", "");
        String runUrl = SavedComparisons.runUrl(env).orElse("")
                + (commit.length() >= 7 ? (SavedComparisons.runUrl(env).isPresent() ? ", " : "") + "commit " + commit.substring(0, 7) : "");
        String reproduce = Reproduce.commands(env, comparison, baselines, java.util.Optional.ofNullable(runRef));
        return IssueTexts.scopes(comparison, suite, titleTemplate, runUrl, reproduce);
    }
}
