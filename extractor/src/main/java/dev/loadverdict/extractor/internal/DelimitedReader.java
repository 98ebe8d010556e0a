package dev.loadverdict.extractor.internal;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.model.InputException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads delimited records (RFC 4180 as JMeter writes it) from UTF-8 bytes without decoding or allocating
 * per record: a field is a byte range, decoded only when asked (undecodable bytes become U+FFFD, as in
 * {@link dev.loadverdict.extractor.InputFiles#openText}). Delimiters, quotes and line breaks are ASCII, so
 * they are never part of a multi-byte character. Fields may be quoted with {@code "}, with {@code ""} for
 * a quote and delimiters or line breaks inside. Records end at {@code \n}, {@code \r\n} or {@code \r}. A
 * field that does not start with a quote is taken literally up to the next delimiter or line end.
 *
 * <p>Without quoting ({@link #literal}), as in Gatling's tab-separated {@code simulation.log}, a quote is an
 * ordinary byte and every record ends at its first line break.
 *
 * <p>Why not Apache Commons CSV: it reads JMeter's default columns at about 60 MB/s, where raw result files
 * must be read at hundreds of MB/s. A record longer than {@value ReadLimits#MAX_LINE} bytes fails the file cleanly
 * (binary or otherwise foreign data), so memory stays bounded.
 */
public final class DelimitedReader implements AutoCloseable {

    private static final int INITIAL_BUFFER = 1 << 16;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final long QUOTES = ONES * '"';
    private static final long NEWLINES = ONES * '\n';
    private static final long RETURNS = ONES * '\r';
    private static final long ZERO_DIGITS = ONES * '0';
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000};

    private final InputStream in;
    private final String file;
    private final byte delimiter;
    private final long delimiters;
    private final boolean quoting;
    /** Whether {@link #controls} can tell words without line ends: not when the delimiter is itself below 0x0E (tab). */
    private final boolean controlGate;
    private final String kind;
    private byte[] buffer;
    private int position;
    private int limit;
    private boolean eof;
    private long nextLine = 1;

    private int count;
    /**
     * Whether the current record was parsed by {@link #parseUnquoted}: its fields lie in {@code buffer} between the
     * delimiters at {@code marks}, field {@code i} from {@code marks[i] + 1} to {@code marks[i + 1]} ({@code marks[0]}
     * is the byte before the record). One store per field, where {@code starts} and {@code ends} take two.
     */
    private boolean plain;
    private int[] marks = new int[64];
    /** Otherwise, field start offsets; a field unquoted into {@code scratch} has its offset stored as {@code ~offset}. */
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private byte[] scratch = new byte[256];
    private int scratchUsed;
    private long line;
    private boolean terminated;

    /**
     * A reader of RFC 4180 records.
     *
     * @param kind what the file should be, for the error on a record that is too long ("JMeter CSV file")
     */
    public DelimitedReader(InputStream in, String file, char delimiter, String kind) {
        this(in, file, delimiter, true, kind, INITIAL_BUFFER);
    }

    /** A reader of records whose fields are never quoted: a quote is an ordinary byte. */
    public static DelimitedReader literal(InputStream in, String file, char delimiter, String kind) {
        return new DelimitedReader(in, file, delimiter, false, kind, INITIAL_BUFFER);
    }

    /** With a given initial buffer size: tests use tiny ones to exercise records across refills. */
    public DelimitedReader(InputStream in, String file, char delimiter, boolean quoting, String kind, int bufferSize) {
        if (delimiter >= 0x80 || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("unusable delimiter: " + delimiter);
        }
        this.in = in;
        this.file = file;
        this.delimiter = (byte) delimiter;
        this.delimiters = ONES * delimiter;
        this.quoting = quoting;
        this.controlGate = delimiter > '\r';
        this.kind = kind;
        this.buffer = new byte[bufferSize];
    }

    /** A reader over text already in memory (a file's head). */
    public static DelimitedReader of(String text, char delimiter) {
        return new DelimitedReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "head", delimiter,
                "delimited file");
    }

    /** Moves to the next record; false at the end of the input. */
    public boolean next() {
        unclosedQuote = false;
        while (true) {
            int parsed = parse();
            if (parsed > 0) {
                return true;
            }
            if (parsed < 0) {
                return false;
            }
            fill();
        }
    }

    /** The line the current record starts on (1-based). */
    public long line() {
        return line;
    }

    /** The line the current record ends on: after {@link #line} when a quoted field holds line breaks. */
    public long lastLine() {
        return terminated ? nextLine - 1 : nextLine;
    }

    /** Whether the current record ended with a line break (false: the input ended inside it). */
    public boolean terminated() {
        return terminated;
    }

    /** The number of fields of the current record. */
    public int size() {
        return count;
    }

    /** Whether the record is an empty line. */
    public boolean isBlank() {
        // a quoted empty field ("") is a record, as in Commons CSV
        return count == 1 && (plain ? marks[1] == marks[0] + 1 : starts[0] == ends[0]);
    }

    /**
     * Whether the input ended inside a quoted field of the current record: its quote is never closed, so the record
     * holds the rest of the input, whatever records that was meant to be.
     */
    public boolean unclosedQuote() {
        return unclosedQuote;
    }

    public String text(int field) {
        int s = start(field);
        return new String(array(field), s, end(field) - s, StandardCharsets.UTF_8);
    }

    /** The array holding the field's bytes, from {@link #start} to {@link #end}. */
    public byte[] array(int field) {
        return plain || starts[field] >= 0 ? buffer : scratch;
    }

    public int start(int field) {
        if (plain) {
            return marks[field] + 1;
        }
        int s = starts[field];
        return s < 0 ? ~s : s;
    }

    public int end(int field) {
        return plain ? marks[field + 1] : ends[field];
    }

    public boolean isEmpty(int field) {
        return start(field) == end(field);
    }

    /** Whether the field is exactly the ASCII text {@code ascii}. */
    public boolean is(int field, String ascii) {
        int s = start(field);
        return end(field) - s == ascii.length() && startsWith(field, ascii);
    }

    /** Whether the field starts with the ASCII text {@code prefix}. */
    public boolean startsWith(int field, String prefix) {
        int length = prefix.length();
        int s = start(field);
        if (end(field) - s < length) {
            return false;
        }
        byte[] a = array(field);
        for (int i = 0; i < length; i++) {
            if (a[s + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The field as a whole number, optionally signed.
     *
     * @throws NumberFormatException when it is not one
     */
    public long wholeNumber(int field) {
        byte[] a = array(field);
        int s = start(field);
        int e = end(field);
        boolean negative = s < e && a[s] == '-';
        if (negative) {
            s++;
        }
        int length = e - s;
        if (length == 0 || length > 18) {
            throw new NumberFormatException();
        }
        long value = 0;
        while (length > 8) { // eight digits at once (epoch-ms timestamps have 13)
            value = value * 100_000_000L + eightDigits((long) LONGS.get(a, s));
            s += 8;
            length -= 8;
        }
        if (s + 8 <= a.length) {
            // the last 1-8 digits as one word: the bytes after them shifted out, '0's shifted in before them
            int pad = (8 - length) << 3;
            long word = ((long) LONGS.get(a, s) << pad) | (ZERO_DIGITS & ((1L << pad) - 1));
            value = value * POWERS_OF_TEN[length] + eightDigits(word);
        } else {
            for (int i = s; i < e; i++) {
                int digit = a[i] - '0';
                if (digit < 0 || digit > 9) {
                    throw new NumberFormatException();
                }
                value = value * 10 + digit;
            }
        }
        return negative ? -value : value;
    }

    /** Whether the field is 1 to 18 ASCII digits, a number {@link #wholeNumber} reads without a sign or overflow. */
    public boolean isDigits(int field) {
        int from = start(field);
        int to = end(field);
        if (to == from || to - from > 18) {
            return false;
        }
        byte[] a = array(field);
        for (int i = from; i < to; i++) {
            if (a[i] < '0' || a[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Eight ASCII digits, the first in the lowest byte, as a number (D. Lemire's SWAR method).
     *
     * @throws NumberFormatException when a byte is no digit
     */
    public static long eightDigits(long chars) {
        long digits = chars - ZERO_DIGITS;
        if (((digits | (digits + 0x7676767676767676L)) & 0x8080808080808080L) != 0) {
            throw new NumberFormatException();
        }
        digits = digits * 10 + (digits >>> 8);
        return (((digits & 0x000000FF000000FFL) * (100 + (1000000L << 32)))
                + (((digits >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32)))) >>> 32;
    }

    /** {@code true} or {@code false} (any case); anything else is null. */
    public Boolean bool(int field) {
        int length = end(field) - start(field);
        if (length == 4 && equalsIgnoreCase(field, "true")) {
            return Boolean.TRUE;
        }
        if (length == 5 && equalsIgnoreCase(field, "false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    private boolean equalsIgnoreCase(int field, String lowerCase) {
        byte[] a = array(field);
        int s = start(field);
        for (int i = 0; i < lowerCase.length(); i++) {
            if ((a[s + i] | 0x20) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses one record from the buffer: 1 when one was parsed, 0 when more input is needed first, -1 at
     * the end of the input. A record is parsed from its start again after more input was read.
     */
    private int parse() {
        int fast = parseUnquoted();
        return fast != SLOW ? fast : parseAny();
    }

    private static final int SLOW = -2;

    /**
     * The common case, eight bytes at a time: a record without quotes whose line end is in the buffer.
     * Returns 1 when it parsed one, {@link #SLOW} to leave the record to {@link #parseAny}.
     *
     * <p>Most words hold neither a line end nor a quote: one cheap test ({@link #controls}, exact as to whether a word
     * holds a byte below {@code \r}) lets them through, and only the others are searched for {@code \n}, {@code \r}
     * and {@code "} byte by byte.
     */
    private int parseUnquoted() {
        final byte[] buf = buffer;
        final int lim = limit;
        final long delims = delimiters;
        final boolean gated = controlGate;
        int[] m = marks;
        int p = position;
        m[0] = p - 1;
        int n = 0;
        while (p + 8 <= lim) {
            long word = (long) LONGS.get(buf, p);
            long fields = zeros(word ^ delims);
            if (n + 10 > m.length) {
                m = marks = Arrays.copyOf(m, m.length * 2);
            }
            if (!gated || (controls(word) | (quoting ? zeros(word ^ QUOTES) : 0)) != 0) {
                long ends = zeros(word ^ NEWLINES) | zeros(word ^ RETURNS);
                long quotes = quoting ? zeros(word ^ QUOTES) : 0;
                if (ends != 0) {
                    int endBit = Long.numberOfTrailingZeros(ends);
                    long before = (1L << endBit) - 1;
                    if ((quotes & before) != 0) {
                        return SLOW;
                    }
                    for (long d = fields & before; d != 0; d &= d - 1) {
                        m[++n] = p + (Long.numberOfTrailingZeros(d) >>> 3);
                    }
                    int at = p + (endBit >>> 3);
                    int next = at + 1;
                    if (buf[at] == '\r') {
                        if (next >= lim) {
                            return SLOW;
                        }
                        if (buf[next] == '\n') {
                            next++;
                        }
                    }
                    m[++n] = at;
                    count = n;
                    plain = true;
                    line = nextLine++;
                    terminated = true;
                    position = next;
                    return 1;
                }
                if (quotes != 0) {
                    return SLOW;
                }
            }
            for (long d = fields; d != 0; d &= d - 1) {
                m[++n] = p + (Long.numberOfTrailingZeros(d) >>> 3);
            }
            p += 8;
        }
        return SLOW;
    }

    /**
     * Nonzero when a byte of {@code x} is below {@code \r} + 1 (0x0E): exact as to whether there is one, though the
     * bits above the lowest such byte may be wrong (a borrow), so the caller looks at such words byte by byte.
     */
    private static long controls(long x) {
        return (x - ONES * 0x0E) & ~x & ~LOWS;
    }

    /**
     * Each byte of {@code x} that is zero gets its high bit set, exactly (no false positives, unlike the shorter borrow
     * test); k6's NDJSON reader uses it too.
     */
    public static long zeros(long x) {
        long y = (x & LOWS) + LOWS;
        return ~(y | x | LOWS);
    }

    /** Any record, byte by byte: quoted fields, the end of the input, a line end past the buffer. */
    private int parseAny() {
        final byte[] buf = buffer;
        final int lim = limit;
        final byte delim = delimiter;
        int p = position;
        if (p >= lim) {
            return eof ? -1 : 0;
        }
        int n = 0;
        int newlines = 0;
        scratchUsed = 0;
        while (true) {
            if (p >= lim) {
                if (!eof) {
                    return 0;
                }
                n = field(n, p, p); // the input ends right after a delimiter
                terminated = false;
                break;
            }
            byte c = buf[p];
            if (c != '"' || !quoting) {
                int from = p;
                while (c != delim && c != '\n' && c != '\r') {
                    if (++p == lim) {
                        break;
                    }
                    c = buf[p];
                }
                if (p == lim) {
                    if (!eof) {
                        return 0;
                    }
                    n = field(n, from, p);
                    terminated = false;
                    break;
                }
                n = field(n, from, p);
                if (c == delim) {
                    p++;
                    continue;
                }
            } else {
                int from = scratchUsed;
                int afterQuote = quoted(p + 1);
                if (afterQuote < 0) {
                    return 0;
                }
                newlines += quotedNewlines;
                p = afterQuote;
                n = field(n, ~from, scratchUsed);
                if (p >= lim) {
                    if (!eof) {
                        return 0;
                    }
                    terminated = false;
                    break;
                }
                c = buf[p];
                if (c == delim) {
                    p++;
                    continue;
                }
                if (c != '\n' && c != '\r') {
                    throw new InputException(file, nextLine + newlines, "a quoted field is followed by '"
                            + (char) (c & 0xff) + "' instead of the delimiter or a line end");
                }
            }
            // c is a line break at p
            if (c == '\r') {
                if (p + 1 >= lim && !eof) {
                    return 0;
                }
                p++;
                if (p < lim && buf[p] == '\n') {
                    p++;
                }
            } else {
                p++;
            }
            newlines++;
            terminated = true;
            break;
        }
        count = n;
        plain = false;
        line = nextLine;
        nextLine += newlines;
        position = p;
        return 1;
    }

    private int quotedNewlines;
    private boolean unclosedQuote;

    /**
     * Copies a quoted field's content (from just after its opening quote) into {@code scratch}: the position
     * after the closing quote (or the end of the input when it has none), or -1 when more input is needed.
     */
    private int quoted(int from) {
        byte[] buf = buffer;
        int lim = limit;
        int p = from;
        int newlines = 0;
        while (p < lim) {
            byte q = buf[p];
            if (q == '"') {
                if (p + 1 >= lim && !eof) {
                    return -1;
                }
                if (p + 1 < lim && buf[p + 1] == '"') {
                    append((byte) '"');
                    p += 2;
                    continue;
                }
                quotedNewlines = newlines;
                return p + 1;
            }
            if (q == '\n') {
                newlines++;
            }
            append(q);
            p++;
        }
        if (!eof) {
            return -1;
        }
        quotedNewlines = newlines;
        unclosedQuote = true;
        return p; // unterminated at the end of the input: the caller sees an unterminated record
    }

    private int field(int n, int start, int end) {
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
        }
        starts[n] = start;
        ends[n] = end;
        return n + 1;
    }

    private void append(byte c) {
        if (scratchUsed == scratch.length) {
            scratch = Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[scratchUsed++] = c;
    }

    /** Keeps the unparsed rest of the buffer, growing it when one record fills it, and reads more. */
    private void fill() {
        int rest = limit - position;
        if (position == 0 && limit == buffer.length) {
            if (buffer.length >= ReadLimits.MAX_LINE) {
                throw tooLong();
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, rest);
            position = 0;
            limit = rest;
        }
        try {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                eof = true;
            } else {
                limit += read;
            }
        } catch (IOException e) {
            throw new InputException(file, java.util.OptionalLong.of(nextLine), "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The error for a record whose quote is never closed ({@link #unclosedQuote}), naming the line it starts on. */
    public static InputException unclosed(String file, DelimitedReader row) {
        return new InputException(file, row.line(), "broken CSV: a quoted field of the record on this line is never"
                + " closed (the file ends inside it" + (row.lastLine() > row.line() ? ", " + (row.lastLine()
                - row.line()) + " line(s) later" : "") + ")");
    }

    /** The error for a record that fills the largest buffer; one whose quoted fields span lines is an unclosed quote. */
    private InputException tooLong() {
        int lineBreaks = 0;
        for (int p = position; p < limit; p++) {
            if (buffer[p] == '\n') {
                lineBreaks++;
            }
        }
        if (quoting && lineBreaks > 0) {
            return new InputException(file, nextLine, "a record (its quoted fields span lines " + nextLine + "–"
                    + (nextLine + lineBreaks) + ") is longer than " + ReadLimits.MAX_LINE
                    + " bytes; a quote is probably never closed");
        }
        return new InputException(file, nextLine, "a record is longer than " + ReadLimits.MAX_LINE
                + " bytes; this is not a " + kind + " loadverdict can read");
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
