package dev.loadverdict.issuebot;

import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueBuilder;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Carries out an {@link IssuePlan} on GitHub (or GitHub Enterprise) through org.kohsuke:github-api.
 *
 * <p>Robust and idempotent: every call is retried with backoff on a 5xx answer and on a secondary rate limit (403 or
 * 429 with {@code Retry-After}, which is honoured); before creating an issue the open issues are listed again, so a
 * retry or a re-run after a timeout that did create it finds it instead of creating a second one. Failures are
 * {@link GitHubException}s whose message never contains the token.
 */
public final class GitHubIssues {

    /** Attempts per call: the first and three retries. */
    static final int ATTEMPTS = 4;

    private final GHRepository repository;
    private final String token;
    private final LongConsumer sleeper;

    private GitHubIssues(GHRepository repository, String token, LongConsumer sleeper) {
        this.repository = repository;
        this.token = token;
        this.sleeper = sleeper;
    }

    /**
     * Connects to a repository.
     *
     * @param apiUrl the REST API's root ({@code https://api.github.com}, or an Enterprise server's {@code …/api/v3})
     * @param repository {@code OWNER/NAME}
     * @param token the token; never printed
     * @param sleeper waits the given milliseconds between attempts (tests pass one that does not sleep)
     */
    public static GitHubIssues connect(String apiUrl, String repository, String token, LongConsumer sleeper) {
        Objects.requireNonNull(token, "token == null");
        try {
            // rate and abuse limits fail fast here, so that loadverdict's own retry waits (Retry-After, bounded) instead
            // of the library sleeping up to an hour inside a CI job
            GitHub github = new GitHubBuilder().withEndpoint(apiUrl).withOAuthToken(token)
                    .withRateLimitHandler(org.kohsuke.github.GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(org.kohsuke.github.GitHubAbuseLimitHandler.FAIL).build();
            GHRepository repo = retrying(token, sleeper, "open repository " + repository, () -> github.getRepository(repository));
            return new GitHubIssues(repo, token, sleeper);
        } catch (IOException e) {
            throw new GitHubException(clean("cannot connect to " + apiUrl + ": " + e.getMessage(), token), e);
        }
    }

    /** The open issues with the label, all pages; pull requests left out. */
    public List<IssuePlanner.OpenIssue> openIssues(String label) {
        return retrying(token, sleeper, "list open issues labelled " + label, () -> {
            List<IssuePlanner.OpenIssue> out = new ArrayList<>();
            for (GHIssue issue : repository.queryIssues().label(label).state(GHIssueState.OPEN).pageSize(100).list()) {
                if (!issue.isPullRequest()) {
                    out.add(new IssuePlanner.OpenIssue(issue.getNumber(), issue.getBody() == null ? "" : issue.getBody()));
                }
            }
            return out;
        });
    }

    /**
     * Carries out the plan, in order.
     *
     * @return one line per action done, e.g. {@code created issue #12 "…"}
     */
    public List<String> apply(IssuePlan plan, String label) {
        List<String> done = new ArrayList<>();
        for (IssuePlan.Action action : plan.actions()) {
            done.add(apply(action, label));
        }
        return done;
    }

    private String apply(IssuePlan.Action action, String label) {
        if (action instanceof IssuePlan.Create c) {
            return create(c, label);
        }
        if (action instanceof IssuePlan.Comment c) {
            retrying(token, sleeper, "comment on issue #" + c.issue(), () -> repository.getIssue(c.issue()).comment(c.body()));
            return "commented on issue #" + c.issue();
        }
        if (action instanceof IssuePlan.UpdateBody u) {
            retrying(token, sleeper, "update issue #" + u.issue(), () -> {
                repository.getIssue(u.issue()).setBody(u.body());
                return null;
            });
            return "updated the summary of issue #" + u.issue();
        }
        if (action instanceof IssuePlan.UpdatePending p) {
            return pending(p);
        }
        IssuePlan.Close c = (IssuePlan.Close) action;
        retrying(token, sleeper, "close issue #" + c.issue(), () -> {
            repository.getIssue(c.issue()).close();
            return null;
        });
        return "closed issue #" + c.issue();
    }

    private String pending(IssuePlan.UpdatePending p) {
        if (p.issue().isPresent()) {
            int n = p.issue().get();
            retrying(token, sleeper, "update the pending-state issue #" + n, () -> {
                GHIssue issue = repository.getIssue(n);
                issue.setBody(p.body());
                if (p.empty()) {
                    issue.close();
                }
                return null;
            });
            return p.empty() ? "closed the pending-state issue #" + n : "updated the pending-state issue #" + n;
        }
        if (p.empty()) {
            return "nothing awaits confirmation";
        }
        GHIssue created = retrying(token, sleeper, "create the pending-state issue", () -> {
            GHIssueBuilder builder = repository.createIssue(p.title()).body(p.body());
            p.labels().forEach(builder::label);
            return builder.create();
        });
        return "created the pending-state issue #" + created.getNumber();
    }

    private String create(IssuePlan.Create c, String label) {
        // Every attempt first looks for the issue: an earlier attempt (or run) may have created it even though its
        // answer was lost, and creating it again would be the duplicate loadverdict promises never to make.
        int[] found = {0};
        GHIssue issue = retrying(token, sleeper, "create issue \"" + c.title() + "\"", () -> {
            for (GHIssue open : repository.queryIssues().label(label).state(GHIssueState.OPEN).pageSize(100).list()) {
                if (Fingerprint.findIn(open.getBody()).filter(c.fingerprint()::equals).isPresent()) {
                    found[0] = open.getNumber();
                    return open;
                }
            }
            GHIssueBuilder builder = repository.createIssue(c.title()).body(c.body());
            c.labels().forEach(builder::label);
            c.assignees().forEach(builder::assignee);
            return builder.create();
        });
        return found[0] != 0 ? "found issue #" + found[0] + " already open for \"" + c.title() + "\"; not created twice"
                : "created issue #" + issue.getNumber() + " \"" + c.title() + "\"";
    }

    /**
     * Creates or updates loadverdict's one comment on a pull request: the comment whose body holds {@code marker} is
     * rewritten, else one is created. A retry after a lost answer finds the comment it created.
     *
     * @return {@code created comment on #N} or {@code updated comment on #N}
     */
    public String stickyComment(int pullRequest, String marker, String body) {
        if (!body.contains(marker)) {
            throw new IllegalArgumentException("the body must carry the marker it is found by");
        }
        return retrying(token, sleeper, "comment on pull request #" + pullRequest, () -> {
            GHIssue pr = repository.getIssue(pullRequest);
            for (org.kohsuke.github.GHIssueComment comment : pr.listComments()) {
                if (comment.getBody() != null && comment.getBody().contains(marker)) {
                    if (!comment.getBody().equals(body)) {
                        comment.update(body);
                    }
                    return "updated comment on #" + pullRequest;
                }
            }
            pr.comment(body);
            return "created comment on #" + pullRequest;
        });
    }

    /** One GitHub call that may be retried. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    static <T> T retrying(String token, LongConsumer sleeper, String what, Call<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                try {
                    return call.run();
                } catch (org.kohsuke.github.GHException e) {
                    // paged iteration wraps its IOException in this unchecked one
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IOException(e.getMessage(), e);
                }
            } catch (IOException e) {
                long wait = retryAfter(e, attempt);
                if (wait < 0 || attempt == ATTEMPTS) {
                    throw new GitHubException(clean("GitHub: cannot " + what + ": " + describe(e), token), e);
                }
                sleeper.accept(wait);
            }
        }
    }

    /** How long to wait before retrying, or -1 when the failure is not worth retrying. */
    static long retryAfter(IOException e, int attempt) {
        long backoff = 1000L << (attempt - 1);
        if (e instanceof HttpException http) {
            int status = http.getResponseCode();
            List<String> after = headers(http).get("Retry-After");
            if ((status == 403 || status == 429) && after != null && !after.isEmpty()) {
                try {
                    return Math.min(120_000, Long.parseLong(after.get(0).trim()) * 1000);
                } catch (NumberFormatException ignored) {
                    return backoff; // an HTTP date instead of seconds: fall back to backoff
                }
            }
            return status >= 500 || status <= 0 ? backoff : -1; // 5xx, or no answer at all (connection reset)
        }
        return e instanceof GHFileNotFoundException ? -1 : backoff; // connection reset, timeout: try again
    }

    private static java.util.Map<String, List<String>> headers(HttpException http) {
        try {
            java.util.Map<String, List<String>> headers = http.getResponseHeaderFields();
            return headers == null ? java.util.Map.of() : headers;
        } catch (NullPointerException noResponse) { // no response arrived, so there are no headers
            return java.util.Map.of();
        }
    }

    private static String describe(IOException e) {
        if (e instanceof HttpException http) {
            return switch (http.getResponseCode()) {
                case 401 -> "401 Unauthorized: the token is missing, wrong or expired";
                case 403 -> "403 Forbidden: the token may not write issues (a pull request from a fork gets a read-only token)"
                        + " or a rate limit was hit";
                case 404 -> "404 Not Found: no such repository, or the token cannot see it";
                default -> http.getResponseCode() + " " + firstLine(http.getMessage());
            };
        }
        return e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** The message with the token removed, wherever it appears. */
    static String clean(String message, String token) {
        return token.isEmpty() ? message : message.replace(token, "***");
    }

    /** A GitHub call that failed for good; its message names what failed and never holds the token. */
    public static final class GitHubException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GitHubException(String message, Throwable cause) {
            super(message, cause);
        }

        /** Whether GitHub refused for lack of permission (401/403 without Retry-After). */
        public boolean forbidden() {
            return getCause() instanceof HttpException h && (h.getResponseCode() == 401 || h.getResponseCode() == 403);
        }
    }
}
