package dev.loadverdict.extractor.internal;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.model.InputException;
import dev.loadverdict.testsupport.RandomText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tokenizer against Apache Commons CSV as the reference writer, across buffer refills. */
class DelimitedReaderTest {

    private static List<List<String>> read(String text, char delimiter, int bufferSize, List<Long> lines) {
        return read(text, delimiter, true, bufferSize, lines);
    }

    private static List<List<String>> read(String text, char delimiter, boolean quoting, int bufferSize,
                                           List<Long> lines) {
        List<List<String>> records = new ArrayList<>();
        try (DelimitedReader row = new DelimitedReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "test.csv", delimiter, quoting, "CSV file", bufferSize)) {
            while (row.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    fields.add(row.text(i));
                }
                records.add(fields);
                lines.add(row.line());
            }
        }
        return records;
    }

    /** 1 to 40 records of 1 to 20 fields: plain text, text full of delimiters, quotes and line breaks, or empty. */
    static List<List<String>> records(Random random) {
        List<List<String>> records = new ArrayList<>();
        int count = 1 + random.nextInt(40);
        for (int r = 0; r < count; r++) {
            List<String> fields = new ArrayList<>();
            int size = 1 + random.nextInt(20);
            for (int f = 0; f < size; f++) {
                fields.add(switch (random.nextInt(3)) {
                    case 0 -> RandomText.of(random, "abc XYZ0123456789-_./:", 30);
                    case 1 -> RandomText.of(random, "a,;|\t\"\n\r é€\u0000\u000b\u000c", 12);
                    default -> "";
                });
            }
            records.add(fields);
        }
        return records;
    }

    static LongStream recordSeeds() {
        return RandomText.seeds(20261123, 400);
    }

    /**
     * Random records, delimiter (of {@link CsvLayout#DELIMITERS}), buffer size (1 to 300) and line ends, all from
     * {@code new Random(seed)}.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("recordSeeds")
    void readsWhatCommonsCsvWritesWhateverTheBufferSize(long seed) throws IOException {
        Random random = new Random(seed);
        List<List<String>> records = records(random);
        int delimiterIndex = random.nextInt(4);
        int bufferSize = random.nextInt(8) == 0 ? 1 + random.nextInt(3) : 1 + random.nextInt(300);
        boolean crlf = random.nextBoolean();
        char delimiter = new char[] {',', '\t', ';', '|'}[delimiterIndex];
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuoteMode(QuoteMode.MINIMAL)
                .setRecordSeparator(crlf ? "\r\n" : "\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<String> record : records) {
                printer.printRecord(record);
            }
        }
        List<Long> lines = new ArrayList<>();
        List<List<String>> expected = new ArrayList<>();
        List<Long> expectedLines = new ArrayList<>();
        long line = 1;
        for (List<String> record : records) {
            // commons-csv writes a record of one empty field as "" (quoted), which reads back as one empty field
            expected.add(record);
            expectedLines.add(line);
            line += 1 + record.stream().mapToLong(f -> f.chars().filter(c -> c == '\n').count()).sum();
        }
        String context = "seed " + seed + ", delimiter '" + RandomText.visible(String.valueOf(delimiter)) + "', buffer "
                + bufferSize + (crlf ? ", CRLF" : ", LF");
        assertThat(read(out.toString(), delimiter, bufferSize, lines)).as(context).isEqualTo(expected);
        assertThat(lines).as(context).isEqualTo(expectedLines);
    }

    @Test
    void anUnquotedFieldIsLiteralAndLineEndsOfEveryKindEndRecords() {
        List<Long> lines = new ArrayList<>();
        assertThat(read("a\"b,c\r\nd,e\rf,\ng", ',', 4, lines)).containsExactly(
                List.of("a\"b", "c"), List.of("d", "e"), List.of("f", ""), List.of("g"));
        assertThat(lines).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void theLastRecordMayLackItsLineBreakAndIsMarkedSo() {
        try (DelimitedReader row = DelimitedReader.of("a,b\nc,d", ',')) {
            assertThat(row.next()).isTrue();
            assertThat(row.terminated()).isTrue();
            assertThat(row.next()).isTrue();
            assertThat(row.terminated()).isFalse();
            assertThat(row.text(1)).isEqualTo("d");
            assertThat(row.next()).isFalse();
        }
    }

    @Test
    void anUnterminatedQuoteAtTheEndIsAnUnterminatedRecord() {
        try (DelimitedReader row = DelimitedReader.of("a,\"b\nc", ',')) {
            assertThat(row.next()).isTrue();
            assertThat(row.terminated()).isFalse();
            assertThat(row.size()).isEqualTo(2);
            assertThat(row.text(1)).isEqualTo("b\nc");
        }
    }

    @Test
    void textAfterAClosingQuoteIsAPositionedError() {
        assertThatThrownBy(() -> read("x\n\"a\"b,c\n", ',', 64, new ArrayList<>()))
                .isInstanceOf(InputException.class).hasMessageStartingWith("test.csv:2: a quoted field is followed by 'b'");
    }

    @Test
    void numbersAndBooleansAreReadWithoutDecoding() {
        try (DelimitedReader row = DelimitedReader.of("1551783627191,-5,TRUE,False,x1,,12345678901234567890\n", ',')) {
            row.next();
            assertThat(row.wholeNumber(0)).isEqualTo(1551783627191L);
            assertThat(row.wholeNumber(1)).isEqualTo(-5);
            assertThat(row.bool(2)).isTrue();
            assertThat(row.bool(3)).isFalse();
            assertThat(row.bool(4)).isNull();
            assertThatThrownBy(() -> row.wholeNumber(4)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> row.wholeNumber(5)).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> row.wholeNumber(6)).isInstanceOf(NumberFormatException.class);
        }
    }

    static LongStream numberSeeds() {
        return RandomText.seeds(8080, 2000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("numberSeeds")
    void wholeNumbersAgreeWithLongParseLong(long seed) {
        String text = numberish(new Random(seed));
        Long expected = text.matches("-?[0-9]{1,18}") ? Long.parseLong(text) : null;
        // the field first in a large buffer (its digits read as words), last in a buffer just large enough (near the
        // array's end, where the last digits are read byte by byte), and quoted (copied out of the buffer)
        assertThat(wholeNumber(text + ",x\n", 0, 1 << 16)).as("seed %d, text \"%s\"", seed, text).isEqualTo(expected);
        for (int before = 0; before < 16; before++) { // wherever the field ends relative to the array's end
            for (int bufferSize = 1; bufferSize <= 64; bufferSize *= 2) {
                assertThat(wholeNumber("x".repeat(before) + "," + text + "\n", 1, bufferSize))
                        .as("seed %d, text \"%s\" after %d bytes, buffer %d", seed, text, before, bufferSize)
                        .isEqualTo(expected);
            }
        }
        assertThat(wholeNumber("\"" + text + "\"\n", 0, 1 << 16)).as("seed %d, text \"%s\" quoted", seed, text)
                .isEqualTo(expected);
    }

    private static Long wholeNumber(String text, int field, int bufferSize) {
        try (DelimitedReader row = new DelimitedReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "test.csv", ',', true, "CSV file", bufferSize)) {
            row.next();
            return row.wholeNumber(field);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Test
    void aRecordOfManyFieldsIsReadWhole() {
        // more fields than the tokenizer's first array of field bounds holds, on the fast path and the byte-by-byte one
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            fields.add(i % 7 == 0 ? "" : Integer.toString(i)); // the first one empty
        }
        String line = String.join(",", fields);
        for (String first : new String[] {"", "\"\""}) { // the first field quoted: the byte-by-byte path
            List<List<String>> records = read("a\n" + first + line + "\nb\n", ',', 1 << 16, new ArrayList<>());
            assertThat(records).as("first field %s", first).containsExactly(List.of("a"), fields, List.of("b"));
        }
    }

    private static final long[] EDGE_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1,
        Long.MAX_VALUE - 1, 999_999_999_999_999_999L, -999_999_999_999_999_999L, 100_000_000_000_000_000L};

    /** Digits only (1 to 20), digits mixed with date and number punctuation (0 to 20), or any long (edges often). */
    static String numberish(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> {
                String digits = RandomText.of(random, "0123456789", 20);
                yield digits.isEmpty() ? "0" : digits;
            }
            case 1 -> RandomText.of(random, "0123456789-/:. a", 20);
            default -> String.valueOf(random.nextInt(5) == 0 ? EDGE_LONGS[random.nextInt(EDGE_LONGS.length)]
                    : random.nextLong() >> random.nextInt(64));
        };
    }

    @Test
    void aRecordLongerThanTheLimitFailsCleanly() {
        String huge = "x".repeat(ReadLimits.MAX_LINE + 10);
        assertThatThrownBy(() -> read("a,b\n" + huge, ',', 1024, new ArrayList<>()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("test.csv:2: a record is longer than " + ReadLimits.MAX_LINE + " bytes");
    }

    @Test
    void anUnclosedQuoteSpanningLinesIsNamedAsSuch() {
        String lines = ("x".repeat(99) + "\n").repeat(ReadLimits.MAX_LINE / 100 + 5);
        assertThatThrownBy(() -> read("a,b\nc,\"" + lines, ',', 1024, new ArrayList<>()))
                .isInstanceOf(InputException.class)
                .hasMessageMatching("test\\.csv:2: a record \\(its quoted fields span lines 2–\\d+\\) is longer than "
                        + ReadLimits.MAX_LINE + " bytes; a quote is probably never closed");
        // without quoting the same bytes are lines of their own
        List<Long> numbers = new ArrayList<>();
        try (DelimitedReader row = new DelimitedReader(new ByteArrayInputStream(("a,b\nc,\"" + lines)
                .getBytes(StandardCharsets.UTF_8)), "test.log", ',', false, "log", 1024)) {
            while (row.next()) {
                numbers.add(row.line());
            }
        }
        assertThat(numbers).hasSize(ReadLimits.MAX_LINE / 100 + 6); // the header, then one record per line
    }

    @Test
    void literalRecordsTakeQuotesAsTheyAreAndEndAtTheFirstLineBreak() {
        // Gatling's simulation.log: tab-separated, never quoted; a quote may start a field
        String text = "REQUEST\t\"quoted\" name\t1\r\n\"a\tb\"\nlast\"\t\"";
        for (int bufferSize : new int[] {1, 2, 3, 7, 64}) {
            List<Long> lines = new ArrayList<>();
            assertThat(read(text, '\t', false, bufferSize, lines)).as("buffer %d", bufferSize).containsExactly(
                    List.of("REQUEST", "\"quoted\" name", "1"), List.of("\"a", "b\""), List.of("last\"", "\""));
            assertThat(lines).containsExactly(1L, 2L, 3L);
        }
        try (DelimitedReader row = DelimitedReader.literal(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "simulation.log", '\t', "Gatling log")) {
            while (row.next()) {
                assertThat(row.lastLine()).isEqualTo(row.line());
            }
            assertThat(row.terminated()).isFalse(); // the last line has no line break
        }
    }

    @Test
    void undecodableBytesBecomeReplacementCharacters() {
        byte[] gbk = {'a', ',', (byte) 0xBD, (byte) 0xD3, '\n'};
        try (DelimitedReader row = new DelimitedReader(new ByteArrayInputStream(gbk), "x", ',', "CSV file")) {
            row.next();
            assertThat(row.text(1)).contains("\uFFFD");
        }
    }
}
