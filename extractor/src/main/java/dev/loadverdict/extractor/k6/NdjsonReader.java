package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.internal.JsonNumber;
import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.BytesCache;
import dev.loadverdict.extractor.internal.DelimitedReader;
import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.Messages;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.loadverdict.model.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads one k6 {@code --out json} file line by line from its UTF-8 bytes into a {@link RequestJoin}.
 *
 * <p>Lines are split in a reused byte buffer; a line longer than {@link ReadLimits#MAX_LINE}
 * bytes stops the reading. Each needed line is parsed by a jackson-core parser over its bytes, reading only
 * {@code metric}, {@code type} and {@code data.time/value/tags} in any key order (k6 before ~0.3x wrote
 * {@code {"type":"Point","data":…,"metric":…}}, later {@code {"metric":…,"type":"Point","data":…}}).
 *
 * <p>With {@code shortcuts} on, three things avoid work without changing the result:
 * <ul>
 *   <li>a line whose first key is {@code "metric"} with a plain name of a metric loadverdict does not read
 *       ({@code {"metric":"http_req_blocked",…}}), or a {@code {"type":"Metric",…}} declaration, and that ends
 *       in {@code }}, is skipped from its first bytes, unparsed (the full parse ignores such a line whatever it
 *       holds). Such a line is checked for that shape only: a corruption in its middle goes unnoticed, which
 *       cannot change a result that ignores it. A cut-off line does not end in {@code }} and is always parsed;</li>
 *   <li>a needed point in k6's exact layout is read straight from its bytes ({@link #fastPoint}); anything
 *       unusual in it sends it to the full parse;</li>
 *   <li>a {@code tags} object is parsed once per distinct byte string ({@link BytesCache}).</li>
 * </ul>
 * Without shortcuts every line is parsed whole; tests check that both give the same run.
 *
 * <p>Errors: a line that is not one JSON object stops the reading with its file and line, unless it is the
 * last line and the file does not end with a line break: a run stopped while k6 was writing leaves such a
 * line, which is skipped with a warning.
 */
final class NdjsonReader {

