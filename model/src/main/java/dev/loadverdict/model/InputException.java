package dev.loadverdict.model;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input loadverdict cannot use: a result file it does not recognise or that is broken, an invalid
 * configuration, a missing or corrupt baseline. The message is one line for the user and always names
 * the file, and the line when known: {@code results/run_stats.csv:14: Request Count is not a number: "abc"}. What
 * helps beyond that line (the formats loadverdict reads, say) is its {@link #explanation()}, printed below it.
 */
public final class InputException extends RuntimeException {

    private final String source;
    private final OptionalLong line;
    private final String detail;
    private final List<String> explanation;

    public InputException(String source, OptionalLong line, String detail, Throwable cause) {
        this(source, line, detail, cause, List.of());
    }

    private InputException(String source, OptionalLong line, String detail, Throwable cause, List<String> explanation) {
        super(format(source, line, detail), cause);
        this.source = Objects.requireNonNull(source, "source == null");
        this.line = Objects.requireNonNull(line, "line == null");
        this.detail = Objects.requireNonNull(detail, "detail == null");
        this.explanation = explanation.stream().map(InputException::oneLine).toList();
    }

    public InputException(String source, String detail) {
        this(source, OptionalLong.empty(), detail, null);
    }

    public InputException(String source, long line, String detail) {
        this(source, OptionalLong.of(line), detail, null);
    }

    /** The file (or other input) at fault, as the user named it. */
    public String source() {
        return source;
    }

    /** The 1-based line at fault, when known. */
    public OptionalLong line() {
        return line;
    }

    /** The message without the location prefix. */
    public String detail() {
        return detail;
    }

    /** This error with lines that explain it further (loadverdict's own words, never text from a file), each inert. */
    public InputException explained(String... lines) {
        return new InputException(source, line, detail, getCause(), List.of(lines));
    }

    /** Lines printed below the message: what helps beyond it. */
    public List<String> explanation() {
        return explanation;
    }

    /** The longest detail shown: a message quoting a hostile file must stay one readable line. */
    static final int MAX_DETAIL = 500;

    private static String format(String source, OptionalLong line, String detail) {
        String safe = oneLine(detail);
        if (safe.length() > MAX_DETAIL) {
            safe = safe.substring(0, MAX_DETAIL) + "…";
        }
        String place = oneLine(source);
        return line.isPresent() ? place + ":" + line.getAsLong() + ": " + safe : place + ": " + safe;
    }

    static String oneLine(String text) {
        return TerminalText.oneLine(text);
    }
}
