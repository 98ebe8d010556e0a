package dev.loadverdict.model;

/**
 * Text from result files (names, sources, notes) made safe for a terminal line: it can neither move the cursor, set
 * the window title, clear the screen nor start a line of its own that forges loadverdict's output.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /**
     * The text with ANSI escape sequences dropped, line breaks and tabs turned into spaces and every other control
     * or bidirectional-override character into '?'.
     */
    public static String oneLine(String text) {
        String noEscapes = text.replaceAll("\\u001B(\\[[0-?]*[ -/]*[@-~]|\\][^\\u0007\\u001B]*(\\u0007|\\u001B\\\\)?|.)?", "");
        StringBuilder out = new StringBuilder(noEscapes.length());
        for (int i = 0; i < noEscapes.length(); i++) {
            char c = noEscapes.charAt(i);
            if (c == '\r' || c == '\n' || c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
