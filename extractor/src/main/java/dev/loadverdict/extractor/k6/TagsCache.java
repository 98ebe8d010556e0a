package dev.loadverdict.extractor.k6;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Parsed {@code tags} objects of NDJSON points by their exact bytes, so the tags of the thousands of
 * requests to one endpoint are parsed once: equal bytes parse to equal tags. Open addressing, at most
 * {@value #CAPACITY} entries; when full it starts afresh, so memory is bounded and a run whose tags never
 * repeat (per-request tags) costs one failed look-up per point.
 */
final class TagsCache {

    private static final int SLOTS = 1 << 13;
    static final int CAPACITY = SLOTS / 2;

    private final byte[][] keys = new byte[SLOTS][];
    private final int[] hashes = new int[SLOTS];
    private final RequestTags[] values = new RequestTags[SLOTS];
    private int size;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** A hash of {@code b[from, to)}, eight bytes a step. */
    static int hash(byte[] b, int from, int to) {
        long h = to - from;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            h = (h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        for (; i < to; i++) {
            h = (h ^ b[i]) * 0x9E3779B97F4A7C15L;
        }
        h ^= h >>> 32;
        return (int) h;
    }

    /** The tags parsed from bytes equal to {@code b[from, to)}, or null. */
    RequestTags get(byte[] b, int from, int to, int hash) {
        int i = hash & (SLOTS - 1);
        while (keys[i] != null) {
            if (hashes[i] == hash && Arrays.equals(keys[i], 0, keys[i].length, b, from, to)) {
                return values[i];
            }
            i = (i + 1) & (SLOTS - 1);
        }
        return null;
    }

    void put(byte[] b, int from, int to, int hash, RequestTags tags) {
        if (size >= CAPACITY) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            size = 0;
        }
        int i = hash & (SLOTS - 1);
        while (keys[i] != null) {
            i = (i + 1) & (SLOTS - 1);
        }
        keys[i] = Arrays.copyOfRange(b, from, to);
        hashes[i] = hash;
        values[i] = tags;
        size++;
    }
}
