package dev.loadverdict.extractor;

/**
 * How {@code SplitReading} may divide a large file: into byte ranges of at least {@code minPartBytes} (a few per
 * thread), read on up to {@code threads} threads. A file too small for two parts is read on one thread.
 *
 * @param threads the most threads a file is read on (1: one thread, the caller's)
 * @param minPartBytes the least bytes a part holds
 */
public record Splitting(int threads, long minPartBytes) {

    /** Parts of at least 32 MiB: smaller files take less time to read on one thread than to hand to a second. */
    public static final long MIN_PART_BYTES = 32L << 20;

    /** A thread per available processor. */
    public static final Splitting DEFAULT = new Splitting(Runtime.getRuntime().availableProcessors(), MIN_PART_BYTES);

    /** Every file on one thread. */
    public static final Splitting NONE = new Splitting(1, MIN_PART_BYTES);

    public Splitting {
        if (threads < 1 || minPartBytes < 1) {
            throw new IllegalArgumentException("threads and minPartBytes must be >= 1 but were " + threads + ", "
                    + minPartBytes);
        }
    }
}
