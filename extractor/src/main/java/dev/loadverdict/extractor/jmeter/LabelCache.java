package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.internal.BytesCache;
import dev.loadverdict.extractor.internal.DelimitedReader;
import dev.loadverdict.extractor.internal.RequestLabels;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The {@link RequestLabels} of CSV rows, looked up by the bytes of label, URL and thread group so that
 * repeated rows decode and allocate nothing: a JTL of millions of rows usually has a few dozen distinct
 * triples. The table keeps at most {@value #MAX_ENTRIES} of them; rows beyond that (URLs with ids in
 * them) get fresh labels, which the aggregator's own bounded caches then handle. Its keys and labels hold
 * at most {@value #MAX_BYTES} bytes of text in all, so a few thousand huge labels cannot fill the heap.
 */
final class LabelCache {

    private static final long MIX = 0x9E3779B97F4A7C15L;
    private static final int SLOTS = 1 << 13;
    static final int MAX_ENTRIES = SLOTS / 2;
    static final long MAX_BYTES = 4L << 20;
    /** What JMeter writes in the URL column of a sample that has none. */
    private static final String NULL_URL = "null";
    private static final byte[] ABSENT = new byte[0];

    private final byte[][] labels = new byte[SLOTS][];
    private final byte[][] urls = new byte[SLOTS][];
    private final byte[][] groups = new byte[SLOTS][];
    private final RequestLabels[] values = new RequestLabels[SLOTS];
    private final int[] hashes = new int[SLOTS];
    private int size;
    private long bytes;

    /**
     * The labels of the current row.
     *
     * @param label the label column
     * @param url the URL column, or -1
     * @param thread the thread-name column, or -1
     */
    RequestLabels get(DelimitedReader row, int label, int url, int thread) {
        boolean hasUrl = url >= 0 && !row.isEmpty(url) && !row.is(url, NULL_URL);
        boolean hasThread = thread >= 0 && !row.isEmpty(thread);
        byte[] labelArray = row.array(label);
        int labelStart = row.start(label);
        int labelEnd = row.end(label);
        byte[] urlArray = hasUrl ? row.array(url) : ABSENT;
        int urlStart = hasUrl ? row.start(url) : 0;
        int urlEnd = hasUrl ? row.end(url) : 0;
        byte[] threadArray = hasThread ? row.array(thread) : ABSENT;
        int groupStart = hasThread ? row.start(thread) : 0;
        int groupEnd = hasThread ? SampleRules.threadGroupEnd(threadArray, groupStart, row.end(thread)) : 0;

        long h = BytesCache.fingerprint(1, labelArray, labelStart, labelEnd);
        h = hasUrl ? BytesCache.fingerprint(h, urlArray, urlStart, urlEnd) : (h ^ -1) * MIX;
        h = hasThread ? BytesCache.fingerprint(h, threadArray, groupStart, groupEnd) : (h ^ -2) * MIX;
        int hash = (int) (h ^ (h >>> 32));
        int slot = hash & (SLOTS - 1);
        while (values[slot] != null) {
            if (hashes[slot] == hash && same(labels[slot], labelArray, labelStart, labelEnd)
                    && (hasUrl ? same(urls[slot], urlArray, urlStart, urlEnd) : urls[slot] == null)
                    && (hasThread ? same(groups[slot], threadArray, groupStart, groupEnd) : groups[slot] == null)) {
                return values[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        RequestLabels labelsOfRow = new RequestLabels(null, text(labelArray, labelStart, labelEnd),
                hasUrl ? text(urlArray, urlStart, urlEnd) : null,
                hasThread ? text(threadArray, groupStart, groupEnd) : null, null, Map.of());
        int entryBytes = 2 * ((labelEnd - labelStart) + (urlEnd - urlStart) + (groupEnd - groupStart));
        if (size < MAX_ENTRIES && bytes + entryBytes <= MAX_BYTES) {
            labels[slot] = Arrays.copyOfRange(labelArray, labelStart, labelEnd);
            urls[slot] = hasUrl ? Arrays.copyOfRange(urlArray, urlStart, urlEnd) : null;
            groups[slot] = hasThread ? Arrays.copyOfRange(threadArray, groupStart, groupEnd) : null;
            hashes[slot] = hash;
            values[slot] = labelsOfRow;
            size++;
            bytes += entryBytes;
        }
        return labelsOfRow;
    }

    /** The bytes of text the cache holds (twice the keys' bytes: the key and its decoded label). */
    long bytes() {
        return bytes;
    }

    /** Whether {@code key} holds the bytes of the range (the JDK compares them vectorised). */
    private static boolean same(byte[] key, byte[] array, int start, int end) {
        return key != null && Arrays.equals(key, 0, key.length, array, start, end);
    }

    private static String text(byte[] array, int start, int end) {
        return new String(array, start, end - start, StandardCharsets.UTF_8);
    }
}
