package dev.loadverdict.extractor.internal;

import dev.loadverdict.extractor.Head;
import dev.loadverdict.model.InputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Walks the records of an Apache Commons CSV parser with the line each one starts on (a quoted line
 * break makes a record span lines). A record the parser cannot read (an unclosed quote, a read failure)
 * becomes an {@link InputException} naming the file and the line after the last good record.
 */
public final class CsvRecords {

    /**
     * The header of a CSV file: the first record of its head (RFC 4180 with a comma, blank lines before it skipped),
     * read once for both detection and reading so the two cannot disagree about it. Empty when the head holds no
     * complete first record: no CSV, or a first record longer than the head.
     */
    public static final Head.Parse<Optional<List<String>>> HEADER = Head.Parse.of(CsvRecords::header);

    private static final CSVFormat RFC_4180 = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String file;
    private long line;

    /**
     * @param parser the parser, positioned after any header it consumed itself
     * @param file how to name the file in messages
     * @param linesBefore the lines already consumed (1 when the parser read the header, else 0)
     */
    public CsvRecords(CSVParser parser, String file, long linesBefore) {
        this.parser = parser;
        this.records = parser.iterator();
        this.file = file;
        this.line = linesBefore;
    }

    private static Optional<List<String>> header(Head head) {
        if (!head.whole() && head.text().indexOf('\n') < 0) {
            return Optional.empty(); // the first line goes on past the head
        }
        String complete = head.whole() ? head.text() : String.join("\n", head.lines()) + "\n";
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(complete)).setFormat(RFC_4180).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            return it.hasNext() ? Optional.of(it.next().toList()) : Optional.empty();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The next record, or null after the last. */
    public CSVRecord next() {
        CSVRecord row;
        try {
            if (!records.hasNext()) {
                return null;
            }
            row = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InputException(file, OptionalLong.of(line + 1), "broken CSV: " + Messages.rootMessage(e), e);
        }
        line = Math.max(parser.getCurrentLineNumber(), line + 1);
        return row;
    }

    /** The line of the record {@link #next} returned last (1-based). */
    public long line() {
        return line;
    }
}
