package dev.loadverdict.extractor.generic;

import dev.loadverdict.extractor.internal.BytesCache;

import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of one raw sample as UTF-8 byte ranges, as the byte-level readers ({@link SampleCsvBytes},
 * {@link SampleNdjsonBytes}) find them in their buffers: decoded only when the sink needs the text (undecodable
 * bytes become U+FFFD, as {@link dev.loadverdict.extractor.InputFiles#openText} makes them; the ranges start and end
 * at ASCII delimiters, so decoding a range gives the same text as decoding the whole file). The ranges are valid until
 * the reader moves on, which it does only after {@link SampleSink#add(RawSample, long)} returned.
 */
final class RawSample {

    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int FIELDS = SampleField.values().length;
    /** The fields that make a sample's {@link dev.loadverdict.extractor.internal.RequestLabels}, with its tags. */
    private static final int[] LABEL_FIELDS = {SampleField.ENDPOINT.ordinal(), SampleField.METHOD.ordinal(),
            SampleField.URL.ordinal(), SampleField.GROUP.ordinal(), SampleField.SERVICE.ordinal()};
    private static final long MIX = 0x9E3779B97F4A7C15L;

    /** The array holding each field's bytes, by {@link SampleField#ordinal()}; null where the field is absent. */
    final byte[][] arrays = new byte[FIELDS][];
    final int[] starts = new int[FIELDS];
    final int[] ends = new int[FIELDS];

    /** The tags in the order read, name then value, as byte ranges ({@code ranges}: start and end of each). */
    private byte[][] tagArrays = new byte[16][];
    private int[] tagRanges = new int[32];
    private int tagParts;

    void clear() {
        Arrays.fill(arrays, null);
        tagParts = 0;
    }

    void clearTags() {
        tagParts = 0;
    }

    void set(SampleField field, byte[] array, int start, int end) {
        int i = field.ordinal();
        arrays[i] = array;
        starts[i] = start;
        ends[i] = end;
    }

    void unset(SampleField field) {
        arrays[field.ordinal()] = null;
    }

    /** The field's text; null when absent. */
    String text(SampleField field) {
        int i = field.ordinal();
        byte[] a = arrays[i];
        return a == null ? null : decode(a, starts[i], ends[i]);
    }

    /** Adds a tag; a later tag of the same name replaces an earlier one. */
    void tag(byte[] nameArray, int nameStart, int nameEnd, byte[] valueArray, int valueStart, int valueEnd) {
        if (tagParts + 2 > tagArrays.length) {
            tagArrays = Arrays.copyOf(tagArrays, tagArrays.length * 2);
            tagRanges = Arrays.copyOf(tagRanges, tagRanges.length * 2);
        }
        part(nameArray, nameStart, nameEnd);
        part(valueArray, valueStart, valueEnd);
    }

    private void part(byte[] array, int start, int end) {
        tagArrays[tagParts] = array;
        tagRanges[2 * tagParts] = start;
        tagRanges[2 * tagParts + 1] = end;
        tagParts++;
    }

    /** The tags, decoded. */
    Map<String, String> tags() {
        if (tagParts == 0) {
            return Map.of();
        }
        Map<String, String> tags = new HashMap<>();
        for (int i = 0; i < tagParts; i += 2) {
            tags.put(decode(tagArrays[i], tagRanges[2 * i], tagRanges[2 * i + 1]),
                    decode(tagArrays[i + 1], tagRanges[2 * i + 2], tagRanges[2 * i + 3]));
        }
        return tags;
    }

    /**
     * A hash of the bytes the sample's labels depend on (the label fields, each absent or with its length, and the
     * tags in order), from each one's length and first and last eight bytes: constant work however long they are;
     * {@link #hasKey} then compares exactly.
     */
    long fingerprint() {
        long h = 1;
        for (int i : LABEL_FIELDS) {
            byte[] a = arrays[i];
            h = a == null ? (h ^ -1) * MIX : BytesCache.fingerprint(h, a, starts[i], ends[i]);
        }
        for (int i = 0; i < tagParts; i++) {
            h = BytesCache.fingerprint(h, tagArrays[i], tagRanges[2 * i], tagRanges[2 * i + 1]);
        }
        return h;
    }

    /** Whether {@code key}, made by {@link #key} for an earlier sample, holds this sample's label bytes. */
    boolean hasKey(byte[] key) {
        int n = 0;
        for (int i : LABEL_FIELDS) {
            n = arrays[i] == null ? absent(key, n) : same(key, n, arrays[i], starts[i], ends[i]);
            if (n < 0) {
                return false;
            }
        }
        for (int i = 0; i < tagParts; i++) {
            n = same(key, n, tagArrays[i], tagRanges[2 * i], tagRanges[2 * i + 1]);
            if (n < 0) {
                return false;
            }
        }
        return n == key.length;
    }

    /** Where the key goes on after an absent field at {@code n}, or -1. */
    private static int absent(byte[] key, int n) {
        return n + 4 <= key.length && (int) INTS.get(key, n) == -1 ? n + 4 : -1;
    }

    /** Where the key goes on after a part equal to the range at {@code n}, or -1. */
    private static int same(byte[] key, int n, byte[] a, int start, int end) {
        int length = end - start;
        if (n + 4 + length > key.length || (int) INTS.get(key, n) != length) {
            return -1;
        }
        n += 4;
        for (int i = 0; i < length; i++) {
            if (key[n + i] != a[start + i]) {
                return -1;
            }
        }
        return n + length;
    }

    /** The bytes {@link #hasKey} compares with: each label field's length (-1: absent) and bytes, then each tag's. */
    byte[] key() {
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        for (int i : LABEL_FIELDS) {
            part(key, arrays[i], starts[i], ends[i]);
        }
        for (int i = 0; i < tagParts; i++) {
            part(key, tagArrays[i], tagRanges[2 * i], tagRanges[2 * i + 1]);
        }
        return key.toByteArray();
    }

    private static void part(ByteArrayOutputStream key, byte[] a, int start, int end) {
        byte[] length = new byte[4];
        INTS.set(length, 0, a == null ? -1 : end - start);
        key.writeBytes(length);
        if (a != null) {
            key.write(a, start, end - start);
        }
    }

    static String decode(byte[] a, int start, int end) {
        return new String(a, start, end - start, StandardCharsets.UTF_8);
    }
}
