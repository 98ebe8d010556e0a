package dev.loadverdict.extractor.generic;

import dev.loadverdict.extractor.internal.DelimitedReader;
import dev.loadverdict.model.InputException;

import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The NDJSON form of the generic raw samples ({@link SampleNdjson} says what it is) read from bytes, at hundreds of
 * MB/s where a Jackson parser per line over decoded text reads about 50 MB/s. Lines are split by the shared
 * {@link DelimitedReader} (unquoted, with NUL as the delimiter: a byte JSON never holds unescaped), and a line is read
 * by a small recogniser of the plain JSON harnesses write: an object of string, number, boolean and null values and a
 * {@code tags} object of those, no escapes, blanks only between tokens, names spelled as documented. It takes the
 * values' byte ranges ({@link RawSample}) and gives the same text Jackson would give for them (a number's text as
 * written, {@code true}, a string's bytes decoded).
 *
 * <p>Why hand-written: Jackson's parser is the best there is for JSON in general, but making one per line and reading
 * a line token by token through it took most of the time; the recogniser checks only that a line is of the plain
 * kind. Any other line (escapes, nested values, other spellings, broken JSON) is read exactly as before, by
 * {@link SampleNdjson#parse} with Jackson on the line's text, so errors keep Jackson's wording. A line too long for the
 * byte reader, or one holding a NUL, makes the whole file be read again by {@link SampleNdjson}
 * ({@link SampleCsvBytes.Fallback}), which bounds lines by characters as before.
 */
final class SampleNdjsonBytes {

    /** The longest name and number the recogniser takes; longer ones are left to Jackson (and its limits). */
    private static final int MAX_TOKEN = 64;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TAGS = SampleField.TAGS_KEY.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long CONTROLS = ONES * ' ';

    private final RawSample sample = new RawSample();
    private final SampleObject object = new SampleObject();
    /** Where {@link #value} found the value: its range, and whether it is null. */
    private int valueStart;
    private int valueEnd;
    private boolean valueNull;

    private SampleNdjsonBytes() {
    }

    /**
     * Reads every line into the sink.
     *
     * @param last whether the bytes end the file; else they are a part of it
     *     ({@link dev.loadverdict.extractor.internal.SplitReading}) and only a line break may end them
     * @return whether the reading was exact as a part: it ended at a line end ({@code last}) and no sample was skipped
     *     (whose warning or error would name a line, known only counting from the file's start)
     * @throws SampleCsvBytes.Fallback when the file must be read by {@link SampleNdjson} instead
     */
    static boolean read(InputStream in, String file, SampleSink sink, boolean last) {
        return new SampleNdjsonBytes().readLines(in, file, sink, last);
    }

    private boolean readLines(InputStream in, String file, SampleSink sink, boolean last) {
        InputException pending = null;
        long number = 0;
        boolean terminated = true;
        try (DelimitedReader row = DelimitedReader.literal(in, file, '\0', "generic samples NDJSON file")) {
            while (SampleCsvBytes.next(row)) {
                number = row.line();
                terminated = row.terminated();
                if (row.size() != 1) {
                    throw new SampleCsvBytes.Fallback();
                }
                byte[] a = row.array(0);
                int start = row.start(0);
                int end = row.end(0);
                int first = blanks(a, start, end);
                boolean plain = first < end && a[first] == '{';
                if (!plain && blank(row, a, start, end)) {
                    continue;
                }
                if (pending != null) {
                    throw pending;
                }
                try {
                    if (plain && object(a, first, end)) {
                        sink.add(sample, number);
                    } else {
                        SampleNdjson.parse(row.text(0), file, number, object);
                        sink.add(object.values, object.tags, number);
                    }
                } catch (InputException e) {
                    pending = e; // fatal unless it is the last line, which a killed harness may have cut off
                }
            }
        }
        sink.endReading(pending, number);
        return (last || terminated) && pending == null;
    }

    /** Whether the line is blank as {@link String#isBlank} says, decoding it only when it has other than ASCII. */
    private static boolean blank(DelimitedReader row, byte[] a, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = a[i];
            if (b < 0) {
                return row.text(0).isBlank();
            }
            if (!(b == ' ' || b >= '\t' && b <= '\r' || b >= 0x1C && b <= 0x1F)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads a plain sample object spanning {@code [p, end)} (blanks after it allowed) into {@link #sample}; false when
     * the line is not of the plain kind, and nothing is known of it.
     */
    private boolean object(byte[] a, int p, int end) {
        RawSample s = sample;
        s.clear();
        p = blanks(a, p + 1, end);
        if (p < end && a[p] == '}') {
            return blanks(a, p + 1, end) == end;
        }
        while (true) {
            if (p >= end || a[p] != '"') {
                return false;
            }
            int nameStart = p + 1;
            int nameEnd = plainString(a, nameStart, end);
            if (nameEnd < 0 || nameEnd - nameStart > MAX_TOKEN) {
                return false;
            }
            p = blanks(a, nameEnd + 1, end);
            if (p >= end || a[p] != ':') {
                return false;
            }
            p = blanks(a, p + 1, end);
            SampleField field = SampleField.of(a, nameStart, nameEnd);
            if (field == null && !SampleField.plainlyNone(a, nameStart, nameEnd)) {
                return false; // a name SampleField.of might still take (case, blanks): Jackson's way decides
            }
            if (p < end && a[p] == '{') {
                if (field != null || !java.util.Arrays.equals(a, nameStart, nameEnd, TAGS, 0, TAGS.length)) {
                    return false;
                }
                p = tags(a, p + 1, end);
                if (p < 0) {
                    return false;
                }
            } else {
                p = value(a, p, end);
                if (p < 0) {
                    return false;
                }
                if (field != null) {
                    if (valueNull) {
                        s.unset(field);
                    } else {
                        s.set(field, a, valueStart, valueEnd);
                    }
                }
            }
            p = blanks(a, p, end);
            if (p >= end) {
                return false;
            }
            if (a[p] == '}') {
                return blanks(a, p + 1, end) == end;
            }
            if (a[p] != ',') {
                return false;
            }
            p = blanks(a, p + 1, end);
        }
    }

    /** Reads the tags object's members (after its '{') into the sample: the position after its '}', or -1. */
    private int tags(byte[] a, int p, int end) {
        p = blanks(a, p, end);
        if (p < end && a[p] == '}') {
            return p + 1;
        }
        while (true) {
            if (p >= end || a[p] != '"') {
                return -1;
            }
            int nameStart = p + 1;
            int nameEnd = plainString(a, nameStart, end);
            if (nameEnd < 0) {
                return -1;
            }
            p = blanks(a, nameEnd + 1, end);
            if (p >= end || a[p] != ':') {
                return -1;
            }
            p = value(a, blanks(a, p + 1, end), end);
            if (p < 0) {
                return -1;
            }
            if (!valueNull) {
                sample.tag(a, nameStart, nameEnd, a, valueStart, valueEnd);
            }
            p = blanks(a, p, end);
            if (p >= end) {
                return -1;
            }
            if (a[p] == '}') {
                return p + 1;
            }
            if (a[p] != ',') {
                return -1;
            }
            p = blanks(a, p + 1, end);
        }
    }

    /**
     * Reads a plain scalar at {@code p} into {@link #valueStart}, {@link #valueEnd} and {@link #valueNull}: the
     * position after it, or -1.
     */
    private int value(byte[] a, int p, int end) {
        if (p >= end) {
            return -1;
        }
        byte c = a[p];
        valueNull = false;
        int after;
        if (c == '"') {
            valueStart = p + 1;
            valueEnd = plainString(a, p + 1, end);
            return valueEnd < 0 ? -1 : valueEnd + 1;
        } else if (c == 't') {
            after = literal(a, p, end, TRUE);
        } else if (c == 'f') {
            after = literal(a, p, end, FALSE);
        } else if (c == 'n') {
            after = literal(a, p, end, NULL);
            valueNull = true;
        } else {
            after = number(a, p, end);
        }
        valueStart = p;
        valueEnd = after;
        return after < 0 || after < end && !(a[after] == ',' || a[after] == '}' || a[after] == ' ' || a[after] == '\t')
                ? -1 : after;
    }

    private static int literal(byte[] a, int p, int end, byte[] word) {
        return end - p >= word.length && java.util.Arrays.equals(a, p, p + word.length, word, 0, word.length)
                ? p + word.length : -1;
    }

    /** A JSON number as Jackson takes it, without exponent: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}; its end or -1. */
    private static int number(byte[] a, int p, int end) {
        int start = p;
        if (p < end && a[p] == '-') {
            p++;
        }
        int digits = p;
        while (p < end && a[p] >= '0' && a[p] <= '9') {
            p++;
        }
        if (p == digits || a[digits] == '0' && p - digits > 1) {
            return -1;
        }
        if (p < end && a[p] == '.') {
            int fraction = ++p;
            while (p < end && a[p] >= '0' && a[p] <= '9') {
                p++;
            }
            if (p == fraction) {
                return -1;
            }
        }
        return p - start > MAX_TOKEN ? -1 : p;
    }

    /**
     * The end (the closing quote) of a string without escapes or control characters starting at {@code p}, or -1;
     * eight bytes at a time.
     */
    private static int plainString(byte[] a, int p, int end) {
        for (; p + 8 <= end; p += 8) {
            long w = (long) LONGS.get(a, p);
            long special = zeros(w ^ QUOTES) | zeros(w ^ BACKSLASHES) | (w - CONTROLS) & ~w & HIGHS;
            if (special != 0) {
                int at = p + (Long.numberOfTrailingZeros(special) >>> 3); // the lowest flagged byte is exact
                return a[at] == '"' ? at : -1;
            }
        }
        for (; p < end; p++) {
            byte c = a[p];
            if (c == '"') {
                return p;
            }
            if (c == '\\' || c >= 0 && c < ' ') {
                return -1;
            }
        }
        return -1;
    }

    /** Each byte of {@code x} that is zero gets its high bit set, exactly. */
    private static long zeros(long x) {
        long y = (x & ~HIGHS) + ~HIGHS;
        return ~(y | x | ~HIGHS);
    }

    private static int blanks(byte[] a, int p, int end) {
        while (p < end && (a[p] == ' ' || a[p] == '\t')) {
            p++;
        }
        return p;
    }
}
