package dev.loadverdict.extractor.generic;

import dev.loadverdict.extractor.internal.DelimitedReader;
import dev.loadverdict.model.InputException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The CSV form of the generic raw samples ({@link SampleCsv} says what it is) read from bytes with the shared
 * {@link DelimitedReader}, at hundreds of MB/s where Apache Commons CSV over a {@code Reader} reads about 40 MB/s (its
 * lexer, the decoding and the line bounding took most of the time): a row is a list of byte ranges, its values are
 * read without making Strings ({@link SampleSink#add(RawSample, long)}).
 *
 * <p>It gives exactly what {@link SampleCsv} gives. The physical lines are split without quoting
 * ({@link DelimitedReader#literal}), which for a line none of whose fields starts with a quote is what RFC 4180 reads
 * too. A line with a field that starts with a quote is read by Commons CSV itself, on its own; when that line is not a
 * whole record (a quoted line break, an unclosed quote) or Commons CSV refuses it, and when a line is too long for the
 * byte reader, {@link Fallback} asks for the whole file to be read again by {@link SampleCsv}, so that rare input gets
 * the same rows, warnings and errors (with the same line numbers) as before.
 */
final class SampleCsvBytes {

    private SampleCsvBytes() {
    }

    /**
     * Reads every row into the sink.
     *
     * @param in the file's bytes (gzip undone, BOM skipped)
     * @param header the cells of the header row, as {@link dev.loadverdict.extractor.internal.CsvRecords#HEADER} read
     *     them; the first record, which holds them, is skipped
     * @param first whether the bytes start the file (then its first record, the header, is skipped); else they are a
     *     part of it ({@link dev.loadverdict.extractor.internal.SplitReading}) that starts at a record
     * @param last whether the bytes end the file; else only a record that ends with a line break may end them
     * @return whether the reading was exact as a part: it ended at a record ({@code last}) and no sample was skipped
     *     (whose warning or error would name a line, known only counting from the file's start)
     * @throws Fallback when the file must be read by {@link SampleCsv} instead
     */
    static boolean read(InputStream in, List<String> header, String file, SampleSink sink, boolean first,
                        boolean last) {
        SampleCsv.Header columns = SampleCsv.header(header, file);
        int[] fields = columns.fields();
        String[] tagNames = columns.tags().keySet().toArray(new String[0]);
        byte[][] tagNameBytes = new byte[tagNames.length][];
        int[] tagColumns = new int[tagNames.length];
        for (int i = 0; i < tagNames.length; i++) {
            tagNameBytes[i] = tagNames[i].getBytes(StandardCharsets.UTF_8);
            tagColumns[i] = columns.tags().get(tagNames[i]);
        }
        SampleField[] all = SampleField.values();
        SampleField[] present = java.util.Arrays.stream(all).filter(columns::has).toArray(SampleField[]::new);
        int[] columnsOf = java.util.Arrays.stream(present).mapToInt(f -> fields[f.ordinal()]).toArray();
        RawSample sample = new RawSample();
        String[] values = new String[all.length];
        boolean headerRow = first;
        InputException pending = null;
        long line = 0;
        boolean terminated = true;
        try (DelimitedReader row = DelimitedReader.literal(in, file, ',', "generic samples CSV file")) {
            while (next(row)) {
                terminated = row.terminated();
                if (row.isBlank()) {
                    continue;
                }
                line = row.line();
                CSVRecord quoted = quoted(row) ? record(row) : null;
                if (pending != null) {
                    throw pending;
                }
                if (headerRow) {
                    headerRow = false;
                    continue;
                }
                int size = quoted != null ? quoted.size() : row.size();
                if (size < columns.width()) {
                    pending = new InputException(file, line, "a row with " + size + " of the header's "
                            + columns.width() + " columns");
                    continue;
                }
                try {
                    if (quoted != null) {
                        for (SampleField f : all) {
                            int index = fields[f.ordinal()];
                            values[f.ordinal()] = index >= 0 ? quoted.get(index) : null;
                        }
                        sink.add(values, tags(quoted, columns.tags()), line);
                        continue;
                    }
                    sample.clearTags(); // the same fields are set on every row
                    for (int i = 0; i < present.length; i++) {
                        int index = columnsOf[i];
                        sample.set(present[i], row.array(index), row.start(index), row.end(index));
                    }
                    for (int i = 0; i < tagColumns.length; i++) {
                        int index = tagColumns[i];
                        if (!row.isEmpty(index)) {
                            sample.tag(tagNameBytes[i], 0, tagNameBytes[i].length, row.array(index), row.start(index),
                                    row.end(index));
                        }
                    }
                    sink.add(sample, line);
                } catch (InputException e) {
                    pending = e; // fatal unless it is the last row, which a killed harness may have cut off
                }
            }
        }
        sink.endReading(pending, line);
        return (last || terminated) && pending == null;
    }

    /** {@link DelimitedReader#next}, asking for the text reader where a line is too long for the byte reader. */
    static boolean next(DelimitedReader row) {
        try {
            return row.next();
        } catch (InputException e) {
            throw new Fallback(); // the text reader bounds lines by characters and says what it always said
        }
    }

    /** Whether a field of the line starts with a quote: then RFC 4180 may read it otherwise than a plain split. */
    private static boolean quoted(DelimitedReader row) {
        for (int i = 0; i < row.size(); i++) {
            if (row.startsWith(i, "\"")) {
                return true;
            }
        }
        return false;
    }

    /** The line read by Commons CSV as {@link SampleCsv} reads it, when it is one whole record. */
    private static CSVRecord record(DelimitedReader row) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            text.append(i == 0 ? "" : ",").append(row.text(i));
        }
        try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(text.toString()))
                .setFormat(SampleCsv.FORMAT).get()) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                throw new Fallback();
            }
            return records.get(0);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new Fallback(); // a quoted line break or a broken quote: only the whole file's reading tells
        }
    }

    private static Map<String, String> tags(CSVRecord row, Map<String, Integer> columns) {
        Map<String, String> tags = columns.isEmpty() ? Map.of() : new java.util.HashMap<>();
        for (Map.Entry<String, Integer> tag : columns.entrySet()) {
            String value = row.get(tag.getValue());
            if (!value.isEmpty()) {
                tags.put(tag.getKey(), value);
            }
        }
        return tags;
    }

    /** Asks for the file to be read again by the text readers, which say exactly what they always said. */
    static final class Fallback extends RuntimeException {
        Fallback() {
            super("read again as text", null, false, false);
        }
    }
}
