package dev.loadverdict.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints an error so that its first line stays readable in a terminal and a CI log: at most about
 * {@value #FIRST_LINE} characters, cut where the sentence has a natural break (after {@code ;}, or before a
 * parenthesis that ends the message), else between words, with the rest and any explanation on indented lines
 * below, wrapped at {@value #WIDTH}. Joining the lines with spaces gives the message back.
 */
final class ErrorLines {

    /** The longest first line: what a CI log shows without scrolling. */
    static final int FIRST_LINE = 160;
    /** Where the lines below are wrapped. */
    static final int WIDTH = 100;
    private static final String INDENT = "  ";
    private static final String[] BREAKS = {"; ", " ("};

    private ErrorLines() {
    }

    /** Prints {@code prefix + message} and {@code explanation} below it (all already one inert line each). */
    static void print(PrintWriter err, String prefix, String message, List<String> explanation) {
        lines(prefix + message, explanation).forEach(err::println);
    }

    static List<String> lines(String first, List<String> explanation) {
        List<String> lines = new ArrayList<>();
        String rest = "";
        if (first.length() > FIRST_LINE) {
            int cut = breakBefore(first, FIRST_LINE);
            rest = first.substring(cut).strip();
            first = first.substring(0, cut).stripTrailing();
            if (rest.startsWith("(") && rest.endsWith(")")) {
                rest = rest.substring(1, rest.length() - 1);
            }
        }
        lines.add(first);
        if (!rest.isEmpty()) {
            lines.addAll(wrap(rest));
        }
        for (String more : explanation) {
            lines.addAll(wrap(more));
        }
        return lines;
    }

    /** Where to end a first line of at most {@code max} characters: a natural break, else the last space, else max. */
    private static int breakBefore(String text, int max) {
        int best = -1;
        for (String b : BREAKS) {
            int at = text.lastIndexOf(b, max - b.length());
            // a parenthesis is a break only when it closes the message: one in mid-sentence is not
            if (b.equals(" (") && at >= 0 && text.indexOf(')', at) != text.length() - 1) {
                continue;
            }
            if (at >= 0 && (b.equals(" (") ? at : at + 1) > best) {
                best = b.equals(" (") ? at : at + 1;
            }
        }
        if (best > max / 3) {
            return best;
        }
        int space = text.lastIndexOf(' ', max - 1);
        return space > max / 3 ? space : max - 1;
    }

    /** Indented lines of at most {@value #WIDTH} characters, broken at spaces (a longer word stays whole). */
    private static List<String> wrap(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(INDENT);
        for (String word : text.split(" ")) {
            if (line.length() > INDENT.length() && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(INDENT);
            }
            if (line.length() > INDENT.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > INDENT.length()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
