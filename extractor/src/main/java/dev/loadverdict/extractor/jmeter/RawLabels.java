package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.internal.RequestLabels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@link RequestLabels} of samples read by {@link JtlXmlScanner}, looked up by the raw bytes of label and thread
 * group (and the URL, which only a sample with children has) so that repeated samples decode and allocate nothing. Raw
 * bytes decode to one string, so equal keys have equal labels. The group is the part of the raw {@code tn} before
 * its {@code " N-M"} ({@link SampleRules#threadGroupEnd}) when {@code tn} is plain ASCII, and the whole raw {@code tn}
 * otherwise (it may hold references, so its group is known only decoded; the two kinds of key never meet, since one is
 * plain ASCII and the other is not). At most {@value #MAX_ENTRIES} entries and {@value #MAX_BYTES} bytes of keys;
 * samples beyond get their labels from {@link XmlSamples}' own map as StAX samples do.
 */
final class RawLabels {

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SPREAD = 0xC2B2AE3D27D4EB4FL;
    private static final int SLOTS = 1 << 13;
    private static final int MAX_ENTRIES = SLOTS / 2;
    private static final long MAX_BYTES = 4L << 20;
    private static final int LABEL = 2 * JtlColumn.LABEL.ordinal();
    private static final int THREAD = 2 * JtlColumn.THREAD_NAME.ordinal();
    private static final long THREAD_BIT = 1L << JtlColumn.THREAD_NAME.ordinal();

    private final byte[][] labels = new byte[SLOTS][];
    private final byte[][] groups = new byte[SLOTS][];
    private final String[] urls = new String[SLOTS];
    private final RequestLabels[] values = new RequestLabels[SLOTS];
    private final int[] hashes = new int[SLOTS];
    private int size;
    private long bytes;
    /** Where the last {@link #get} that missed would put its entry, and the key's hash. */
    private int freeSlot;
    private int freeHash;

    /** The labels of a sample frame with this (normalised) URL, or null when not known yet. */
    RequestLabels get(XmlSamples.Frame sample, String url) {
        byte[] raw = sample.raw;
        int[] ranges = sample.ranges;
        int labelFrom = ranges[LABEL];
        int labelTo = ranges[LABEL + 1];
        int groupFrom = threadFrom(sample);
        int groupTo = groupEnd(sample);
        int h = hash(hash(1, raw, labelFrom, labelTo), raw, groupFrom, groupTo);
        h = 31 * h + Objects.hashCode(url);
        h ^= h >>> 16;
        int slot = h & (SLOTS - 1);
        while (values[slot] != null) {
            if (hashes[slot] == h && Arrays.equals(labels[slot], 0, labels[slot].length, raw, labelFrom, labelTo)
                    && sameGroup(groups[slot], raw, groupFrom, groupTo) && Objects.equals(urls[slot], url)) {
                return values[slot];
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        freeSlot = slot;
        freeHash = h;
        return null;
    }

    /** Keeps {@code found} for the key of the last {@link #get} (which missed) when there is room; returns it. */
    RequestLabels put(XmlSamples.Frame sample, String url, RequestLabels found) {
        int[] ranges = sample.ranges;
        int labelLength = ranges[LABEL + 1] - ranges[LABEL];
        int groupFrom = threadFrom(sample);
        int groupTo = groupEnd(sample);
        long entryBytes = labelLength + Math.max(0, groupTo - groupFrom) + (url == null ? 0 : 2L * url.length());
        if (size < MAX_ENTRIES && bytes + entryBytes <= MAX_BYTES) {
            labels[freeSlot] = Arrays.copyOfRange(sample.raw, ranges[LABEL], ranges[LABEL + 1]);
            groups[freeSlot] = groupFrom < 0 ? null : Arrays.copyOfRange(sample.raw, groupFrom, groupTo);
            urls[freeSlot] = url;
            hashes[freeSlot] = freeHash;
            values[freeSlot] = found;
            size++;
            bytes += entryBytes;
        }
        return found;
    }

    /** Where the key's group part of {@code tn} ends (see the class comment); -1 without {@code tn}. */
    private static int groupEnd(XmlSamples.Frame sample) {
        int from = threadFrom(sample);
        if (from < 0) {
            return -1;
        }
        int to = sample.ranges[THREAD + 1];
        return (sample.escaped & THREAD_BIT) != 0 ? to : SampleRules.threadGroupEnd(sample.raw, from, to);
    }

    /** Where {@code tn} starts, -1 without it. */
    private static int threadFrom(XmlSamples.Frame sample) {
        return (sample.present & THREAD_BIT) != 0 ? sample.ranges[THREAD] : -1;
    }

    private static boolean sameGroup(byte[] key, byte[] raw, int from, int to) {
        return from < 0 ? key == null : key != null && Arrays.equals(key, 0, key.length, raw, from, to);
    }

    /**
     * Mixes the bytes into {@code h} by their length and their first and last eight (constant work however long a
     * label is; a hit compares the whole key).
     */
    private static int hash(int h, byte[] raw, int from, int to) {
        if (from < 0) {
            return 31 * h - 1;
        }
        long x = to - from;
        if (to - from >= 8) {
            x = x * SPREAD + (long) WORDS.get(raw, from);
            x = x * SPREAD + (long) WORDS.get(raw, to - 8);
        } else {
            for (int i = from; i < to; i++) {
                x = x * 257 + raw[i];
            }
        }
        x *= SPREAD;
        return 31 * h + (int) (x ^ x >>> 32);
    }
}
