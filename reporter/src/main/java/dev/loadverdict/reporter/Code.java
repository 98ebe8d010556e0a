package dev.loadverdict.reporter;

import java.util.Objects;

/**
 * A value meant to be copied and pasted, such as a baseline reference ({@code shop@v12}) or a file name: in Markdown a
 * code span, where GitHub renders no markup, links nobody and needs no escaping, so the value carries no invisible
 * character (no zero-width joiner after {@code @}) and pastes as it reads; in other formats plain, escaped text.
 *
 * @param text the untrusted value
 */
record Code(String text) {

    Code {
        Objects.requireNonNull(text, "text == null");
    }

    /** The Markdown code span: fenced by one backtick more than the longest run inside, padded where needed. */
    String markdown() {
        String value = UntrustedText.tidy(text);
        if (value.isEmpty()) {
            return "";
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            run = value.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = value.startsWith("`") || value.endsWith("`") || value.startsWith(" ") || value.endsWith(" ");
        return fence + (pad ? " " + value + " " : value) + fence;
    }
}
