package dev.loadverdict.extractor.internal;

import java.util.Arrays;

/**
 * A key made of some fields of a {@link DelimitedReader} record, to look up in a {@link BytesCache} what those
 * fields make (labels, tags) without allocating. Each field goes in as its length and then its bytes, so two
 * different splits of the same bytes into fields never share a key.
 */
public final class RowKey {

    private byte[] key = new byte[256];
    private int length;

    /** Starts a new key. */
    public void clear() {
        length = 0;
    }

    /** Adds a field of the row's current record. */
    public void add(DelimitedReader row, int field) {
        int from = row.start(field);
        int n = row.end(field) - from;
        if (length + n + Integer.BYTES > key.length) {
            key = Arrays.copyOf(key, Math.max(key.length * 2, length + n + Integer.BYTES));
        }
        key[length] = (byte) (n >>> 24);
        key[length + 1] = (byte) (n >>> 16);
        key[length + 2] = (byte) (n >>> 8);
        key[length + 3] = (byte) n;
        System.arraycopy(row.array(field), from, key, length + Integer.BYTES, n);
        length += Integer.BYTES + n;
    }

    /** What the cache holds for this key, or null. */
    public <V> V get(BytesCache<V> cache) {
        return cache.get(key, 0, length, BytesCache.hash(key, 0, length));
    }

    /** Keeps {@code value} in the cache under this key. */
    public <V> void put(BytesCache<V> cache, V value) {
        cache.put(key, 0, length, BytesCache.hash(key, 0, length), value);
    }
}
