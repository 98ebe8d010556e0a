package dev.loadverdict.reporter;

/**
 * Keeps a Markdown report within GitHub's limit for an issue or comment body (65,536 characters): past it, the
 * report is cut at the last blank line that fits (between blocks), or, inside a table too long for that, after its
 * last whole row that fits (so the table stays a valid table); any
 * {@code <details>} left open is closed, and a line says what was left out.
 */
final class MarkdownLimit {

    /** GitHub's maximum issue and comment body, in characters. */
    static final int GITHUB_BODY_LIMIT = 65_536;

    private MarkdownLimit() {
    }

    static String fit(String markdown, int limit) {
        if (markdown.length() <= limit) {
            return markdown;
        }
        String note = "\n\n> **Report cut to fit GitHub's limit of " + limit + " characters:** "
                + "%d more characters were left out. The full report is in the report files (loadverdict compare --report md).\n";
        int budget = limit - note.length() - 64 - "\n</details>".length() * 8;
        int cut = markdown.lastIndexOf("\n\n", Math.max(0, budget));
        if (cut < budget * 0.8) {
            // a huge table: cut after its last whole row that fits, so it stays a valid, shorter table
            cut = Math.max(0, markdown.lastIndexOf('\n', Math.max(0, budget)));
        }
        String kept = markdown.substring(0, cut);
        StringBuilder out = new StringBuilder(kept);
        int open = count(kept, "<details>") - count(kept, "</details>");
        for (int i = 0; i < open; i++) {
            out.append("\n\n</details>");
        }
        out.append(String.format(java.util.Locale.ROOT, note, markdown.length() - cut));
        return out.toString();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
