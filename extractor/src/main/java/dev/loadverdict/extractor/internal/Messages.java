package dev.loadverdict.extractor.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.loadverdict.model.InputException;

import java.util.OptionalLong;

/** Small helpers every reader uses for its error messages: quoting file content, and Jackson's complaints as bad input. */
public final class Messages {

    private static final int QUOTED_LENGTH = 40;

    private Messages() {
    }

    /** A cell or value from a result file, cut to a length that keeps the message one readable line. */
    public static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > QUOTED_LENGTH ? text.substring(0, QUOTED_LENGTH) + "…" : text;
    }

    /** The message of the innermost cause: what actually went wrong inside a library. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /**
     * A JSON parser's complaint about a file as bad input: {@code FILE:LINE: broken JSON: …} (one line), naming the line
     * where the parser knows it.
     */
    public static InputException brokenJson(String file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return brokenJson(file, at != null && at.getLineNr() > 0 ? OptionalLong.of(at.getLineNr()) : OptionalLong.empty(), e);
    }

    /** As {@link #brokenJson(String, JsonProcessingException)}, at a line the reader knows (a line of NDJSON). */
    public static InputException brokenJson(String file, OptionalLong line, JsonProcessingException e) {
        return new InputException(file, line, "broken JSON: " + why(e), e);
    }

    /** What Jackson says is wrong, on one line, without its own location (the message names the line). */
    public static String why(JsonProcessingException e) {
        return String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ");
    }
}
