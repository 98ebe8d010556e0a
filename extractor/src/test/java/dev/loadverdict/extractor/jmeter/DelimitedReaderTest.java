package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.model.InputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tokenizer against Apache Commons CSV as the reference writer, across buffer refills. */
class DelimitedReaderTest {

    private static List<List<String>> read(String text, char delimiter, int bufferSize, List<Long> lines) {
        List<List<String>> records = new ArrayList<>();
        try (DelimitedReader row = new DelimitedReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "test.csv", delimiter, bufferSize)) {
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

    @Provide
    Arbitrary<List<List<String>>> records() {
        Arbitrary<String> field = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abc XYZ0123456789-_./:").ofMaxLength(30),
                Arbitraries.strings().withChars("a,;|\t\"\n\r é€").ofMaxLength(12),
                Arbitraries.just(""));
        return field.list().ofMinSize(1).ofMaxSize(20).list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(seed = "20261123", tries = 400)
    void readsWhatCommonsCsvWritesWhateverTheBufferSize(@ForAll("records") List<List<String>> records,
                                                        @ForAll @IntRange(min = 0, max = 3) int delimiterIndex,
                                                        @ForAll @IntRange(min = 1, max = 300) int bufferSize,
                                                        @ForAll boolean crlf) throws IOException {
        char delimiter = CsvLayout.DELIMITERS[delimiterIndex];
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
        assertThat(read(out.toString(), delimiter, bufferSize, lines)).isEqualTo(expected);
        assertThat(lines).isEqualTo(expectedLines);
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

    @Property(seed = "8080", tries = 2000)
    void wholeNumbersAgreeWithLongParseLong(@ForAll("numberish") String text) {
        Long expected = text.matches("-?[0-9]{1,18}") ? Long.parseLong(text) : null;
        Long actual;
        try (DelimitedReader row = DelimitedReader.of(text + ",x\n", ',')) {
            row.next();
            actual = row.wholeNumber(0);
        } catch (NumberFormatException e) {
            actual = null;
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> numberish() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withChars("0123456789-/:. a").ofMaxLength(20),
                Arbitraries.longs().map(String::valueOf));
    }

    @Test
    void aRecordLongerThanTheLimitFailsCleanly() {
        String huge = "x".repeat(DelimitedReader.MAX_RECORD + 10);
        assertThatThrownBy(() -> read("a,b\n" + huge, ',', 1024, new ArrayList<>()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("test.csv:2: a record is longer than " + DelimitedReader.MAX_RECORD + " bytes");
    }

    @Test
    void undecodableBytesBecomeReplacementCharacters() {
        byte[] gbk = {'a', ',', (byte) 0xBD, (byte) 0xD3, '\n'};
        try (DelimitedReader row = new DelimitedReader(new ByteArrayInputStream(gbk), "x", ',')) {
            row.next();
            assertThat(row.text(1)).contains("\uFFFD");
        }
    }
}
