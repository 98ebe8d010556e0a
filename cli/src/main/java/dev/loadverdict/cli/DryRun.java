package dev.loadverdict.cli;

import dev.loadverdict.issuebot.IssuePlan;
import dev.loadverdict.model.TerminalText;

import java.io.PrintWriter;
import java.util.List;

/**
 * What {@code --dry-run} prints: per action a header line ({@code loadverdict: dry run: would …}), then the title,
 * labels and assignees and the body or comment exactly as it would be sent, each of its lines after {@value #BODY}
 * (a last line {@value #BODY} alone: the text ends with a line break). The texts are the plan's own
 * ({@link IssuePlan.Action#sent()}), the ones the real run posts; no second rendering.
 */
final class DryRun {

    /** What starts each line of a body. */
    static final String BODY = "    | ";
    private static final String FIELD = "    ";

    private DryRun() {
    }

    /** Every action of the plan, with its text; {@code dry run: nothing to do} when there is none. */
    static void print(IssuePlan plan, PrintWriter out) {
        if (plan.actions().isEmpty()) {
            out.println("loadverdict: dry run: nothing to do");
        }
        for (IssuePlan.Action action : plan.actions()) {
            out.println("loadverdict: dry run: would " + action.describe());
            action.sent().ifPresent(sent -> {
                sent.title().ifPresent(title -> out.println(FIELD + "title: " + TerminalText.oneLine(title)));
                if (sent.title().isPresent()) {
                    out.println(FIELD + "labels: " + list(sent.labels()));
                    out.println(FIELD + "assignees: " + list(sent.assignees()));
                }
                body(sent.body(), out);
            });
        }
        out.flush();
    }

    /** The sticky pull-request comment that {@code comment} would create or update. */
    static void printComment(String repository, int pullRequest, String body, PrintWriter out) {
        out.println("loadverdict: dry run: would create or update loadverdict's comment on pull request #" + pullRequest
                + " of " + TerminalText.oneLine(repository));
        body(body, out);
        out.flush();
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "(none)" : TerminalText.oneLine(String.join(", ", items));
    }

    /**
     * The text, line by line after {@value #BODY}. loadverdict's own texts hold no control characters; one in a body
     * people wrote on GitHub (kept in an issue's updated body) is shown as {@code \u001B}, never sent to the terminal.
     */
    private static void body(String text, PrintWriter out) {
        boolean shown = false;
        List<String> lines = new java.util.ArrayList<>();
        for (String line : text.split("\n", -1)) {
            StringBuilder safe = new StringBuilder(line.length());
            line.codePoints().forEach(c -> {
                if ((Character.isISOControl(c) && c != '\t') || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                    safe.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
                } else {
                    safe.appendCodePoint(c);
                }
            });
            shown |= safe.length() != line.length();
            lines.add(BODY + safe);
        }
        out.println(FIELD + "body, " + text.length() + " characters, as sent" + (shown ? " (control characters shown as \\uXXXX)" : "")
                + ", each line after \"" + BODY + "\":");
        lines.forEach(out::println);
    }
}
