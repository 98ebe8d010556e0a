package dev.loadverdict.extractor.generic;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The fields of one raw sample in loadverdict's generic format: the CSV header names and the NDJSON / JSON keys,
 * each with the aliases loadverdict accepts (matched without regard to case and surrounding blanks). The first
 * name of each is the documented one; the aliases spare a custom harness a rename. No JMeter, k6 or
 * Locust file names both an {@link #ENDPOINT} and a {@link #LATENCY_MS} field (under any alias), which is
 * what detection relies on.
 */
enum SampleField {
    /** When the request started: epoch milliseconds (a fraction allowed) or ISO-8601 with an offset. */
    TIMESTAMP(true, "timestamp", "start_time", "started_at"),
    /** The request's name: a label, or a URL/path (templated like any tool's URL). */
    ENDPOINT(true, "endpoint", "request_name"),
    /** The response time in milliseconds, a fraction allowed (kept to the microsecond). */
    LATENCY_MS(true, "latency_ms", "response_time_ms", "duration_ms"),
    /** Whether the request succeeded: {@code true}/{@code false} or {@code 1}/{@code 0}. */
    OK(true, "ok"),
    /** The request method or type ({@code GET}, {@code grpc}); optional. */
    METHOD(false, "method", "request_type"),
    /** The service the request belongs to; optional (mapping rules may set it instead). */
    SERVICE(false, "service"),
    /** Why a failed request failed (an error message or exception); optional, the failure kind. */
    ERROR(false, "error", "failure"),
    /** The response status (HTTP code or other); optional, the failure kind when {@code error} is empty. */
    STATUS(false, "status", "status_code"),
    /** The full request URL, for mapping rules that match on URLs; optional. */
    URL(false, "url"),
    /** A group or scenario the request ran in, for mapping rules; optional. */
    GROUP(false, "group"),
    /** The users (VUs, threads) active when the request started, a whole number; optional; the run's users: the most. */
    USERS(false, "users", "active_users", "vus");

    /** CSV columns named {@code tag.NAME} are the tag {@code NAME}; NDJSON holds tags in a {@code tags} object. */
    static final String TAG_PREFIX = "tag.";
    /** The NDJSON / JSON key of a sample's tags object. */
    static final String TAGS_KEY = "tags";

    private static final Map<String, SampleField> BY_NAME = Stream.of(values())
            .flatMap(f -> f.names.stream().map(n -> Map.entry(n, f)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    static final List<SampleField> REQUIRED = Stream.of(values()).filter(f -> f.required).toList();

    private final boolean required;
    private final List<String> names;

    SampleField(boolean required, String... names) {
        this.required = required;
        this.names = List.of(names);
    }

    /** The documented name. */
    String key() {
        return names.get(0);
    }

    boolean required() {
        return required;
    }

    /** The field a header cell or JSON key names, or null. */
    static SampleField of(String name) {
        return BY_NAME.get(normalise(name));
    }

    /** The documented names and aliases (at most 16 ASCII bytes) as two little-endian words, in a table by their hash. */
    private static final long[] NAME_WORDS = new long[2 * 64];
    private static final int[] NAME_LENGTHS = new int[64];
    private static final SampleField[] NAME_FIELDS = new SampleField[64];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (Map.Entry<String, SampleField> e : BY_NAME.entrySet()) {
            byte[] name = Arrays.copyOf(e.getKey().getBytes(StandardCharsets.US_ASCII), 16);
            int length = e.getKey().length();
            long w0 = (long) LONGS.get(name, 0);
            long w1 = (long) LONGS.get(name, 8);
            int slot = slot(w0, length);
            while (NAME_FIELDS[slot] != null) {
                slot = (slot + 1) & 63;
            }
            NAME_WORDS[2 * slot] = w0;
            NAME_WORDS[2 * slot + 1] = w1;
            NAME_LENGTHS[slot] = length;
            NAME_FIELDS[slot] = e.getValue();
        }
    }

    private static int slot(long w0, int length) {
        return (int) (((w0 ^ length) * 0x9E3779B97F4A7C15L) >>> 58);
    }

    /** The field a name spelled exactly as one of the names (lower case, no blanks) names, or null. */
    static SampleField of(byte[] a, int start, int end) {
        int length = end - start;
        if (length == 0 || length > 16) {
            return null;
        }
        long w0;
        long w1;
        if (start + 16 <= a.length) {
            w0 = (long) LONGS.get(a, start) & mask(length);
            w1 = length > 8 ? (long) LONGS.get(a, start + 8) & mask(length - 8) : 0;
        } else {
            byte[] name = Arrays.copyOfRange(a, start, start + 16);
            Arrays.fill(name, length, 16, (byte) 0);
            w0 = (long) LONGS.get(name, 0);
            w1 = (long) LONGS.get(name, 8);
        }
        for (int slot = slot(w0, length); NAME_FIELDS[slot] != null; slot = (slot + 1) & 63) {
            if (NAME_LENGTHS[slot] == length && NAME_WORDS[2 * slot] == w0 && NAME_WORDS[2 * slot + 1] == w1) {
                return NAME_FIELDS[slot];
            }
        }
        return null;
    }

    /** The low {@code bytes} bytes of a word (all eight from 8 on). */
    private static long mask(int bytes) {
        return bytes >= 8 ? -1L : (1L << (8 * bytes)) - 1;
    }

    /**
     * Whether a name plainly names no field: it is no name or alias and has only lower-case ASCII letters, digits,
     * {@code _}, {@code .} and {@code -}, which {@link #normalise} leaves as they are.
     */
    static boolean plainlyNone(byte[] a, int start, int end) {
        for (int i = start; i < end; i++) {
            byte c = a[i];
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-')) {
                return false;
            }
        }
        return of(a, start, end) == null;
    }

    static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The required fields missing from a set of fields, by their documented names. */
    static List<String> missing(Function<SampleField, Boolean> present) {
        return REQUIRED.stream().filter(f -> !present.apply(f)).map(SampleField::key).toList();
    }
}
