package dev.loadverdict.issuebot;

import dev.loadverdict.reporter.HiddenMarkers;

import java.util.regex.Pattern;

/**
 * The one place that spells loadverdict's hidden markers, the HTML comments by which it finds again what it wrote on
 * GitHub: {@code <!-- loadverdict:NAME:start -->} and {@code :end} around the part of a body it rewrites (an issue's,
 * whose name is its {@link Fingerprint}; the sticky comment's; a recurrence or recovery comment's), and single-line
 * markers ({@code <!-- loadverdict:CONTENT -->}) such as a comment's digest and the pending-state entries. The reporter
 * prints the markers it is given and never spells one.
 */
public final class Markers {

    /** The sticky pull-request comment's part. */
    public static final String COMMENT = "comment";
    /** A recurrence comment's part. */
    public static final String RECURRENCE = "recurrence";
    /** A recovery comment's part. */
    public static final String RECOVERY = "recovery";

    private static final String PREFIX = "<!-- loadverdict:";
    private static final Pattern CONTENT = Pattern.compile("[A-Za-z0-9:=_ -]{1,100}");

    private Markers() {
    }

    /** The markers around the part named {@code name} ({@code comment}, {@code fingerprint=…}). */
    public static HiddenMarkers around(String name) {
        return new HiddenMarkers(start(name), end(name));
    }

    /** {@code <!-- loadverdict:NAME:start -->}. */
    public static String start(String name) {
        return line(name + ":start");
    }

    /** {@code <!-- loadverdict:NAME:end -->}. */
    public static String end(String name) {
        return line(name + ":end");
    }

    /** {@code <!-- loadverdict:CONTENT -->}, for content of letters, digits, spaces and {@code : = _ -} without {@code --}. */
    static String line(String content) {
        if (!CONTENT.matcher(content).matches() || content.contains("--")) {
            throw new IllegalArgumentException("a marker holds letters, digits, spaces and : = _ - only, not " + content);
        }
        return PREFIX + content + " -->";
    }

    /** The hidden marker of a comment body, by which a retry finds it: the first 16 hex digits of its SHA-256. */
    static String digest(String body) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return line("comment-digest=" + java.util.HexFormat.of().formatHex(digest, 0, 8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A pattern matching {@code <!-- loadverdict:} followed by {@code contentRegex} and {@code  -->}. */
    static Pattern pattern(String contentRegex) {
        return Pattern.compile(Pattern.quote(PREFIX) + contentRegex + " -->");
    }
}
