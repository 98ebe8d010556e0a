package dev.loadverdict.extractor.locust;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.BoundedLineReader;
import dev.loadverdict.model.InputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A Locust CSV file read record by record, with typed, positioned access to cells by header name.
 * Python's csv module writes {@code \r\n}; files also appear with {@code \n} and {@code \r\r\n}
 * line ends and with blank lines between records: all are accepted.
 */
final class CsvRows implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setIgnoreSurroundingSpaces(false)
            .get();

    private final String file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private CSVRecord current;
    private long currentLine;

    CsvRows(String file, Reader reader) {
        this.file = file;
        try {
            this.parser = CSVParser.builder()
                    .setReader(BoundedLineReader.csv(reader, file, ReadLimits.MAX_LINE))
                    .setFormat(FORMAT).get();
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(file, OptionalLong.of(1), "unreadable CSV header: " + e.getMessage(), e);
        }
        this.records = parser.iterator();
    }

    Map<String, Integer> header() {
        return parser.getHeaderMap();
    }

    boolean next() {
        try {
            if (!records.hasNext()) {
                return false;
            }
            current = records.next();
            currentLine = parser.getCurrentLineNumber();
            return true;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InputException(file, OptionalLong.of(parser.getCurrentLineNumber() + 1),
                    "broken CSV: " + Messages.rootMessage(e), e);
        }
    }

    /** The header name, or an error naming the file kind when the header lacks it. */
    String column(String name, String fileKind) {
        if (!parser.getHeaderMap().containsKey(name)) {
            throw new InputException(file, 1, "not a " + fileKind + ": no '" + name + "' column");
        }
        return name;
    }

    InputException fail(String message) {
        return new InputException(file, currentLine, message);
    }

    /** The cell under a header, or empty text when the record is shorter. */
    String text(String header) {
        Integer index = parser.getHeaderMap().get(header);
        if (index == null || index >= current.size()) {
            return "";
        }
        return current.get(index).trim();
    }

    /** The line the current record ended on. */
    long line() {
        return currentLine;
    }

    int size() {
        return current.size();
    }

    long wholeNumber(String header) {
        String text = text(header);
        try {
            long v = Long.parseLong(text);
            if (v < 0) {
                throw fail("column '" + header + "' is negative: " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw fail("column '" + header + "' is not a whole number: \"" + Messages.shorten(text) + "\"");
        }
    }

    /** A number, or empty for {@code N/A} and blank cells. */
    OptionalDouble number(String header) {
        String text = text(header);
        if (text.isEmpty() || text.equalsIgnoreCase("N/A")) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v) || v < 0) {
                throw fail("column '" + header + "' is not a number >= 0: \"" + Messages.shorten(text) + "\"");
            }
            return OptionalDouble.of(v);
        } catch (NumberFormatException e) {
            throw fail("column '" + header + "' is not a number: \"" + Messages.shorten(text) + "\"");
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
