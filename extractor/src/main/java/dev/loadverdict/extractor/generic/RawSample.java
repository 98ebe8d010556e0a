package dev.loadverdict.extractor.generic;

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
    private static final SampleField[] LABEL_FIELDS = {SampleField.ENDPOINT, SampleField.METHOD, SampleField.URL,
            SampleField.GROUP, SampleField.SERVICE};

    /** The array holding each field's bytes, by {@link SampleField#ordinal()}; null where the field is absent. */
    final byte[][] arrays = new byte[FIELDS][];
    final int[] starts = new int[FIELDS];
    final int[] ends = new int[FIELDS];

    /** The tags in the order read, name then value, as byte ranges ({@code ranges}: start and end of each). */
    private byte[][] tagArrays = new byte[16][];
    private int[] tagRanges = new int[32];
    private int tagParts;

    /** What {@link #key} wrote. */
    byte[] key = new byte[256];

    void clear() {
        Arrays.fill(arrays, null);
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
     * Writes into {@link #key} the bytes the sample's labels depend on (the label fields, each absent or with its
     * length, and the tags in order), so that two samples with the same key have the same labels.
     *
     * @return the key's length
     */
    int key() {
        int n = 0;
        for (SampleField f : LABEL_FIELDS) {
            int i = f.ordinal();
            n = arrays[i] == null ? length(n, -1) : bytes(length(n, ends[i] - starts[i]), arrays[i], starts[i], ends[i]);
        }
        for (int i = 0; i < tagParts; i++) {
            int start = tagRanges[2 * i];
            int end = tagRanges[2 * i + 1];
            n = bytes(length(n, end - start), tagArrays[i], start, end);
        }
        return n;
    }

    private int length(int n, int length) {
        room(n, 4);
        INTS.set(key, n, length);
        return n + 4;
    }

    private int bytes(int n, byte[] array, int start, int end) {
        int length = end - start;
        room(n, length);
        if (length <= 16) {
            for (int i = 0; i < length; i++) {
                key[n + i] = array[start + i];
            }
        } else {
            System.arraycopy(array, start, key, n, length);
        }
        return n + length;
    }

    private void room(int n, int more) {
        if (n + more > key.length) {
            key = Arrays.copyOf(key, Math.max(key.length * 2, n + more));
        }
    }

    static String decode(byte[] a, int start, int end) {
        return new String(a, start, end - start, StandardCharsets.UTF_8);
    }
}