    static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    /**
     * For a point's tags parsed alone: they lie two objects deep in their line (the point, its data), so they may nest
     * two levels less than a whole line may, as the line's own parse would find.
     */
    private static final JsonFactory TAGS_JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(JSON.streamReadConstraints().getMaxNestingDepth() - 2).build())
            .build();

    private static final byte[] METRIC_PREFIX = ascii("{\"type\":\"Metric\",");
    private static final byte[] POINT_PREFIX = ascii("{\"metric\":\"");
    private static final byte[] POINT_INFIX = ascii("\",\"type\":\"Point\",\"data\":{");
    private static final byte[] TIME_KEY = ascii("\"time\":\"");
    private static final byte[] VALUE_KEY = ascii("\",\"value\":");
    private static final byte[] TAGS_KEY = ascii(",\"tags\":");
    private static final byte[] NULL = ascii("null");
    private static final char[] POINT = "Point".toCharArray();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final RequestTags NO_TAGS = RequestTags.of(Map.of());

    private final String file;
    private final boolean shortcuts;
    private final RequestJoin join;
    private final BytesCache<RequestTags> cache = new BytesCache<>();
    private final Diagnostics diagnostics;

    // the line being read
    private K6Metric metric;
    private boolean point;
    private boolean hasTime;
    private long timeNanos;
    private String timeText;
    private boolean hasValue;
    private double value;
    private int tagsFrom;
    private int tagsTo;
    private RequestTags fastTags;

    NdjsonReader(String file, boolean shortcuts, RequestJoin join) {
        this.file = file;
        this.diagnostics = new Diagnostics(file);
        this.shortcuts = shortcuts;
        this.join = join;
    }

    /** The file's warnings: a cut-off last line; the join adds its own at the end. */
    Diagnostics diagnostics() {
        return diagnostics;
    }

    void read(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        int start = 0;
        int limit = 0;
        int scan = 0;
        long line = 0;
        while (true) {
            int newline = indexOfNewline(buf, scan, limit);
            if (newline >= 0) {
                line(buf, start, newline, ++line, false);
                start = newline + 1;
                scan = start;
                continue;
            }
            if (limit - start > ReadLimits.MAX_LINE) {
                throw new InputException(file, line + 1, "line is longer than " + ReadLimits.MAX_LINE
                        + " characters; this is not a line-based result file loadverdict can read");
            }
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, limit - start);
                limit -= start;
                start = 0;
            }
            scan = limit;
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                if (limit > start) {
                    line(buf, start, limit, ++line, true);
                }
                return;
            }
            limit += n;
        }
    }

    /**
     * The index of the first {@code \n} in {@code b[from, to)}, or -1: sixteen bytes a step, then eight (a zero-byte
     * test on each word XOR {@code 0x0A0A…}; its lowest flagged byte is exact), since this scan touches every byte.
     */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 2 * Long.BYTES <= to; i += 2 * Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long y = (long) LONGS.get(b, i + Long.BYTES) ^ 0x0A0A0A0A0A0A0A0AL;
            long inX = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            long inY = (y - 0x0101010101010101L) & ~y & 0x8080808080808080L;
            if ((inX | inY) != 0) {
                return inX != 0 ? i + (Long.numberOfTrailingZeros(inX) >>> 3)
                        : i + Long.BYTES + (Long.numberOfTrailingZeros(inY) >>> 3);
            }
        }
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i) ^ 0x0A0A0A0A0A0A0A0AL;
            long found = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void line(byte[] buf, int from, int to, long line, boolean unterminated) {
        int s = from;
        int e = to;
        while (s < e && isBlank(buf[s])) {
            s++;
        }
        while (e > s && isBlank(buf[e - 1])) {
            e--;
        }
        if (s == e || (shortcuts && skippable(buf, s, e))) {
            return;
        }
        if (shortcuts && fastPoint(buf, s, e)) {
            use(buf, line);
            return;
        }
        try {
            parse(buf, s, e - s);
        } catch (JsonProcessingException ex) {
            String why = Messages.why(ex);
            if (unterminated) {
                diagnostics.warn(line, "skipped the last line: it is cut off (" + why
                        + "); the run was probably stopped while k6 was writing");
                return;
            }
            throw Messages.brokenJson(file, OptionalLong.of(line), ex);
        } catch (IOException ex) {
            // parsing bytes in memory does no I/O: this is Jackson taking the bytes for UTF-16 or UTF-32 and finding
            // them invalid there (a CharConversionException), which is a broken line like any other
            throw new InputException(file, OptionalLong.of(line), "broken JSON: not UTF-8 text: " + ex.getMessage(), ex);
        }
        use(buf, line);
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    /**
     * Whether the line can be skipped unparsed: a {@code Metric} declaration in k6's layout, or a line whose
     * first key is {@code metric} with a plain name (no escapes) of a metric loadverdict does not read. The name
     * alone decides, since the full parse ignores such a line whatever else it holds.
     */
    static boolean skippable(byte[] b, int s, int e) {
        if (b[e - 1] != '}') {
            return false;
        }
        if (startsWith(b, s, e, POINT_PREFIX)) {
            int nameStart = s + POINT_PREFIX.length;
            int nameEnd = plainStringEnd(b, nameStart, e);
            return nameEnd > nameStart && needed(b, nameStart, nameEnd - nameStart) == null;
        }
        return startsWith(b, s, e, METRIC_PREFIX);
    }

    /**
     * The index of the quote closing a JSON string that starts at {@code from}, or -1 if it has an escape or no end:
     * eight bytes a step (an exact test for a quote or a backslash in the word), then byte by byte.
     */
    static int plainStringEnd(byte[] b, int from, int e) {
        int i = from;
        for (; i + Long.BYTES <= e; i += Long.BYTES) {
            long x = (long) LONGS.get(b, i);
            long found = DelimitedReader.zeros(x ^ 0x2222222222222222L) // a quote
                    | DelimitedReader.zeros(x ^ 0x5C5C5C5C5C5C5C5CL); // a backslash
            if (found != 0) {
                int at = i + (Long.numberOfTrailingZeros(found) >>> 3);
                return b[at] == '"' ? at : -1;
            }
        }
        for (; i < e; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /** The metric loadverdict reads from points whose name is the bytes {@code b[off, off + len)}, or null. */
    private static K6Metric needed(byte[] b, int off, int len) {
        K6Metric m = switch (len) {
            case 17 -> K6Metric.HTTP_REQ_DURATION;
            case 15 -> K6Metric.HTTP_REQ_FAILED;
            case 3 -> K6Metric.VUS;
            default -> null;
        };
        return m != null && K6Metric.of(b, off, len) == m ? m : null;
    }

    /**
     * Reads a needed point written in k6's exact layout,
     * {@code {"metric":"NAME","type":"Point","data":{"time":"T","value":V,"tags":{…}|null}}}, from its bytes, and
     * says whether it did. Every byte outside the tags is checked against that layout (time and number parsed
     * strictly); the tags are checked by the parser the first time their bytes are seen and by byte equality
     * after that ({@link BytesCache}). Anything else (another key order, {@code metadata}, an escape) is left to
     * the full parse, so the result is the same either way.
     */
    private boolean fastPoint(byte[] b, int s, int e) {
        if (!startsWith(b, s, e, POINT_PREFIX)) {
            return false;
        }
        int p = s + POINT_PREFIX.length;
        int nameEnd = plainStringEnd(b, p, e);
        K6Metric m = nameEnd < 0 ? null : needed(b, p, nameEnd - p);
        if (m == null || !startsWith(b, nameEnd, e, POINT_INFIX) || !startsWith(b, nameEnd + POINT_INFIX.length, e, TIME_KEY)) {
            return false;
        }
        p = nameEnd + POINT_INFIX.length + TIME_KEY.length;
        int timeEnd = plainStringEnd(b, p, e);
        long time = timeEnd < 0 ? Timestamps.INVALID : Timestamps.rfc3339(b, p, timeEnd - p);
        if (time == Timestamps.INVALID || !startsWith(b, timeEnd, e, VALUE_KEY)) {
            return false;
        }
        p = timeEnd + VALUE_KEY.length;
        int numberEnd = p;
        while (numberEnd < e && b[numberEnd] != ',') {
            numberEnd++;
        }
        double v = JsonNumber.parse(b, p, numberEnd);
        if (Double.isNaN(v) || !startsWith(b, numberEnd, e, TAGS_KEY)) {
            return false;
        }
        p = numberEnd + TAGS_KEY.length;
        // the tags are all up to the closing "}}" of data and the line: null, or bytes that the parser found to be
        // exactly one JSON object (cachedTags: the first time, and by byte equality after that). Parsed alone, bytes
        // are read as the encoding their first ones suggest (a byte order mark, or NULs for UTF-16 or UTF-32), where
        // the whole line is UTF-8: tags that begin "{" and a byte other than NUL are UTF-8 either way.
        int to = e - 2;
        if (to <= p || b[to] != '}' || b[to + 1] != '}') {
            return false;
        }
        RequestTags tags;
        if (to - p == NULL.length && startsWith(b, p, e, NULL)) {
            tags = NO_TAGS;
        } else if (b[p] != '{' || b[p + 1] == 0) {
            return false;
        } else {
            tags = cachedTags(b, p, to);
        }
        if (tags == null) {
            return false;
        }
        metric = m;
        point = true;
        hasTime = true;
        timeNanos = time;
        timeText = null;
        hasValue = true;
        value = v;
        fastTags = tags;
        return true;
    }

    private static boolean startsWith(byte[] b, int s, int e, byte[] prefix) {
        return e - s >= prefix.length && Arrays.equals(b, s, s + prefix.length, prefix, 0, prefix.length);
    }

    private void parse(byte[] buf, int off, int len) throws IOException {
        metric = null;
        point = false;
        hasTime = false;
        timeText = null;
        hasValue = false;
        tagsFrom = -1;
        fastTags = null;
        try (JsonParser p = JSON.createParser(buf, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "the line is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "metric" -> metric = v == JsonToken.VALUE_STRING
                            ? K6Metric.of(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()) : null;
                    case "type" -> point = v == JsonToken.VALUE_STRING && isPoint(p);
                    case "data" -> {
                        if (v == JsonToken.START_OBJECT) {
                            data(p, off);
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "more than one JSON value on the line");
            }
        }
    }

    private static boolean isPoint(JsonParser p) throws IOException {
        return p.getTextLength() == POINT.length
                && Arrays.equals(p.getTextCharacters(), p.getTextOffset(), p.getTextOffset() + POINT.length, POINT, 0, POINT.length);
    }

    private void data(JsonParser p, int off) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            switch (field) {
                case "time" -> {
                    hasTime = true;
                    timeNanos = v == JsonToken.VALUE_STRING
                            ? Timestamps.rfc3339(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())
                            : Timestamps.INVALID;
                    if (timeNanos == Timestamps.INVALID) {
                        timeText = v.isScalarValue() ? p.getText() : v.asString();
                    }
                    p.skipChildren();
                }
                case "value" -> {
                    if (v.isNumeric()) {
                        value = p.getDoubleValue();
                        hasValue = true;
                    } else {
                        p.skipChildren();
                    }
                }
                case "tags" -> {
                    if (v == JsonToken.START_OBJECT) {
                        tagsFrom = off + (int) p.currentTokenLocation().getByteOffset();
                        p.skipChildren();
                        tagsTo = off + (int) p.currentLocation().getByteOffset();
                    } else {
                        p.skipChildren(); // null in old k6: no tags
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private void use(byte[] buf, long line) {
        if (!point || metric == null || !metric.readFromPoints()) {
            return;
        }
        if (!hasValue || !Double.isFinite(value)) {
            throw new InputException(file, line, metric.id() + " sample without a numeric 'value'");
        }
        if (metric == K6Metric.VUS) {
            join.vus(value);
            return;
        }
        if (!hasTime || timeText != null) {
            throw new InputException(file, line, metric.id() + " sample whose 'time' is not an RFC 3339 timestamp: "
                    + (hasTime ? "\"" + Messages.shorten(timeText) + "\"" : "none"));
        }
        RequestTags tags = tags(buf);
        if (tags == null) {
            throw new InputException(file, line, metric.id() + " sample whose 'tags' is not a JSON object");
        }
        if (metric == K6Metric.HTTP_REQ_DURATION) {
            if (!(value >= 0 && value <= RawResults.MAX_DURATION_MS)) {
                throw new InputException(file, line, RawResults.durationOutOfRange(value));
            }
            join.duration(timeNanos, tags, Math.round(value * 1000.0));
        } else {
            join.failed(timeNanos, tags, value != 0);
        }
    }

    private RequestTags tags(byte[] buf) {
        if (fastTags != null) {
            return fastTags;
        }
        if (tagsFrom < 0) {
            return NO_TAGS;
        }
        if (!shortcuts) {
            return parseTags(buf, tagsFrom, tagsTo);
        }
        return cachedTags(buf, tagsFrom, tagsTo);
    }

    /** The tags in {@code buf[from, to)}, parsed once per distinct bytes; null when they are not one flat JSON object. */
    private RequestTags cachedTags(byte[] buf, int from, int to) {
        int hash = BytesCache.hash(buf, from, to);
        RequestTags tags = cache.get(buf, from, to, hash);
        if (tags == null) {
            tags = parseTags(buf, from, to);
            if (tags != null) {
                cache.put(buf, from, to, hash, tags);
            }
        }
        return tags;
    }

    /** The tags object that is exactly {@code buf[from, to)}, or null when those bytes are not one JSON object. */
    private static RequestTags parseTags(byte[] buf, int from, int to) {
        Map<String, String> tags = new HashMap<>();
        try (JsonParser p = TAGS_JSON.createParser(buf, from, to - from)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken v = p.nextToken();
                if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                    tags.put(key, p.getText());
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return RequestTags.of(tags);
    }


    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
