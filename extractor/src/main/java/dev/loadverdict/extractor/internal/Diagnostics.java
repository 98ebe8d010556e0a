package dev.loadverdict.extractor.internal;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.model.InputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The warnings of one result file: problems that do not stop its reading (a last line cut off by a stopped run,
 * two files that disagree), collected as it is read, as jsoup collects positioned parse errors.
 *
 * <p>Each warning is one line in the very shape of an error, {@code file:line: detail} or {@code file: detail}, and
 * is made inert the same way: it is formatted by {@link InputException}, so terminal escapes are dropped, line
 * breaks and other control or bidirectional-override characters replaced, and a long detail cut. A file name or a
 * quoted cell of a hostile file can then neither move the cursor nor start a line of its own that forges
 * loadverdict's output, and the CLI prints warnings as they are, escaping nothing a second time.
 *
 * <p>A damaged file can have a problem on every line. Only the first {@value ReadLimits#MAX_WARNINGS_PER_FILE}
 * warnings of a file are kept; {@link #warnings()} ends with one more line that counts the rest.
 */
public final class Diagnostics {

    private final String file;
    private final List<String> kept = new ArrayList<>();
    private long leftOut;

    /** @param file the file the warnings are about, as the user named it */
    public Diagnostics(String file) {
        this.file = Objects.requireNonNull(file, "file == null");
    }

    /** A problem of the whole file: {@code file: detail}. */
    public void warn(String detail) {
        if (room()) {
            kept.add(warning(file, detail));
        }
    }

    /** A problem at a 1-based line: {@code file:line: detail}. */
    public void warn(long line, String detail) {
        if (room()) {
            kept.add(warning(file, line, detail));
        }
    }

    /** A problem at a byte offset of a binary file (Gatling's binary log): {@code file:byte offset: detail}. */
    public void warnAtByte(long offset, String detail) {
        if (room()) {
            kept.add(new InputException(file + ":byte " + offset, detail).getMessage());
        }
    }

    /** The warnings so far, each one line; past the cap, a last line saying how many were left out. */
    public List<String> warnings() {
        if (leftOut == 0) {
            return List.copyOf(kept);
        }
        List<String> all = new ArrayList<>(kept);
        all.add(warning(file, leftOut + " more warning" + (leftOut == 1 ? "" : "s") + " left out (only the first "
                + ReadLimits.MAX_WARNINGS_PER_FILE + " of a file are shown)"));
        return List.copyOf(all);
    }

    /**
     * One warning about a file that is not being collected (a file skipped, a stage left out), in the same inert
     * {@code file: detail} form.
     */
    public static String warning(String file, String detail) {
        return new InputException(file, detail).getMessage();
    }

    /** As {@link #warning(String, String)}, at a 1-based line: {@code file:line: detail}. */
    public static String warning(String file, long line, String detail) {
        return new InputException(file, line, detail).getMessage();
    }

    private boolean room() {
        if (kept.size() < ReadLimits.MAX_WARNINGS_PER_FILE) {
            return true;
        }
        leftOut++;
        return false;
    }
}
