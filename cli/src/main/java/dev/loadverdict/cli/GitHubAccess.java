package dev.loadverdict.cli;

import dev.loadverdict.issuebot.GitHubIssues;
import dev.loadverdict.issuebot.GitHubTimeouts;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How {@code issues}, {@code comment} and {@code compare --create-issues} reach GitHub: the API address
 * ({@code $GITHUB_API_URL}), the timeouts from the environment, and github-api's own logging turned off.
 */
final class GitHubAccess {

    static final String CONNECT_TIMEOUT = "LOADVERDICT_GITHUB_CONNECT_TIMEOUT";
    static final String READ_TIMEOUT = "LOADVERDICT_GITHUB_READ_TIMEOUT";
    static final String RETRY_TIME = "LOADVERDICT_GITHUB_RETRY_TIME";

    /**
     * github-api's loggers. It logs through java.util.logging straight to stderr, past loadverdict's one-line errors and
     * its token masking (a retried connection error is logged with the request's address, credentials and all). Held
     * here because java.util.logging keeps loggers only weakly: a level set on one nobody holds can be forgotten.
     */
    private static final Logger LIBRARY = Logger.getLogger("org.kohsuke.github");

    private GitHubAccess() {
    }

    /**
     * Connects to the repository with the environment's API address and timeouts.
     *
     * @throws GitHubIssues.GitHubException when GitHub cannot be reached or the repository opened
     */
    static GitHubIssues connect(Main.Environment environment, String repository, String token) {
        Map<String, String> env = environment.variables();
        GitHubTimeouts timeouts = timeouts(env);
        quietLibraryLogging();
        return GitHubIssues.connect(apiUrl(env), repository, token, timeouts, SavedComparisons::sleep);
    }

    /** {@code $GITHUB_API_URL}, else {@code https://api.github.com}. */
    static String apiUrl(Map<String, String> env) {
        String url = env.get("GITHUB_API_URL");
        return url == null || url.isBlank() ? "https://api.github.com" : url.strip();
    }

    /** The defaults, changed by {@value #CONNECT_TIMEOUT}, {@value #READ_TIMEOUT} and {@value #RETRY_TIME}. */
    static GitHubTimeouts timeouts(Map<String, String> env) {
        GitHubTimeouts timeouts = GitHubTimeouts.DEFAULTS;
        timeouts = override(env, CONNECT_TIMEOUT, timeouts, timeouts::withConnect);
        timeouts = override(env, READ_TIMEOUT, timeouts, timeouts::withRead);
        return override(env, RETRY_TIME, timeouts, timeouts::withRetryTime);
    }

    private static GitHubTimeouts override(Map<String, String> env, String name, GitHubTimeouts timeouts,
                                           Function<Duration, GitHubTimeouts> with) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return timeouts;
        }
        try {
            return with.apply(GitHubTimeouts.parse(value));
        } catch (IllegalArgumentException e) {
            throw new UsageException("$" + name + ": " + e.getMessage());
        }
    }

    /** Turns github-api's logging off, and only its: nothing else of java.util.logging is touched. */
    static void quietLibraryLogging() {
        LIBRARY.setLevel(Level.OFF);
    }
}
