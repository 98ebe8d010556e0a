package dev.loadverdict.issuebot;

import dev.loadverdict.model.TerminalText;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueBuilder;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Carries out an {@link IssuePlan} on GitHub (or GitHub Enterprise) through org.kohsuke:github-api.
 *
 * <p>Bounded: every request, the ones github-api makes while its client is built included, connects within the connect
 * timeout and is answered within the read timeout ({@link GitHubTimeouts}); one operation with its retries and the
 * waits between them takes at most the retry time.
 *
 * <p>Robust and idempotent: every operation is retried with backoff on a 5xx answer, on a request that timed out or
 * whose connection broke, and on a secondary rate limit (403 or 429 with {@code Retry-After}, which is honoured).
 * Whatever creates something first looks for what an earlier attempt (whose answer was lost) or an earlier run made:
 * an issue by its fingerprint, the pending-state issue by its marker, a comment by the digest of its body hidden in it,
 * the sticky comment by its marker. So a retry never creates a second one, and filing the same comparison again adds
 * no identical comment. Failures are {@link GitHubException}s of one line whose message never contains the token or any
 * credential of an address.
 */
public final class GitHubIssues {

    /** Attempts per operation: the first and three retries (fewer when the retry time runs out). */
    static final int ATTEMPTS = 4;

    private final String token;
    private final GitHubTimeouts timeouts;
    private final LongConsumer sleeper;
    private final LongSupplier nanoTime;
    private final String api;
    /** When the current operation's retry time ends, in {@link #nanoTime} nanoseconds; read by the connector. */
    private volatile long deadline;
    private GHRepository repository;
    /** Every request goes through it; it knows the latest, which messages name. */
    private BoundedConnector connector;

    private GitHubIssues(String apiUrl, String token, GitHubTimeouts timeouts, LongConsumer sleeper, LongSupplier nanoTime) {
        this.token = token;
        this.timeouts = timeouts;
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
        this.api = mask(apiUrl);
        this.deadline = nanoTime.getAsLong() + timeouts.retryTime().toNanos();
    }

    /**
     * Connects to a repository with the {@linkplain GitHubTimeouts#DEFAULTS default timeouts}.
     *
     * @see #connect(String, String, String, GitHubTimeouts, LongConsumer)
     */
    public static GitHubIssues connect(String apiUrl, String repository, String token, LongConsumer sleeper) {
        return connect(apiUrl, repository, token, GitHubTimeouts.DEFAULTS, sleeper);
    }

    /**
     * Connects to a repository.
     *
     * @param apiUrl the REST API's root ({@code https://api.github.com}, or an Enterprise server's {@code …/api/v3})
     * @param repository {@code OWNER/NAME}
     * @param token the token; never printed
     * @param timeouts how long to wait for GitHub
     * @param sleeper waits the given milliseconds between attempts (tests pass one that does not sleep)
     */
    public static GitHubIssues connect(String apiUrl, String repository, String token, GitHubTimeouts timeouts,
                                       LongConsumer sleeper) {
        return connect(apiUrl, repository, token, timeouts, sleeper, System::nanoTime);
    }

