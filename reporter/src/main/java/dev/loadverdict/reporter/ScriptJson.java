package dev.loadverdict.reporter;

import java.util.Objects;

/**
 * JSON meant for a {@code <script type="application/json">} element of an HTML page, printed there as it is: inside a
 * script element HTML entities mean nothing, so the JSON cannot be HTML-escaped; instead every {@code <}, {@code >},
 * {@code &}, U+2028 and U+2029 is written as a JSON {@code \}{@code uXXXX} escape, which reads back as the same
 * string, so no text in it can close the element ({@code </script>}), open a comment or end a line of script.
 * Those characters occur in JSON only inside strings, so escaping them anywhere keeps the JSON valid.
 *
 * @param text the JSON, escaped for a script element
 */
record ScriptJson(String text) {

    ScriptJson {
        Objects.requireNonNull(text, "text == null");
        text = escape(text);
    }

    /** {@code json} with {@code < > &} U+2028 U+2029 as JSON escapes; idempotent. */
    static String escape(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            String escape = switch (c) {
                case '<' -> "\\u003c";
                case '>' -> "\\u003e";
                case '&' -> "\\u0026";
                case '\u2028' -> "\\u2028";
                case '\u2029' -> "\\u2029";
                default -> null;
            };
            if (escape != null && out == null) {
                out = new StringBuilder(json.length() + 64).append(json, 0, i);
            }
            if (out != null) {
                if (escape != null) {
                    out.append(escape);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? json : out.toString();
    }
}
