package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.internal.JsonNumber;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;
import dev.loadverdict.testsupport.RandomText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The NDJSON reader's shortcuts (skipping lines by their first bytes, reading k6-layout points from raw bytes,
 * caching tags) must give exactly what parsing every line whole gives, on any input: the same run, the same
 * warnings, or the same error at the same line.
 */
class ShortcutsTest {

    @Test
    void jsonNumbersAreStrictAndExact() {
        assertThat(number("26.063152")).isEqualTo(26.063152);
        assertThat(number("1")).isEqualTo(1.0);
        assertThat(number("0")).isEqualTo(0.0);
        assertThat(number("-0")).isEqualTo(0.0);
        assertThat(number("-0.0")).isEqualTo(-0.0);
        assertThat(number("1.5e3")).isEqualTo(1500.0);
        assertThat(number("2E-3")).isEqualTo(0.002);
        assertThat(number("123456789012345678901234567890")).isEqualTo(1.2345678901234568E29);
        assertThat(number("0.1000000000000000055511151231257827")).isEqualTo(0.1);
        for (String bad : List.of("", "-", "01", "1.", ".5", "+1", "1e", "1e+", "NaN", "Infinity", "0x10", "1 ", "1,")) {
            assertThat(number(bad)).as(bad).isNaN();
        }
    }

    private static double number(String s) {
        byte[] b = ("[" + s + "]").getBytes(StandardCharsets.US_ASCII);
        return JsonNumber.parse(b, 1, b.length - 1);
    }

    static LongStream numberSeeds() {
        return RandomText.seeds(6061, 3000);
    }

