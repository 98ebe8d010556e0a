package dev.loadverdict.issuebot;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long loadverdict waits for GitHub. Every request, the ones github-api makes while building its client
 * included, goes through a connector with these limits.
 *
 * @param connect the longest wait for a connection (TCP and TLS) to be made
 * @param read the longest wait for a whole answer (status, headers and body) once the request is sent
 * @param retryTime the longest one GitHub operation (for example "comment on issue #7") may take, all its attempts
 *                  and the waits between them included; no attempt is started, and no request outlives it, past it
 */
public record GitHubTimeouts(Duration connect, Duration read, Duration retryTime) {

    /** 10 s to connect, 30 s for an answer (GitHub itself gives up on a request after 10 s), 120 s per operation. */
    public static final GitHubTimeouts DEFAULTS = new GitHubTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(120));

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9}(?:\\.[0-9]{1,3})?)\\s*(ms|s|m)?");

    public GitHubTimeouts {
        positive(connect, "connect");
        positive(read, "read");
        positive(retryTime, "retryTime");
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name + " == null");
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive but was " + d);
        }
    }

    /** These limits with another connect timeout. */
    public GitHubTimeouts withConnect(Duration connect) {
        return new GitHubTimeouts(connect, read, retryTime);
    }

    /** These limits with another read timeout. */
    public GitHubTimeouts withRead(Duration read) {
        return new GitHubTimeouts(connect, read, retryTime);
    }

    /** These limits with another retry time. */
    public GitHubTimeouts withRetryTime(Duration retryTime) {
        return new GitHubTimeouts(connect, read, retryTime);
    }

    /**
     * A duration as people write it: {@code 30} or {@code 30s} (seconds), {@code 1.5s}, {@code 500ms}, {@code 2m}.
     *
     * @throws IllegalArgumentException when it is not one, or is zero
     */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a duration such as 30s, 500ms or 2m but found '" + text + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millis = Math.round(amount * switch (unit) {
            case "ms" -> 1;
            case "m" -> 60_000;
            default -> 1000;
        });
        if (millis <= 0) {
            throw new IllegalArgumentException("expected a duration above zero but found '" + text + "'");
        }
        return Duration.ofMillis(millis);
    }

    /** {@code 30 s}, {@code 500 ms}, {@code 1.5 s}: for messages. */
    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
