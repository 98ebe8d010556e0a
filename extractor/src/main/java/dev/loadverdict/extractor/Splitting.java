package dev.loadverdict.extractor;

/**
 * How {@code SplitReading} may divide a large file: into at most {@code parts} byte ranges (read on as many threads),
 * each at least {@code minPartBytes} long. A file too small for two parts is read on one thread.
 *
 * @param parts the most parts, and threads, a file is read in (1: one thread)
 * @param minPartBytes the least bytes a part holds
 */
public record Splitting(int parts, long minPartBytes) {

    /** Parts of at least 32 MiB: smaller files take less time to read on one thread than to hand to a second. */
    public static final long MIN_PART_BYTES = 32L << 20;

    /** One part per available processor. */
    public static final Splitting DEFAULT = new Splitting(Runtime.getRuntime().availableProcessors(), MIN_PART_BYTES);

    /** Every file on one thread. */
    public static final Splitting NONE = new Splitting(1, MIN_PART_BYTES);

    public Splitting {
        if (parts < 1 || minPartBytes < 1) {
            throw new IllegalArgumentException("parts and minPartBytes must be >= 1 but were " + parts + ", " + minPartBytes);
        }
    }
}
