package dev.loadverdict.extractor;

import dev.loadverdict.model.InputException;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Passes text through but refuses a line longer than a limit, so a file that is not what it claims
 * (one enormous line of binary or minified data) fails with a clear message instead of filling memory
 * with a single record. Lines end at {@code \n} or {@code \r}.
 */
public final class BoundedLineReader extends FilterReader {

    /** The default limit: far above any real record of a line-based result format. */
    public static final int DEFAULT_MAX_LINE = 1 << 20;

    private final String file;
    private final int maxLine;
    private long line = 1;
    private int column;

    public BoundedLineReader(Reader in, String file, int maxLine) {
        super(in);
        this.file = file;
        this.maxLine = maxLine;
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

    private void track(char c) {
        if (c == '\n' || c == '\r') {
            if (c == '\n') {
                line++;
            }
            column = 0;
        } else if (++column > maxLine) {
            throw new InputException(file, line, "line is longer than " + maxLine
                    + " characters; this is not a line-based result file loadverdict can read");
        }
    }
}
