package dev.loadverdict.reporter;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The two hidden HTML comments that open and close the part of an issue or comment body loadverdict rewrites. Their
 * syntax belongs to the issue bot, which finds them again ({@code dev.loadverdict.issuebot.Markers}); the reporter only
 * makes sure each is an inert comment it may print as it is.
 *
 * @param start the comment before the rewritten part
 * @param end the comment after it
 */
public record HiddenMarkers(String start, String end) {

    /** An HTML comment holding letters, digits, spaces and {@code : = _ -} only, and no {@code --}. */
    private static final Pattern INERT = Pattern.compile("<!-- [A-Za-z0-9:=_ -]{1,120} -->");

    public HiddenMarkers {
        requireInert(Objects.requireNonNull(start, "start == null"));
        requireInert(Objects.requireNonNull(end, "end == null"));
    }

    private static void requireInert(String marker) {
        if (!INERT.matcher(marker).matches() || marker.substring(4, marker.length() - 4).contains("--")) {
            throw new IllegalArgumentException("a hidden marker is an HTML comment of letters, digits, spaces and : = _ -"
                    + " only, not " + marker);
        }
    }
}
