package dev.loadverdict.extractor;

import dev.loadverdict.extractor.internal.ReadAhead;
import dev.loadverdict.model.InputException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens result files the same way for detection and reading: gzip undone transparently, UTF-8 with a
 * leading BOM removed, undecodable bytes (e.g. a GBK label from a Windows run) replaced by U+FFFD
 * rather than failing the whole file.
 */
public final class InputFiles {

    private static final int BUFFER = 1 << 16;
    /** The compressed size from which gzip is undone on a thread of its own ({@link ReadAhead}). */
    private static final long READ_AHEAD_FROM = 4L << 20;

    private InputFiles() {
    }

    /** A reader over the file's text (gzip undone, BOM skipped, undecodable bytes as U+FFFD). The caller closes it. */
    public static Reader openText(Path path, String displayPath) {
        return new InputStreamReader(openBytes(path, displayPath), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /**
     * The file's bytes with gzip undone and a leading UTF-8 BOM skipped, for readers that parse UTF-8
     * themselves for speed (k6's NDJSON). Unlike {@link #openText} it replaces nothing. The caller closes it.
     */
    public static InputStream openBytes(Path path, String displayPath) {
        return openBytes(path, displayPath, READ_AHEAD_FROM);
    }

    /** As {@link #openBytes(Path, String)}, reading gzip ahead on a second thread from {@code readAheadFrom} bytes. */
    static InputStream openBytes(Path path, String displayPath, long readAheadFrom) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(path), BUFFER);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                in = new GZIPInputStream(in, BUFFER);
                // a large file is decompressed on a second thread while the reader parses (a deflate stream cannot be
                // split for reading in parts); a small one is not worth the thread
                in = new BufferedInputStream(Files.size(path) > readAheadFrom ? new ReadAhead(in, displayPath) : in,
                        BUFFER);
            }
            in.mark(3);
            if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
                in.reset();
            }
            return in;
        } catch (NoSuchFileException e) {
            throw new InputException(displayPath, "no such file");
        } catch (IOException e) {
            throw new InputException(displayPath, java.util.OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The first {@link Head#MAX_CHARS} characters of a file. */
    public static Head head(Path path, String displayPath) {
        try (Reader reader = openText(path, displayPath)) {
            char[] buffer = new char[Head.MAX_CHARS];
            int filled = 0;
            int n;
            while (filled < buffer.length && (n = reader.read(buffer, filled, buffer.length - filled)) != -1) {
                filled += n;
            }
            return new Head(path, displayPath, new String(buffer, 0, filled));
        } catch (IOException e) {
            throw new InputException(displayPath, java.util.OptionalLong.empty(),
                    "cannot be read: " + e.getMessage(), e);
        }
    }
}
