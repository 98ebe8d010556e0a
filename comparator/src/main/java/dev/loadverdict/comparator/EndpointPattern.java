package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointId;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An endpoint pattern of the configuration, compiled once. A glob ({@code *} any run of characters,
 * {@code /} included; {@code ?} exactly one character; everything else literal) must match the whole
 * endpoint key or the whole bare name; a {@code re:} pattern is a Java regex found anywhere in either.
 */
final class EndpointPattern {

    static final String REGEX_PREFIX = "re:";

    private final String written;
    private final Pattern pattern;
    private final boolean regex;

    private EndpointPattern(String written, Pattern pattern, boolean regex) {
        this.written = written;
        this.pattern = pattern;
        this.regex = regex;
    }

    /** @throws IllegalArgumentException when a {@code re:} pattern is not a valid regular expression */
    static EndpointPattern compile(String written) {
        if (written.startsWith(REGEX_PREFIX)) {
            try {
                return new EndpointPattern(written, Pattern.compile(written.substring(REGEX_PREFIX.length())), true);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "endpoint pattern '" + written + "' is not a valid regular expression: " + e.getDescription(), e);
            }
        }
        return new EndpointPattern(written, Pattern.compile(globToRegex(written), Pattern.DOTALL), false);
    }

    boolean matches(EndpointId endpoint) {
        return matches(endpoint.key()) || matches(endpoint.name());
    }

    private boolean matches(String text) {
        return regex ? pattern.matcher(text).find() : pattern.matcher(text).matches();
    }

    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder(glob.length() + 8);
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                flushLiteral(literal, regex);
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flushLiteral(literal, regex);
        return regex.toString();
    }

    private static void flushLiteral(StringBuilder literal, StringBuilder regex) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    @Override
    public String toString() {
        return written;
    }
}
