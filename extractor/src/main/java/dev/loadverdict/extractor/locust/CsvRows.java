package dev.loadverdict.extractor.locust;

import dev.loadverdict.extractor.internal.DelimitedReader;
import dev.loadverdict.extractor.internal.JsonNumber;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.RowKey;
import dev.loadverdict.model.InputException;

import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A Locust CSV file read record by record, with typed, positioned access to cells by header name.
 * Python's csv module writes {@code \r\n}; files also appear with {@code \n} and {@code \r\r\n}
 * line ends and with blank lines between records: all are accepted. The first non-blank record is the
 * header; a name it repeats stands for its last column, and blank names are names like any other.
 *
 * <p>Read with {@link DelimitedReader}: a stats history of a long run with {@code --csv-full-history} holds a row
 * per endpoint per second, and numbers are read from the bytes when they are plain decimals ({@link JsonNumber}).
 */
final class CsvRows implements AutoCloseable {

    private static final int REMEMBERED = 16;

    private final String file;
    private final DelimitedReader row;
    private final Map<String, Integer> header;
    private final String[] rememberedNames = new String[REMEMBERED];
    private final int[] rememberedIndices = new int[REMEMBERED];
    private int remembered;
    private long currentLine;

    CsvRows(String file, InputStream bytes) {
        this.file = file;
        this.row = new DelimitedReader(bytes, file, ',', "Locust CSV file");
        Map<String, Integer> names = new LinkedHashMap<>();
        if (nextRecord()) {
            for (int i = 0; i < row.size(); i++) {
                names.put(row.text(i), i);
            }
        }
        this.header = Collections.unmodifiableMap(names);
    }

    Map<String, Integer> header() {
        return header;
    }

    /** Moves to the next record after the header; false at the end. */
    boolean next() {
        return nextRecord();
    }

    private boolean nextRecord() {
        while (row.next()) {
            if (row.unclosedQuote()) {
                throw DelimitedReader.unclosed(file, row);
            }
            if (!row.isBlank()) {
                currentLine = row.lastLine();
                return true;
            }
        }
        return false;
    }

    /** The header name, or an error naming the file kind when the header lacks it. */
    String column(String name, String fileKind) {
        if (!header.containsKey(name)) {
            throw new InputException(file, 1, "not a " + fileKind + ": no '" + name + "' column");
        }
        return name;
    }

    InputException fail(String message) {
        return new InputException(file, currentLine, message);
    }

    /** The cell's index under a header, or -1 when the header lacks it or the record is shorter. */
    private int index(String name) {
        int index = headerIndex(name);
        return index >= row.size() ? -1 : index;
    }

    /**
     * The header's index of a name, -1 when it lacks it. A reader asks for the same few names, the same instances, on
     * every record of a stats history (millions of them): the last {@value #REMEMBERED} names asked for are remembered by
     * reference, which costs a few comparisons where the map cost a fifth of the reading.
     */
    private int headerIndex(String name) {
        for (int i = 0; i < remembered; i++) {
            if (rememberedNames[i] == name) {
                return rememberedIndices[i];
            }
        }
        Integer index = header.get(name);
        int value = index == null ? -1 : index;
        if (remembered < REMEMBERED) {
            rememberedNames[remembered] = name;
            rememberedIndices[remembered] = value;
            remembered++;
        }
        return value;
    }

    /** The cell under a header, or empty text when the record is shorter. */
    String text(String name) {
        int index = index(name);
        return index < 0 ? "" : row.text(index).trim();
    }

    /** Adds the cell under a header (or nothing, when the record has none) to a key. */
    void addTo(RowKey key, String name) {
        int index = index(name);
        if (index >= 0) {
            key.add(row, index);
        }
    }

    /** The line the current record ended on. */
    long line() {
        return currentLine;
    }

    int size() {
        return row.size();
    }

    long wholeNumber(String name) {
        int index = index(name);
        if (index >= 0 && row.isDigits(index)) {
            return row.wholeNumber(index);
        }
        String text = text(name);
        try {
            long v = Long.parseLong(text);
            if (v < 0) {
                throw fail("column '" + name + "' is negative: " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw fail("column '" + name + "' is not a whole number: \"" + Messages.shorten(text) + "\"");
        }
    }

    /**
     * The cell as a plain decimal number (as Python writes them; the value {@link Double#parseDouble} gives it), or NaN
     * when it is anything else: then the caller reads its {@link #text}.
     */
    double plainNumber(String name) {
        int index = index(name);
        return index < 0 ? Double.NaN : JsonNumber.parse(row.array(index), row.start(index), row.end(index));
    }

    /** A number, or empty for {@code N/A} and blank cells. */
    OptionalDouble number(String name) {
        int index = index(name);
        if (index >= 0) {
            double fast = JsonNumber.parse(row.array(index), row.start(index), row.end(index));
            if (fast >= 0 && fast <= Double.MAX_VALUE) {
                return OptionalDouble.of(fast);
            }
            if (row.is(index, "N/A")) {
                return OptionalDouble.empty(); // Locust's percentiles before the first response
            }
        }
        String text = text(name);
        if (text.isEmpty() || text.equalsIgnoreCase("N/A")) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v) || v < 0) {
                throw fail("column '" + name + "' is not a number >= 0: \"" + Messages.shorten(text) + "\"");
            }
            return OptionalDouble.of(v);
        } catch (NumberFormatException e) {
            throw fail("column '" + name + "' is not a number: \"" + Messages.shorten(text) + "\"");
        }
    }

    @Override
    public void close() {
        row.close();
    }
}
