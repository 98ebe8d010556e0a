package dev.loadverdict.extractor;

/** Small helpers every reader uses to quote file content in its error messages. */
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
}
