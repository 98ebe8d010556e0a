package dev.loadverdict.reporter;

import java.util.regex.Pattern;

/**
 * Makes text read from result files (service and endpoint names, sources, failure kinds, notes) safe to
 * print whatever the output: no control characters, no ANSI escape sequences, no bidirectional overrides,
 * no line breaks.
 */
final class UntrustedText {
    /** Longer text is cut to this many code points, ending in {@link #ELLIPSIS}. */
    static final int MAX_CODE_POINTS = 200;
    /**
     * A sentence of loadverdict's own that lists names from result files (a warning, why nothing matched, the mapping
     * hint) is cut only at this many code points: it lists at most five names a side, and cut short its list or its
     * mapping would mislead.
     */
    static final int SENTENCE_CODE_POINTS = 2000;
    static final String ELLIPSIS = "…";

    /**
     * ANSI/VT escape sequences: CSI ({@code ESC [ … final}), OSC ({@code ESC ] … BEL or ESC \}), other
     * two-character escapes, and the 8-bit CSI. Removed whole, so no {@code [31m} remnant is left behind.
     */
    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]"
                    + "|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?"
                    + "|\u001B[@-Z\\\\-_]"
                    + "|\u009B[0-?]*[ -/]*[@-~]");
    private static final Pattern BLANKS = Pattern.compile(" {2,}");

    private UntrustedText() {
    }

    /**
     * The text without escape sequences, control characters or bidirectional controls; every line break
     * and tab becomes one space. Keeps the length of clean text unchanged, so padding stays aligned.
     */
    static String sanitize(String text) {
        String withoutEscapes = ANSI.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(withoutEscapes.length());
        withoutEscapes.codePoints().forEach(cp -> {
            if (isLineBreakOrTab(cp)) {
                out.append(' ');
            } else if (!isInvisibleControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /**
     * {@link #sanitize sanitized}, with runs of spaces collapsed, trimmed, and cut to
     * {@value #MAX_CODE_POINTS} code points.
     */
    static String tidy(String text) {
        return tidy(text, MAX_CODE_POINTS);
    }

    /** As {@link #tidy(String)}, cut to {@code maxCodePoints} code points. */
    static String tidy(String text, int maxCodePoints) {
        String single = BLANKS.matcher(sanitize(text)).replaceAll(" ").strip();
        if (single.codePointCount(0, single.length()) <= maxCodePoints) {
            return single;
        }
        int end = single.offsetByCodePoints(0, maxCodePoints - 1);
        return single.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private static boolean isLineBreakOrTab(int cp) {
        return cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x0B || cp == 0x0C
                || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
    }

    private static boolean isInvisibleControl(int cp) {
        return Character.getType(cp) == Character.CONTROL
                || (cp >= 0x202A && cp <= 0x202E)   // bidi embeddings and overrides
                || (cp >= 0x2066 && cp <= 0x2069)   // bidi isolates
                || cp == 0x200E || cp == 0x200F || cp == 0x061C; // bidi marks
    }
}
