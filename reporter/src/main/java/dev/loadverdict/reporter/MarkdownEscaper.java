package dev.loadverdict.reporter;

/**
 * Turns untrusted text into inert GitHub-flavoured Markdown that renders as the same characters.
 *
 * <ul>
 *   <li>no raw HTML or entities: {@code & < >} become {@code &amp; &lt; &gt;};</li>
 *   <li>no broken table: {@code |} becomes {@code \|}, line breaks and tabs become spaces;</li>
 *   <li>no markup: {@code \ ` * _ [ ] ( ) ! ~ $ #} are backslash-escaped ({@code $} because GitHub renders
 *       math), and so are a leading {@code - + =} and the dot of a leading {@code 1. };</li>
 *   <li>no mention or issue link: a zero-width joiner (U+200D) follows every {@code @} and {@code #}, and
 *       breaks {@code GH-123};</li>
 *   <li>no autolink: a zero-width joiner breaks {@code ://} and {@code www.}, so a URL in a label shows as
 *       text, not as a link that a reader could click;</li>
 *   <li>no control characters; at most {@value UntrustedText#MAX_CODE_POINTS} code points, or {@value UntrustedText#SENTENCE_CODE_POINTS} for a {@link Sentence}.</li>
 * </ul>
 *
 * <p>The result is meant for inline positions (table cells, headings, list items, paragraphs), never for
 * the inside of a code span, where backslash escapes do not apply.
 */
final class MarkdownEscaper {
    /** Breaks {@code @name} mentions and {@code #123} references without a visible change. */
    static final char ZERO_WIDTH_JOINER = '\u200D';

    private static final String BACKSLASHED = "\\`*_[]()!~$#|";
    private static final String BACKSLASHED_AT_START = "-+=";

    private MarkdownEscaper() {
    }

    static String escape(String untrusted) {
        return escape(untrusted, UntrustedText.MAX_CODE_POINTS);
    }

    /** As {@link #escape(String)}, cut at {@code maxCodePoints} (a {@link Sentence}'s longer limit). */
    static String escape(String untrusted, int maxCodePoints) {
        String text = UntrustedText.tidy(untrusted, maxCodePoints);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '@' -> out.append('@').append(ZERO_WIDTH_JOINER);
                default -> {
                    if (BACKSLASHED.indexOf(c) >= 0 || (i == 0 && BACKSLASHED_AT_START.indexOf(c) >= 0)
                            || isOrderedListDot(text, i)) {
                        out.append('\\');
                    }
                    out.append(c);
                    if (c == '#' || breaksAutolink(text, i)) {
                        out.append(ZERO_WIDTH_JOINER);
                    }
                }
            }
        }
        return out.toString();
    }

    /** After the {@code :} of {@code ://}, the {@code www} of {@code www.}, the {@code GH} of {@code GH-1}. */
    private static boolean breaksAutolink(String text, int i) {
        char c = text.charAt(i);
        if (c == ':') {
            return text.startsWith("//", i + 1);
        }
        if ((c == 'w' || c == 'W') && i >= 2 && i + 1 < text.length() && text.charAt(i + 1) == '.') {
            return text.regionMatches(true, i - 2, "www", 0, 3);
        }
        if ((c == 'h' || c == 'H') && i >= 1 && i + 2 < text.length() && text.charAt(i + 1) == '-'
                && Character.isDigit(text.charAt(i + 2))) {
            return text.regionMatches(true, i - 1, "gh", 0, 2);
        }
        return false;
    }

    /** The dot of a leading {@code 12. } that would start an ordered list at the beginning of a line. */
    private static boolean isOrderedListDot(String text, int i) {
        if (text.charAt(i) != '.' || i == 0 || i > 9 || (i + 1 < text.length() && text.charAt(i + 1) != ' ')) {
            return false;
        }
        for (int j = 0; j < i; j++) {
            if (text.charAt(j) < '0' || text.charAt(j) > '9') {
                return false;
            }
        }
        return true;
    }
}
