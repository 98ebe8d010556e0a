package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.InputException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.OptionalLong;

/**
 * Walks the records of an Apache Commons CSV parser with the line each one starts on (a quoted line
 * break makes a record span lines). A record the parser cannot read (an unclosed quote, a read failure)
 * becomes an {@link InputException} naming the file and the line after the last good record.
 */
public final class CsvRecords {

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
