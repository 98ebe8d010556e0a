package dev.loadverdict.extractor.generic;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.BoundedLineReader;
import dev.loadverdict.extractor.internal.CsvRecords;
import dev.loadverdict.model.InputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV form of the generic raw samples: RFC 4180 with a comma, a header row naming the columns
 * ({@link SampleField}; {@code tag.NAME} columns are tags; other columns are ignored), one sample per row.
 * A last row that cannot be read (fewer cells than the header, a value cut off by a harness killed while
 * writing) is skipped with a warning; such a row anywhere else is an error naming its line.
 */
final class SampleCsv {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .get();

    /** Where each field and tag is, from the header. */
    record Header(int[] fields, Map<String, Integer> tags, int width) {

        /** The header of a first line; fields missing from it have index -1. */
        static Header of(List<String> cells, String file) {
            int[] fields = new int[SampleField.values().length];
            Arrays.fill(fields, -1);
            Map<String, Integer> tags = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String cell = cells.get(i).strip();
                SampleField f = SampleField.of(cell);
                if (f != null) {
                    if (fields[f.ordinal()] >= 0) {
                        throw new InputException(file, 1, "two columns name '" + f.key() + "' (column "
                                + (fields[f.ordinal()] + 1) + " and " + (i + 1) + ")");
                    }
                    fields[f.ordinal()] = i;
                } else if (SampleField.normalise(cell).startsWith(SampleField.TAG_PREFIX)
                        && cell.length() > SampleField.TAG_PREFIX.length()) {
                    tags.put(cell.substring(SampleField.TAG_PREFIX.length()), i);
                }
            }
            return new Header(fields, Map.copyOf(tags), cells.size());
        }

        boolean has(SampleField f) {
            return fields[f.ordinal()] >= 0;
        }
    }

    private SampleCsv() {
    }

    /**
     * Reads every row of the reader into the sink.
     *
     * @param header the cells of the header row, as {@link CsvRecords#HEADER} read them; the reader's first record,
     *     which holds them, is skipped
     */
    static void read(Reader reader, List<String> header, String file, SampleSink sink) throws IOException {
        CSVParser parser = CSVParser.builder()
                .setReader(BoundedLineReader.csv(reader, file, ReadLimits.MAX_LINE))
                .setFormat(FORMAT).get();
        try (parser) {
            CsvRecords records = new CsvRecords(parser, file, 0);
            Header columns = header(header, file);
            boolean headerRow = true;
            String[] values = new String[SampleField.values().length];
            InputException pending = null;
            CSVRecord row;
            while ((row = records.next()) != null) {
                long line = records.line();
                if (pending != null) {
                    throw pending;
                }
                if (headerRow) {
                    headerRow = false;
                    continue;
                }
                if (row.size() < columns.width()) {
                    pending = new InputException(file, line, "a row with " + row.size() + " of the header's "
                            + columns.width() + " columns");
                    continue;
                }
                for (SampleField f : SampleField.values()) {
                    int index = columns.fields()[f.ordinal()];
                    values[f.ordinal()] = index >= 0 ? row.get(index) : null;
                }
                Map<String, String> tags = columns.tags().isEmpty() ? Map.of() : new HashMap<>();
                for (Map.Entry<String, Integer> tag : columns.tags().entrySet()) {
                    String value = row.get(tag.getValue());
                    if (!value.isEmpty()) {
                        tags.put(tag.getKey(), value);
                    }
                }
                try {
                    sink.add(values, tags, line);
                } catch (InputException e) {
                    pending = e; // fatal unless it is the last row, which a killed harness may have cut off
                }
            }
            sink.endReading(pending, records.line());
        }
    }

    static Header header(List<String> cells, String file) {
        Header header = Header.of(cells, file);
        List<String> missing = new ArrayList<>(SampleField.missing(header::has));
        if (!missing.isEmpty()) {
            throw new InputException(file, 1, "generic samples CSV without column(s) " + String.join(", ", missing)
                    + ": every sample needs timestamp, endpoint, latency_ms and ok");
        }
        return header;
    }
}
