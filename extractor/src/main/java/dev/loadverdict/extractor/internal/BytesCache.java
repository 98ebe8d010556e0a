package dev.loadverdict.extractor.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Values made from bytes, by those exact bytes: k6's {@code tags} objects and CSV tag cells, Gatling's request
 * names, so the thousands of requests to one endpoint parse or allocate their labels once: equal bytes make
 * equal values. Open addressing, at most {@value #CAPACITY} entries; when full it starts afresh, so memory is
 * bounded and a run whose keys never repeat (per-request tags) costs one failed look-up per record.
 *
 * @param <V> what the bytes make
 */
public final class BytesCache<V> {

    private static final int SLOTS = 1 << 13;
    public static final int CAPACITY = SLOTS / 2;

    private final byte[][] keys = new byte[SLOTS][];
    private final int[] hashes = new int[SLOTS];
    private final Object[] values = new Object[SLOTS];
    private int size;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * A hash of {@code b[from, to)}, of every byte: 32 bytes a step in four independent lanes (one chain of
     * multiplications would wait on each one's latency, and k6's tags objects are a few hundred bytes), then eight
     * bytes and single bytes into the first lane.
     */
    public static int hash(byte[] b, int from, int to) {
        long h1 = to - from;
        long h2 = 0x243F6A8885A308D3L;
        long h3 = 0x13198A2E03707344L;
        long h4 = 0xA4093822299F31D0L;
        int i = from;
        for (; i + 4 * Long.BYTES <= to; i += 4 * Long.BYTES) {
            h1 = (h1 ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
            h2 = (h2 ^ (long) LONGS.get(b, i + 8)) * 0x9E3779B97F4A7C15L;
            h3 = (h3 ^ (long) LONGS.get(b, i + 16)) * 0x9E3779B97F4A7C15L;
            h4 = (h4 ^ (long) LONGS.get(b, i + 24)) * 0x9E3779B97F4A7C15L;
            h1 ^= h1 >>> 29;
            h2 ^= h2 >>> 29;
            h3 ^= h3 >>> 29;
            h4 ^= h4 >>> 29;
        }
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            h1 = (h1 ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
            h1 ^= h1 >>> 29;
        }
        for (; i < to; i++) {
            h1 = (h1 ^ b[i]) * 0x9E3779B97F4A7C15L;
        }
        long h = (h1 ^ Long.rotateLeft(h2, 16) ^ Long.rotateLeft(h3, 32) ^ Long.rotateLeft(h4, 48)) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 32;
        return (int) h;
    }

    private static final long MIX = 0x9E3779B97F4A7C15L;

    /**
     * Mixes {@code array[start, end)} into {@code h} by its length and its first and last eight bytes: constant work
     * however long a label or URL is. Only a fingerprint: a cache that uses it compares the whole key on a hit.
     */
    public static long fingerprint(long h, byte[] array, int start, int end) {
        int length = end - start;
        h = (h ^ length) * MIX;
        if (length >= 8) {
            h = (h ^ (long) LONGS.get(array, start)) * MIX;
            return (h ^ (long) LONGS.get(array, end - 8)) * MIX;
        }
        if (length > 0 && start + 8 <= array.length) {
            return (h ^ ((long) LONGS.get(array, start) & (-1L >>> (64 - 8 * length)))) * MIX;
        }
        for (int i = start; i < end; i++) {
            h = (h ^ array[i]) * MIX;
        }
        return h;
    }

    /** The value made from bytes equal to {@code b[from, to)}, or null. */
    @SuppressWarnings("unchecked")
    public V get(byte[] b, int from, int to, int hash) {
        int i = hash & (SLOTS - 1);
        while (keys[i] != null) {
            if (hashes[i] == hash && Arrays.equals(keys[i], 0, keys[i].length, b, from, to)) {
                return (V) values[i];
            }
            i = (i + 1) & (SLOTS - 1);
        }
        return null;
    }

    public void put(byte[] b, int from, int to, int hash, V value) {
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
        values[i] = value;
        size++;
    }
}
