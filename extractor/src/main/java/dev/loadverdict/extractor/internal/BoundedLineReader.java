package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.InputException;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes text through but refuses a line longer than a limit, so a file that is not what it claims
 * (one enormous line of binary or minified data) fails with a clear message instead of filling memory
 * with a single record. Lines end at {@code \n} or {@code \r}.
 *
 * <p>{@link #csv} bounds CSV records instead: a line break inside a quoted field ({@code "…"}, RFC 4180, where a
 * doubled quote is a quote) does not end the record, so a quoted field that spans many lines is bounded as a
 * whole, as Apache Commons CSV would otherwise hold it in memory however long it grew.
 */
public final class BoundedLineReader extends FilterReader {

    private final String file;
    private final int maxLine;
    private final boolean csvQuotes;
    private long line = 1;
    private long recordStartLine = 1;
    private int column;
    /** CSV only: where the last character left the record (see {@link #csvState}). */
    private int state = FIELD_START;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    public BoundedLineReader(Reader in, String file, int maxLine) {
        this(in, file, maxLine, false);
    }

    private BoundedLineReader(Reader in, String file, int maxLine, boolean csvQuotes) {
        super(in);
        this.file = file;
        this.maxLine = maxLine;
        this.csvQuotes = csvQuotes;
    }

    /** A reader that refuses a CSV record (quoted line breaks included) longer than {@code maxRecord} characters. */
    public static BoundedLineReader csv(Reader in, String file, int maxRecord) {
        return new BoundedLineReader(in, file, maxRecord, true);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c != -1) {
            track((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            track(buffer[i]);
        }
        return n;
    }

    /**
     * RFC 4180 with ',' as the delimiter: a quote opens a quoted field only at the field's start (elsewhere it is a
     * character, as Commons CSV reads it); inside, a quote either closes the field or, doubled, is a quote.
     */
    private static int csvState(int state, char c) {
        boolean end = c == ',' || c == '\n' || c == '\r';
        return switch (state) {
            case QUOTED -> c == '"' ? QUOTE_IN_QUOTED : QUOTED;
            case QUOTE_IN_QUOTED -> c == '"' ? QUOTED : end ? FIELD_START : UNQUOTED;
            case FIELD_START -> c == '"' ? QUOTED : end ? FIELD_START : UNQUOTED;
            default -> end ? FIELD_START : UNQUOTED;
        };
    }

    private void track(char c) {
        if (csvQuotes) {
            state = csvState(state, c);
        }
        if (c == '\n' || c == '\r') {
            if (c == '\n') {
                line++;
            }
            if (state != QUOTED) {
                column = 0;
                recordStartLine = line;
                return;
            }
        }
        if (++column > maxLine) {
            if (csvQuotes && line > recordStartLine) {
                throw new InputException(file, recordStartLine, "a record (its quoted fields span lines " + recordStartLine
                        + "–" + line + ") is longer than " + maxLine + " characters; a quote is probably never closed");
            }
            throw new InputException(file, line, "line is longer than " + maxLine
                    + " characters; this is not a line-based result file loadverdict can read");
        }
    }
}
