package dev.loadverdict.extractor.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A stream whose bytes a second thread reads ahead from another stream, a few chunks at most: a gzip file's
 * decompression then runs on one core while its reader parses on the other (a deflate stream cannot be split, see
 * {@link SplitReading}). Bytes, their order and errors are those of the source: an {@link IOException} of the source
 * is thrown by the {@code read} that reaches it. Closing stops the thread and closes the source.
 */
public final class ReadAhead extends InputStream {

    static final int CHUNK = 1 << 20;
    private static final int CHUNKS = 4;

    /** A chunk of bytes, or the end ({@code length} -1) with the source's error if it ended in one. */
    private record Chunk(byte[] bytes, int length, IOException error) {
    }

    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int position;
    private boolean ended;

    public ReadAhead(InputStream source, String name) {
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
        thread = new Thread(() -> fill(source), "loadverdict-read-ahead " + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void fill(InputStream source) {
        try (source) {
            while (!closed) {
                byte[] buffer = free.take();
                int n = 0;
                IOException error = null;
                try {
                    for (int read; n < buffer.length && (read = source.read(buffer, n, buffer.length - n)) >= 0; ) {
                        n += read;
                    }
                } catch (IOException e) {
                    error = e; // after the bytes read before it, as the source gives them
                } catch (RuntimeException e) {
                    error = new IOException(e.toString(), e);
                }
                if (n > 0) {
                    filled.put(new Chunk(buffer, n, null));
                }
                if (error != null || n < buffer.length) {
                    filled.put(new Chunk(null, -1, error));
                    return;
                }
            }
        } catch (IOException e) {
            offer(new Chunk(null, -1, e)); // closing the source failed: the bytes were all given
        } catch (InterruptedException e) {
            // closed
        } catch (Error e) {
            offer(new Chunk(null, -1, new IOException(e.toString(), e))); // the reader must not wait for ever
            throw e;
        }
    }

    private void offer(Chunk chunk) {
        try {
            filled.put(chunk);
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** The next chunk with bytes, or false at the end. */
    private boolean advance() throws IOException {
        if (ended) {
            return false;
        }
        if (current != null) {
            free.add(current.bytes);
            current = null;
        }
        Chunk next;
        try {
            next = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading ahead");
        }
        if (next.error != null) {
            ended = true;
            throw next.error;
        }
        if (next.length < 0) {
            ended = true;
            return false;
        }
        current = next;
        position = 0;
        return true;
    }

    @Override
    public int read() throws IOException {
        if ((current == null || position == current.length) && !advance()) {
            return -1;
        }
        return current.bytes[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if ((current == null || position == current.length) && !advance()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current.bytes, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
