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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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

    /** Adds the later of two adjacent parts into the earlier (which holds every part before it merged). */
    @FunctionalInterface
    public interface Merger<P> {
        /** Whether {@code later} was merged exactly into {@code earlier}; false leaves {@code earlier} of no use. */
        boolean absorb(P earlier, P later);
    }

    /**
     * The file's parts merged in file order; empty when the file is read on one thread instead: it is too small for
     * two parts, gzip-compressed, or a part could not vouch for its records or be merged exactly (see above).
     *
     * <p>A file becomes one part per thread (each at least {@link Splitting#minPartBytes}); threads take the parts in
     * order as they come free and merge each as soon as those before it are merged. The other threads start once the
     * first has read {@link Splitting#minPartBytes} (32 MB by default): until then the JIT compiler has a core to itself
     * for the code every part runs. Measured on 2 cores from a fresh JVM with a 1 GB JTL: 2.2-2.6 s against 2.6-2.7 s
     * when both threads start at once; four parts per thread, or a thread starting only after a whole part, were slower.
     */
    public static <P> Optional<P> read(Path path, Splitting splitting, LineTest preferredStart, PartReader<P> reader,
                                       Merger<P> merger) {
        if (splitting.threads() < 2) {
            return Optional.empty();
        }
        long[] cuts;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < 2 * splitting.minPartBytes() || gzip(channel)) {
                return Optional.empty();
            }
            long parts = Math.min(splitting.threads(), size / splitting.minPartBytes());
            cuts = cuts(channel, size, (int) parts, preferredStart);
        } catch (IOException e) {
            return Optional.empty(); // the one-thread reading reports it
        }
        if (cuts.length < 3) {
            return Optional.empty();
        }
        return new Parts<>(path, cuts, reader, merger, splitting.minPartBytes()).read(splitting.threads());
    }

    /** The reading of one split file: its parts, taken in order by the threads, merged in order. */
    private static final class Parts<P> {
        private final Path path;
        private final long[] cuts;
        private final PartReader<P> reader;
        private final Merger<P> merger;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean abandoned = new AtomicBoolean();
        private final Object[] done;
        private int merged;
        private P result;
        private volatile Error error;
        /** Bytes the first thread reads before the others start, and how many it has read. */
        private final long head;
        private final Thread caller = Thread.currentThread();
        private final AtomicLong headRead = new AtomicLong();
        private final List<Thread> helpers = new ArrayList<>();
        private int threads;
        private volatile boolean started;

        Parts(Path path, long[] cuts, PartReader<P> reader, Merger<P> merger, long head) {
            this.head = head;
            this.path = path;
            this.cuts = cuts;
            this.reader = reader;
            this.merger = merger;
            this.done = new Object[cuts.length - 1];
        }

        Optional<P> read(int threads) {
            this.threads = Math.min(threads, done.length);
            work(); // the others join once this thread has read the head (see SplitReading#read)
            startHelpers(); // a file read whole before that
            boolean interrupted = false;
            for (Thread helper : helpers()) {
                while (helper.isAlive()) {
                    try {
                        helper.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        abandoned.set(true);
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (error != null) {
                throw error; // out of memory, say: not a reason to read again
            }
            synchronized (this) {
                return abandoned.get() || merged < done.length ? Optional.empty() : Optional.of(result);
            }
        }

        /** Counts bytes the first thread read; starts the others once they reach the head. */
        private void readByFirst(long bytes) {
            if (!started && headRead.addAndGet(bytes) >= head) {
                startHelpers();
            }
        }

        private synchronized void startHelpers() {
            if (started) {
                return;
            }
            started = true;
            for (int i = 1; i < threads; i++) {
                Thread helper = new Thread(this::work, "loadverdict-part-reader-" + i);
                helper.setDaemon(true);
                helper.start();
                helpers.add(helper);
            }
        }

        private synchronized List<Thread> helpers() {
            return List.copyOf(helpers);
        }

        /** Reads the next part not taken yet, and merges what it can, until none is left. */
        private void work() {
            while (!abandoned.get()) {
                int part = next.getAndIncrement();
                if (part >= done.length) {
                    return;
                }
                P read = null;
                boolean first = Thread.currentThread() == caller;
                try (InputStream in = new RangeStream(path, cuts[part], cuts[part + 1], abandoned,
                        first && !started ? this::readByFirst : n -> { })) {
                    read = reader.read(in, part == 0, part == done.length - 1);
                } catch (IOException | RuntimeException e) {
                    // read again on one thread, which reports it where it is
                } catch (Error e) {
                    error = e;
                }
                completed(part, read);
            }
        }

        @SuppressWarnings("unchecked")
        private synchronized void completed(int part, P read) {
            if (read == null) {
                abandoned.set(true);
                return;
            }
            done[part] = read;
            while (!abandoned.get() && merged < done.length && done[merged] != null) {
                P later = (P) done[merged];
                done[merged] = null;
                try {
                    if (merged == 0) {
                        result = later;
                    } else if (!merger.absorb(result, later)) {
                        abandoned.set(true);
                    }
                } catch (RuntimeException e) {
                    abandoned.set(true); // read again on one thread, which has no merge to fail
                }
                merged++;
            }
        }
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
            long cut = cut(channel, from, window, preferred);
            if (cut > 0 && cut < size) {
                cuts.add(cut);
            }
        }
        cuts.add(size);
        return cuts.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The first byte after a line feed at or past {@code from}, or the start of the first preferred line after it within
     * {@link #SEARCH} bytes; -1 when there is no line feed there. Reads 64 KiB at a time, as far as it must.
     */
    private static long cut(FileChannel channel, long from, byte[] window, LineTest preferred) throws IOException {
        long cut = -1;
        int lineStart = -1;
        int n = 0;
        for (int p = 0; p < window.length; p++) {
            if (p == n) {
                int more = readFully(channel, from + n, window, n, Math.min(1 << 16, window.length - n));
                if (more == 0) {
                    return cut;
                }
                n += more;
            }
            if (window[p] != '\n') {
                continue;
            }
            if (cut < 0) {
                cut = from + p + 1; // the first line start: the cut unless a preferred line follows
                if (preferred == LineTest.ANY) {
                    return cut;
                }
            }
            if (lineStart >= 0 && preferred.test(window, lineStart, p)) {
                return from + lineStart;
            }
            lineStart = p + 1;
        }
        return cut;
    }

    /** Reads up to {@code length} bytes at {@code position} into {@code into[offset…]}: how many (0 at the end). */
    public static int readFully(FileChannel channel, long position, byte[] into, int offset, int length)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into, offset, length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position() - offset) < 0) {
                break;
            }
        }
        return buffer.position() - offset;
    }

    /** The bytes {@code [from, to)} of a file (from 0: without a leading UTF-8 byte order mark), read by position. */
    static final class RangeStream extends InputStream {
        private final FileChannel channel;
        private final AtomicBoolean abandoned;
        private long position;
        private final long end;

        private final java.util.function.LongConsumer progress;

        RangeStream(Path path, long from, long to, AtomicBoolean abandoned, java.util.function.LongConsumer progress)
                throws IOException {
            this.progress = progress;
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
            this.abandoned = abandoned;
            this.position = from;
            this.end = to;
            if (from == 0) {
                byte[] bom = new byte[3];
                try {
                    if (read(bom, 0, 3) != 3 || (bom[0] & 0xff) != 0xEF || (bom[1] & 0xff) != 0xBB
                            || (bom[2] & 0xff) != 0xBF) {
                        position = 0;
                    }
                } catch (IOException | RuntimeException e) {
                    channel.close(); // the caller never gets the stream to close
                    throw e;
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
                progress.accept(n);
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