    /**
     * A double in [0, 1e7] (any, or with 2 decimals, or an end of the range), written with 0 to 9 decimals,
     * from {@code new Random(seed)}.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("numberSeeds")
    void jsonNumbersEqualJavasCorrectlyRoundedParse(long seed) {
        Random random = new Random(seed);
        double v = switch (random.nextInt(20)) {
            case 0 -> 0;
            case 1 -> 1e7;
            case 2 -> Double.MIN_VALUE;
            case 3, 4, 5, 6, 7, 8, 9 -> Math.round(random.nextDouble() * 1e9) / 100.0;
            default -> random.nextDouble() * 1e7;
        };
        int decimals = random.nextInt(10);
        String text = new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
        assertThat(number(text)).as("seed %d: %s", seed, text).isEqualTo(Double.parseDouble(text));
    }

    private static String outcome(String content, boolean shortcuts) throws IOException {
        Path file = Files.createTempFile("k6-shortcuts", ".json");
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Throwable t = catchThrowable(() -> K6NdjsonFormatTest.read(file, shortcuts));
            if (t instanceof InputException e) {
                return "error at " + e.line() + ": " + e.detail();
            }
            if (t != null) {
                throw new AssertionError(t);
            }
            ToolResult r = K6NdjsonFormatTest.read(file, shortcuts);
            return K6NdjsonFormatTest.runJson(r).replace(file.toString(), "FILE")
                    + r.warnings().toString().replace(file.toString(), "FILE");
        } finally {
            Files.delete(file);
        }
    }

    private static void assertSame(String content) throws IOException {
        assertThat(outcome(content, true)).isEqualTo(outcome(content, false));
    }

    /**
     * As {@link #assertSame}, allowing the one documented difference: a damaged line that the shortcuts skip
     * by its first bytes (a metric loadverdict does not read) is not noticed: neither as an error nor, when it
     * is the last line and cut off, as a warning. Such lines are blanked for the full parse until it no longer
     * fails or warns on one.
     */
    private static void assertSameButSkippedDamage(String content) throws IOException {
        String[] lines = content.split("\n", -1);
        java.util.regex.Pattern damage = java.util.regex.Pattern.compile(
                "^error at OptionalLong\\[(\\d+)]|FILE:(\\d+): skipped the last line: it is cut off");
        while (true) {
            String full = outcome(String.join("\n", lines), false);
            java.util.regex.Matcher m = damage.matcher(full);
            if (!m.find()) {
                break;
            }
            int index = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)) - 1;
            byte[] line = lines[index].strip().getBytes(StandardCharsets.UTF_8);
            if (line.length == 0 || !NdjsonReader.skippable(line, 0, line.length)) {
                break;
            }
            lines[index] = "";
        }
        assertThat(outcome(content, true)).isEqualTo(outcome(String.join("\n", lines), false));
    }

    static final String TAGS = "{\"expected_response\":\"true\",\"group\":\"\",\"method\":\"GET\",\"name\":\"/a\",\"status\":\"200\"}";

    @ParameterizedTest
    @ValueSource(strings = {
        // k6's layout
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":12.5,\"tags\":" + TAGS + "}}",
        // metadata, other key orders, nulls, escapes, nesting, odd numbers
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":12.5,\"tags\":" + TAGS + ",\"metadata\":{\"trace_id\":\"abc\"}}}",
        "{\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":12.5,\"tags\":" + TAGS + "},\"metric\":\"http_req_duration\"}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":12.5,\"tags\":null}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1.25e1,\"tags\":{\"name\":\"/a\\\"b}\",\"x\":{\"y\":[1,{}]}}}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":-0,\"tags\":{\"name\":\"caf\\u00e9\"}}}",
        "{\"metric\":\"http_req_dur\\u0061tion\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":3,\"tags\":{}}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Metric\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":3,\"tags\":{}}}",
        "{\"metric\":\"vus\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":4,\"tags\":{}}}",
        // malformed in every part of the layout
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":012,\"tags\":{}}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":{\"a\":}}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":{\"a\":\"b\"}}}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":{\"a\" \"b\"}}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08 21:03:10.5+02:00\",\"value\":1,\"tags\":{}}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":\"1\",\"tags\":{}}}",
        "{\"metric\":\"http_req_failed\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":{\"a\":\"\\x\"}}}",
        // the tags end where the line's "}}" begins, or do not: blanks, a second value, an object left open
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":" + TAGS + " }}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":null }}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":nul}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":{}{}}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":{\"a\":\"}}\"}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":{\"a\":{\"b\":1}}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":{}]]",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":{}}]",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":1,\"tags\":null]}",
        // tags that, read alone, would look like another encoding than the line's UTF-8: a byte order mark, NULs
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":12.5,\"tags\":\uFEFF{\"name\":\"/a\"}}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":12.5,\"tags\":{\u0000}\u0000}}",
        "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":12.5,\"tags\":{\u0000\u0000\u0000}\u0000\u0000\u0000}}",
        // an escape in a metric name or a time (where the quote or backslash lies in a word: wordScansFind...)
        "{\"metric\":\"http_req_duratio\\n\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":3,\"tags\":{}}}",
        "{\"metric\":\"h\\\"\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":3,\"tags\":{}}}",
        "{\"metric\":\"http_req_failed\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:0\\u0030\",\"value\":1,\"tags\":{}}}",
        "{\"metric\":\"vus\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\",\"value\":4,\"tags\":{}}}",
    })
    void sameResultForEveryVariant(String line) throws IOException {
        sameResult(line);
    }

    /** Tags nested as deep as a line may nest, and one level deeper: the line's parse decides. */
    @ParameterizedTest
    @ValueSource(ints = {996, 997, 998, 999})
    void sameResultForDeeplyNestedTags(int depth) throws IOException {
        sameResult("{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:10.5+02:00\","
                + "\"value\":12.5,\"tags\":{\"name\":\"/a\",\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}}}");
    }

    private static void sameResult(String line) throws IOException {
        String before = K6NdjsonFormatTest.request("2023-09-08T21:03:09.5+02:00", "/a", 200, 1.5, false);
        assertSame(before + line + "\n" + before.replace("09.5", "11.5"));
        assertSame(before + line); // as a last line without a line break
    }

    /** The eight-bytes-a-step scans agree with byte-by-byte ones, wherever the byte sought lies. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("numberSeeds")
    void wordScansFindWhatAByteScanFinds(long seed) {
        Random random = new Random(seed);
        byte[] b = new byte[random.nextInt(80)];
        String alphabet = "ab\"\\\n{}:,\u0000\u007f";
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextInt(4) == 0 ? (byte) alphabet.charAt(random.nextInt(alphabet.length()))
                    : (byte) (random.nextInt(256) == 0 ? 0x80 + random.nextInt(128) : 'a' + random.nextInt(26));
        }
        int from = b.length == 0 ? 0 : random.nextInt(b.length);
        int to = from + random.nextInt(b.length - from + 1);
        int newline = -1;
        for (int i = from; i < to && newline < 0; i++) {
            newline = b[i] == '\n' ? i : -1;
        }
        assertThat(NdjsonReader.indexOfNewline(b, from, to)).as("seed %d", seed).isEqualTo(newline);
        int stringEnd = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == '"' || b[i] == '\\') {
                stringEnd = b[i] == '"' ? i : -1;
                break;
            }
        }
        assertThat(NdjsonReader.plainStringEnd(b, from, to)).as("seed %d", seed).isEqualTo(stringEnd);
    }

    static IntStream damageSeeds() {
        return new Random(1234).ints(200, 0, 100_001);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("damageSeeds")
    void sameResultForRandomlyDamagedFiles(int seed) throws IOException {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder(K6NdjsonFormatTest.METRIC);
        for (int i = 0; i < 4; i++) {
            b.append(K6NdjsonFormatTest.request("2023-09-08T21:03:1" + i + ".5" + random.nextInt(10) + "+02:00",
                    "/p" + random.nextInt(3), random.nextBoolean() ? 200 : 503, random.nextInt(100_000) / 1000.0,
                    random.nextInt(4) == 0));
        }
        char[] text = b.toString().toCharArray();
        int damage = random.nextInt(3);
        for (int i = 0; i < damage; i++) {
            int at = random.nextInt(text.length);
            String damaging = "{}[]\",:\\0123456789.-eE ax\n\u0000\uFEFF";
            text[at] = damaging.charAt(random.nextInt(damaging.length()));
        }
        String content = new String(text);
        if (random.nextBoolean()) {
            content = content.substring(0, random.nextInt(content.length()));
        }
        try {
            assertSameButSkippedDamage(content);
        } catch (AssertionError e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
        }
    }
}
