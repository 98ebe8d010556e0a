package dev.loadverdict.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Colours loadverdict's own words in the terminal report: the verdict and the severities. Text from result files has
 * had every escape sequence removed before it reached the report, so the only escapes are these.
 */
final class TerminalColors {

    private static final String RED = "\u001B[31;1m";
    private static final String YELLOW = "\u001B[33;1m";
    private static final String GREEN = "\u001B[32;1m";
    private static final String RESET = "\u001B[0m";
    private static final Pattern VERDICT = Pattern.compile("^loadverdict: (FAIL|WARN|PASS)", Pattern.MULTILINE);
    private static final Pattern SEVERITY = Pattern.compile("^  (CRITICAL|WARNING) ", Pattern.MULTILINE);

    private TerminalColors() {
    }

    static String apply(String text) {
        String verdicts = replace(VERDICT, text, m -> "loadverdict: " + paint(m.group(1)));
        return replace(SEVERITY, verdicts, m -> "  " + paint(m.group(1)) + " ");
    }

    private static String paint(String word) {
        String color = switch (word) {
            case "FAIL", "CRITICAL" -> RED;
            case "WARN", "WARNING" -> YELLOW;
            default -> GREEN;
        };
        return color + word + RESET;
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
