package dev.perfgate.model;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Input perfgate cannot use: a result file it does not recognise or that is broken, an invalid
 * configuration, a missing or corrupt baseline. The message is one line for the user and always names
 * the file, and the line when known: {@code results/run_stats.csv:14: Request Count is not a number: "abc"}.
 */
public final class InputException extends RuntimeException {

    private final String source;
    private final OptionalLong line;
    private final String detail;

    public InputException(String source, OptionalLong line, String detail, Throwable cause) {
        super(format(source, line, detail), cause);
        this.source = Objects.requireNonNull(source, "source == null");
        this.line = Objects.requireNonNull(line, "line == null");
        this.detail = Objects.requireNonNull(detail, "detail == null");
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

    private static String format(String source, OptionalLong line, String detail) {
        String oneLine = detail.replaceAll("[\\r\\n]+", " ");
        return line.isPresent() ? source + ":" + line.getAsLong() + ": " + oneLine : source + ": " + oneLine;
    }
}
