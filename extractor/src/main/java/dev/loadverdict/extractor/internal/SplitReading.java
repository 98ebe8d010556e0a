package dev.loadverdict.extractor.internal;

import dev.loadverdict.extractor.Splitting;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads one large file on several threads, exactly: the file is cut into byte ranges, each range is read by its own
 * reader into its own aggregates, and the caller merges them in file order (see
 * {@link SampleAggregator#absorb}).
 *
 * <p><b>Cuts.</b> A cut lies right after a line feed, and after a line that {@code preferredStart} accepts when one
 * comes within {@value #SEARCH} bytes (k6 prefers the first line of a request's samples). A line feed can lie inside
 * a quoted field, so a cut is only a guess that a record starts there, and the guess is checked, never trusted: the
 * part before a cut is read from the file's start or from a checked cut, so its reader knows for certain whether its
 * last record ended exactly at the cut. When it did not (the cut was inside a quoted field), when a part reports
 * anything tied to a line (whose number is known only counting from the file's start), or when a part fails, the
 * result is empty and the caller reads the file on one thread, which finds the same records and reports the same
 * errors as if it had never been split.
 *
 * <p>A gzip file cannot be cut (a deflate stream has no entry points); it is read on one thread.
 */
public final class SplitReading {

    /** How far past a cut's line feed a preferred record start is looked for. */
    static final int SEARCH = 1 << 20;

    /** Files read in parts and merged, for tests and benchmarks to see that splitting happened. */
    private static final java.util.concurrent.atomic.LongAdder MERGED = new java.util.concurrent.atomic.LongAdder();

    private SplitReading() {
    }

    /** Counts a file whose parts a format merged (so its result came from several threads). */
    public static void merged() {
        MERGED.increment();
    }

    /** How many files were read in parts and merged in this JVM so far. */
    public static long filesMerged() {
        return MERGED.sum();
    }

    /** Reads one part of a file. */
    @FunctionalInterface
    public interface PartReader<P> {
        /**
         * Reads one part.
         *
         * @param bytes the part's bytes, the first part's without a leading UTF-8 byte order mark
         * @param first whether the part starts the file (its header, if any, is there)
         * @param last whether the part ends the file (only there may the input end inside a record)
         * @return what the part holds, or null when it cannot be merged exactly: its input ended inside a record
         *     although it is not the last, or it reported something about a line
         */
        P read(InputStream bytes, boolean first, boolean last) throws IOException;
    }

    /** Whether the line {@code b[from, to)} (without its line feed) is a preferred place to start a part. */
    @FunctionalInterface
    public interface LineTest {
        boolean test(byte[] b, int from, int to);

        /** Any line. */
        LineTest ANY = (b, from, to) -> true;
    }

    /**
     * The parts of the file as its readers read them, in file order; empty when the file is read on one thread
     * instead: it is too small for two parts, gzip-compressed, or a part could not vouch for its records (see above).
     */
    public static <P> Optional<List<P>> read(Path path, Splitting splitting, LineTest preferredStart,
                                             PartReader<P> reader) {
        if (splitting.parts() < 2) {
            return Optional.empty();
        }
        long[] cuts;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 2 * splitting.minPartBytes() || gzip(channel)) {
                return Optional.empty();
            }
            int parts = (int) Math.min(splitting.parts(), size / splitting.minPartBytes());
            cuts = cuts(channel, size, parts, preferredStart);
        } catch (IOException e) {
            return Optional.empty(); // the one-thread reading reports it
        }
        if (cuts.length < 3) {
            return Optional.empty();
        }
        return readParts(path, cuts, reader);
    }

    private static <P> Optional<List<P>> readParts(Path path, long[] cuts, PartReader<P> reader) {
        int parts = cuts.length - 1;
        AtomicBoolean abandoned = new AtomicBoolean();
        List<FutureTask<P>> tasks = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            int part = i;
            tasks.add(new FutureTask<>(() -> {
                try (InputStream in = new RangeStream(path, cuts[part], cuts[part + 1], abandoned)) {
                    P read = reader.read(in, part == 0, part == parts - 1);
                    if (read == null) {
                        abandoned.set(true);
                    }
                    return read;
                } catch (IOException | RuntimeException e) {
                    abandoned.set(true);
                    return null;
                }
            }));
        }
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < parts; i++) {
            Thread thread = new Thread(tasks.get(i), "loadverdict-part-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        tasks.get(0).run();
        List<P> results = new ArrayList<>();
        boolean interrupted = false;
        for (FutureTask<P> task : tasks) {
            while (true) {
                try {
                    results.add(task.get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    abandoned.set(true);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error; // out of memory, say: not a reason to read again
                    }
                    results.add(null);
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return results.contains(null) || abandoned.get() ? Optional.empty() : Optional.of(results);
    }

    private static boolean gzip(FileChannel channel) throws IOException {
        ByteBuffer magic = ByteBuffer.allocate(2);
        while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
            // fill both bytes
        }
        return magic.position() == 2 && (magic.get(0) & 0xff) == 0x1f && (magic.get(1) & 0xff) == 0x8b;
    }

    /**
     * The offsets where the parts start, then the file's size: 0, the first byte after a line feed at or past each
     * equal share (after the first preferred line when one follows within {@link #SEARCH} bytes), and the size. Shares
     * whose cut would not lie strictly between its neighbours are left out.
     */
    static long[] cuts(FileChannel channel, long size, int parts, LineTest preferred) throws IOException {
        List<Long> cuts = new ArrayList<>();
        cuts.add(0L);
        byte[] window = new byte[SEARCH];
        for (int i = 1; i < parts; i++) {
            long from = Math.max(size * i / parts, cuts.get(cuts.size() - 1) + 1);
            int n = readFully(channel, from, window);
            long cut = -1;
            int lineStart = -1;
            for (int p = 0; p < n; p++) {
                if (window[p] != '\n') {
                    continue;
                }
                if (cut < 0) {
                    cut = from + p + 1; // the first line start: the cut unless a preferred one follows
                }
                if (lineStart >= 0 && preferred.test(window, lineStart, p)) {
                    cut = from + lineStart;
                    break;
                }
                lineStart = p + 1;
            }
            if (cut > 0 && cut < size) {
                cuts.add(cut);
            }
        }
        cuts.add(size);
        return cuts.stream().mapToLong(Long::longValue).toArray();
    }

    private static int readFully(FileChannel channel, long position, byte[] into) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                break;
            }
        }
        return buffer.position();
    }

    /** The bytes {@code [from, to)} of a file (from 0: without a leading UTF-8 byte order mark), read by position. */
    static final class RangeStream extends InputStream {
        private final FileChannel channel;
        private final AtomicBoolean abandoned;
        private long position;
        private final long end;

        RangeStream(Path path, long from, long to, AtomicBoolean abandoned) throws IOException {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
            this.abandoned = abandoned;
            this.position = from;
            this.end = to;
            if (from == 0) {
                byte[] bom = new byte[3];
                if (read(bom, 0, 3) != 3 || (bom[0] & 0xff) != 0xEF || (bom[1] & 0xff) != 0xBB
                        || (bom[2] & 0xff) != 0xBF) {
                    position = 0;
                }
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (abandoned.get()) {
                throw new InterruptedIOException("another part of the file could not be read exactly");
            }
            if (position >= end) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