    /** As above, with the clock the retry time is measured by (tests advance it when they skip a sleep). */
    static GitHubIssues connect(String apiUrl, String repository, String token, GitHubTimeouts timeouts, LongConsumer sleeper,
                                LongSupplier nanoTime) {
        Objects.requireNonNull(token, "token == null");
        Objects.requireNonNull(timeouts, "timeouts == null");
        GitHubIssues issues = new GitHubIssues(apiUrl, token, timeouts, sleeper, nanoTime);
        GitHub github;
        try {
            // A plain authorization provider, not withOAuthToken(token): with that one github-api asks GET /user for the
            // token's login while it builds the client, an answer loadverdict never uses (an Actions token has no user:
            // 403) and one more request that could hang. Rate and abuse limits fail fast, so that loadverdict's own
            // retry waits (Retry-After, bounded) instead of the library sleeping up to an hour inside a CI job.
            github = new GitHubBuilder().withEndpoint(apiUrl).withAuthorizationProvider(() -> "token " + token)
                    .withConnector(issues.connector = new BoundedConnector(timeouts, issues::timeLeft, issues.api))
                    .withRateLimitHandler(org.kohsuke.github.GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(org.kohsuke.github.GitHubAbuseLimitHandler.FAIL).build();
        } catch (IOException e) {
            throw new GitHubException(issues.clean("cannot connect to " + issues.api + ": " + issues.describe(e, "")), e);
        }
        issues.repository = issues.retrying("open repository " + repository,
                "no repository " + repository + " at " + issues.api + ", or the token cannot see it",
                () -> github.getRepository(repository));
        return issues;
    }

    /** What is left of the current operation's retry time. */
    private Duration timeLeft() {
        return Duration.ofNanos(deadline - nanoTime.getAsLong());
    }

    /** The open issues with the label, all pages; pull requests left out. */
    public List<IssuePlanner.OpenIssue> openIssues(String label) {
        return retrying("list open issues labelled " + label, () -> {
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
            return comment(c);
        }
        if (action instanceof IssuePlan.UpdateBody u) {
            retrying("update issue #" + u.issue(), () -> {
                repository.getIssue(u.issue()).setBody(u.body());
                return null;
            });
            return "updated the summary of issue #" + u.issue();
        }
        if (action instanceof IssuePlan.UpdatePending p) {
            return pending(p, label);
        }
        if (action instanceof IssuePlan.Keep k) {
            return "left issue #" + k.issue() + " as it is: " + k.reason();
        }
        IssuePlan.Close c = (IssuePlan.Close) action;
        retrying("close issue #" + c.issue(), () -> {
            repository.getIssue(c.issue()).close();
            return null;
        });
        return "closed issue #" + c.issue();
    }

    /**
     * Adds a comment unless the issue already has it: the body carries a hidden digest of itself, and every attempt
     * first reads the issue's comments for it. So a retry after a lost answer (GitHub added the comment, the answer
     * never came) and filing the same comparison again add nothing.
     */
    private String comment(IssuePlan.Comment c) {
        String marker = c.digestMarker();
        String body = c.sentBody();
        boolean[] found = {false};
        retrying("comment on issue #" + c.issue(), () -> {
            GHIssue issue = repository.getIssue(c.issue());
            for (GHIssueComment comment : issue.listComments().withPageSize(100)) {
                if (comment.getBody() != null && comment.getBody().contains(marker)) {
                    found[0] = true;
                    return null;
                }
            }
            issue.comment(body);
            return null;
        });
        return found[0] ? "issue #" + c.issue() + " already has this comment; not added again" : "commented on issue #" + c.issue();
    }

    private String pending(IssuePlan.UpdatePending p, String label) {
        if (p.issue().isPresent()) {
            int n = p.issue().get();
            retrying("update the pending-state issue #" + n, () -> {
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
        // Like an issue: every attempt first looks for the pending-state issue, which an attempt whose answer was lost may
        // have created.
        int[] found = {0};
        GHIssue issue = retrying("create the pending-state issue", () -> {
            for (GHIssue open : repository.queryIssues().label(label).state(GHIssueState.OPEN).pageSize(100).list()) {
                if (open.getBody() != null && open.getBody().contains(p.marker())) {
                    found[0] = open.getNumber();
                    if (!open.getBody().equals(p.body())) {
                        open.setBody(p.body());
                    }
                    return open;
                }
            }
            GHIssueBuilder builder = repository.createIssue(p.title()).body(p.body());
            p.labels().forEach(builder::label);
            return builder.create();
        });
        return found[0] != 0 ? "found the pending-state issue #" + found[0] + " already open; not created twice"
                : "created the pending-state issue #" + issue.getNumber();
    }

    private String create(IssuePlan.Create c, String label) {
        // Every attempt first looks for the issue: an earlier attempt (or run) may have created it even though its
        // answer was lost, and creating it again would be the duplicate loadverdict promises never to make.
        int[] found = {0};
        GHIssue issue = retrying("create issue \"" + c.title() + "\"", () -> {
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
     * @return {@code created comment on #N}, {@code updated comment on #N}, or, when it already says exactly this,
     *         {@code comment on #N already up to date; not changed}
     */
    public String stickyComment(int pullRequest, String marker, String body) {
        if (!body.contains(marker)) {
            throw new IllegalArgumentException("the body must carry the marker it is found by");
        }
        return retrying("comment on pull request #" + pullRequest,
                "no issue or pull request #" + pullRequest + " in " + repository.getFullName() + ", or the token cannot see it", () -> {
            GHIssue pr = repository.getIssue(pullRequest);
            for (GHIssueComment comment : pr.listComments()) {
                if (comment.getBody() != null && comment.getBody().contains(marker)) {
                    if (comment.getBody().equals(body)) {
                        return "comment on #" + pullRequest + " already up to date; not changed";
                    }
                    comment.update(body);
                    return "updated comment on #" + pullRequest;
                }
            }
            pr.comment(body);
            return "created comment on #" + pullRequest;
        });
    }

    private <T> T retrying(String what, Call<T> call) {
        return retrying(what, "it does not exist, or the token cannot see it", call);
    }

    /**
     * Runs one operation, retrying what is worth retrying within {@link #ATTEMPTS} attempts and the retry time.
     *
     * @param notFound what a 404 means here
     */
    private <T> T retrying(String what, String notFound, Call<T> call) {
        long start = nanoTime.getAsLong();
        deadline = start + timeouts.retryTime().toNanos();
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
                String reason = describe(e, notFound);
                long spent = nanoTime.getAsLong() - start;
                String tries = attempt + (attempt == 1 ? " attempt" : " attempts") + " in " + seconds(spent);
                if (wait < 0) {
                    BoundedConnector.NoAnswer noAnswer = noAnswer(e);
                    boolean outOfTime = noAnswer != null && noAnswer.kind == BoundedConnector.NoAnswer.Kind.OUT_OF_TIME;
                    throw fail(what, reason + (outOfTime ? "; gave up after " + tries : ""), e);
                }
                if (attempt == ATTEMPTS) {
                    throw fail(what, reason + "; gave up after " + tries, e);
                }
                if (nanoTime.getAsLong() + wait * 1_000_000 >= deadline) {
                    throw fail(what, reason + "; gave up after " + tries + ": waiting " + seconds(wait * 1_000_000)
                            + " more would pass the retry time of " + GitHubTimeouts.format(timeouts.retryTime()), e);
                }
                sleeper.accept(wait);
            }
        }
    }

    private GitHubException fail(String what, String reason, IOException cause) {
        return new GitHubException(clean("cannot " + what + ": " + reason), cause);
    }

    private static String seconds(long nanos) {
        return GitHubTimeouts.format(Duration.ofMillis(Math.max(0, Math.round(nanos / 1e6 / 100) * 100)));
    }

    /** How long to wait before retrying, or -1 when the failure is not worth retrying. */
    static long retryAfter(IOException e, int attempt) {
        long backoff = 1000L << (attempt - 1);
        BoundedConnector.NoAnswer noAnswer = noAnswer(e);
        if (noAnswer != null) {
            return noAnswer.retryable() ? backoff : -1;
        }
        if (e instanceof HttpException http) {
            int status = http.getResponseCode();
            List<String> after = header(http, "Retry-After");
            if ((status == 403 || status == 429) && after != null && !after.isEmpty()) {
                try {
                    return Math.min(120_000, Long.parseLong(after.get(0).trim()) * 1000);
                } catch (NumberFormatException ignored) {
                    return backoff; // an HTTP date instead of seconds: fall back to backoff
                }
            }
            return status >= 500 || status <= 0 ? backoff : -1; // 5xx, or no answer at all (connection reset)
        }
        return e instanceof java.io.FileNotFoundException || e instanceof java.io.InterruptedIOException ? -1 : backoff;
    }

    /** The connector's account of a request without an answer, wherever github-api wrapped it. */
    private static BoundedConnector.NoAnswer noAnswer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedConnector.NoAnswer n) {
                return n;
            }
        }
        return null;
    }

    private static List<String> header(HttpException http, String name) {
        java.util.Map<String, List<String>> headers;
        try {
            headers = http.getResponseHeaderFields();
        } catch (NullPointerException noResponse) { // no response arrived, so there are no headers
            return null;
        }
        if (headers == null) {
            return null;
        }
        for (java.util.Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (h.getKey() != null && h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** Whether a 403 or 429 is a rate limit rather than a lack of permission. */
    private static boolean rateLimited(HttpException http) {
        List<String> remaining = header(http, "X-RateLimit-Remaining");
        List<String> after = header(http, "Retry-After");
        String message = http.getMessage() == null ? "" : http.getMessage().toLowerCase(java.util.Locale.ROOT);
        return http.getResponseCode() == 429 || (after != null && !after.isEmpty())
                || (remaining != null && remaining.contains("0")) || message.contains("rate limit");
    }

    /**
     * One sentence for a failed request: {@code GitHub answered 404 Not Found for GET repos/acme/shop: …} with what the
     * status means here and GitHub's own message, or why no answer came ({@code cannot reach GitHub at …: connection
     * refused}, {@code no answer within 30 s (read timeout) from GitHub at …}). GitHub's text is made one safe line.
     */
    private String describe(IOException e, String notFound) {
        BoundedConnector.NoAnswer noAnswer = noAnswer(e);
        if (noAnswer != null) {
            return noAnswer.describe();
        }
        String request = connector == null || connector.lastRequest().isEmpty() ? "" : " for " + connector.lastRequest();
        if (e instanceof java.io.FileNotFoundException) { // github-api's GHFileNotFoundException: a 404
            return "GitHub answered 404 Not Found" + request + ": " + notFound;
        }
        if (e instanceof HttpException http && http.getResponseCode() > 0) {
            int status = http.getResponseCode();
            String says = gitHubMessage(http).map(m -> " (GitHub says: " + m + ")").orElse("");
            String meaning = switch (status) {
                case 401 -> ": bad credentials: the token is wrong, expired or revoked";
                case 403 -> rateLimited(http) ? ": " + rateLimit(http) : ": the token may not do this" + says;
                case 404 -> ": " + notFound;
                case 410 -> ": it is gone: deleted, or turned off in this repository (as issues can be)" + says;
                case 422 -> ": GitHub refused what was sent" + says;
                case 429 -> ": " + rateLimit(http);
                default -> status >= 500 ? ": a failure on GitHub's side" + says : says.isEmpty() ? "" : ":" + says;
            };
            return "GitHub answered " + status + " " + reasonPhrase(http) + request + meaning;
        }
        String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + TerminalText.oneLine(firstLine(e.getMessage()));
        return e instanceof HttpException ? "no answer from GitHub at " + api + request + message
                : "the request" + request + " to GitHub at " + api + " failed" + message;
    }

    /**
     * A rate limit, with the wait GitHub asked for. GitHub's own words are lost here: github-api answers a rate limit
     * with its own text ("Abuse limit reached"), which would read as GitHub's.
     */
    private static String rateLimit(HttpException http) {
        List<String> after = header(http, "Retry-After");
        String wait = after == null || after.isEmpty() ? "" : TerminalText.oneLine(after.get(0)).strip();
        return "a rate limit was hit" + (wait.matches("[0-9]{1,6}") ? " (GitHub asked to wait " + wait + " s)" : "");
    }

    /** The standard reason phrase of the status (HTTP/2 sends none), else what the answer gave, else "(no reason given)". */
    static String reasonPhrase(HttpException http) {
        String phrase = switch (http.getResponseCode()) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
        if (!phrase.isEmpty()) {
            return phrase;
        }
        String given = http.getResponseMessage() == null ? "" : TerminalText.oneLine(http.getResponseMessage()).strip();
        String prefix = http.getResponseCode() + " ";
        given = given.startsWith(prefix) ? given.substring(prefix.length()) : given; // a "Status: 418 I'm a teapot" header
        return given.isEmpty() || given.length() > 60 ? "(no reason given)" : given;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    /** At most this much of GitHub's message is shown. */
    private static final int MESSAGE_LIMIT = 300;

    /**
     * GitHub's own words, one safe line: the {@code message} of its JSON error with each validation error of a 422
     * ({@code Validation Failed: assignees invalid: nobody}), else the first line of what it answered; empty when it
     * said nothing.
     */
    static java.util.Optional<String> gitHubMessage(HttpException http) {
        String text = http.getMessage() == null ? "" : http.getMessage();
        String said;
        try {
            com.fasterxml.jackson.databind.JsonNode json = JSON.readTree(text);
            said = json != null && json.path("message").isTextual() ? json.get("message").asText() + errors(json.path("errors")) : firstLine(text);
        } catch (IOException | RuntimeException notJson) {
            said = firstLine(text);
        }
        String line = TerminalText.oneLine(said).strip();
        line = line.length() > MESSAGE_LIMIT ? line.substring(0, MESSAGE_LIMIT) + "…" : line;
        return line.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(line);
    }

    /** A 422's validation errors: {@code : assignees invalid: nobody; …}, each its message or field, code and value. */
    private static String errors(com.fasterxml.jackson.databind.JsonNode errors) {
        if (!errors.isArray() || errors.isEmpty()) {
            return "";
        }
        List<String> each = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode error : errors) {
            if (error.path("message").isTextual()) {
                each.add(error.get("message").asText());
            } else if (error.isTextual()) {
                each.add(error.asText());
            } else {
                String field = String.join(" ", java.util.stream.Stream.of("field", "code").map(k -> error.path(k).asText(""))
                        .filter(v -> !v.isEmpty()).toList());
                String value = error.path("value").isValueNode() ? error.path("value").asText("") : "";
                each.add(field + (value.isEmpty() ? "" : ": " + value));
            }
        }
        return ": " + String.join("; ", each);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** The message with the token and every credential of an address removed, and no control characters. */
    private String clean(String message) {
        return clean(message, token);
    }

    /** The message with the token and every credential of an address removed, and no control characters. */
    static String clean(String message, String token) {
        String masked = mask(token.isEmpty() ? message : message.replace(token, "***"));
        return masked.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#\\s@]*@");

    /** Text with the credentials of every address in it ({@code https://user:secret@host}) left out. */
    public static String mask(String text) {
        return text == null ? null : USER_INFO.matcher(text).replaceAll("$1");
    }

    /** One GitHub call that may be retried. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    /** A GitHub call that failed for good; its message is one line, names what failed and never holds the token. */
    public static final class GitHubException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GitHubException(String message, Throwable cause) {
            super(message, cause);
        }

        /**
         * Whether GitHub refused for lack of permission: a 403 that is no rate limit, as a pull request from a fork gets
         * ("Resource not accessible by integration"). A 401 is not: the token is wrong or expired.
         */
        public boolean forbidden() {
            return getCause() instanceof HttpException h && h.getResponseCode() == 403 && !rateLimited(h);
        }

        /** Whether the token was refused as bad credentials (401). */
        public boolean unauthorized() {
            return getCause() instanceof HttpException h && h.getResponseCode() == 401;
        }
    }
}
