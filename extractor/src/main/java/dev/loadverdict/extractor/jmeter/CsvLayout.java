package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.internal.DelimitedReader;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.internal.MatchStrength;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The dialect of one JTL CSV file, chosen once from its beginning: the delimiter, whether there is a
 * header, and which column holds which {@link JtlColumn}.
 *
 * <ul>
 *   <li>With a header, columns are found by name; any subset and order works. The header starts with at
 *       least three JMeter column names, {@code label} among them; the cells after the first unknown one
 *       are {@code sample_variables} and ignored. The delimiter is the candidate ({@code , \t ; |}) that
 *       splits off the most JMeter column names.</li>
 *   <li>Without one ({@code print_field_names=false}), the first record must look like a JMeter sample in
 *       JMeter's default order: whole-number {@code timeStamp} and {@code elapsed}, a thread name, and
 *       {@code true}/{@code false} as the 8th field. Its width picks the default column set
 *       ({@link JtlColumn#headerless}).</li>
 * </ul>
 *
 * @param delimiter the field delimiter
 * @param header whether the first record is a header
 * @param width the number of fields a record has
 * @param columns per {@link JtlColumn} ordinal, its field index, or -1
 */
record CsvLayout(char delimiter, boolean header, int width, int[] columns) {

    /** What a JTL CSV file is called in errors about its form. */
    static final String KIND = "JMeter CSV file";

    static final char[] DELIMITERS = {',', '\t', ';', '|'};

    /** The columns a sample needs. */
    static final List<JtlColumn> REQUIRED = List.of(JtlColumn.TIMESTAMP, JtlColumn.ELAPSED, JtlColumn.LABEL,
            JtlColumn.SUCCESS);

    int index(JtlColumn column) {
        return columns[column.ordinal()];
    }

    boolean has(JtlColumn column) {
        return columns[column.ordinal()] >= 0;
    }

    /** How strongly the layout says "JMeter": every required column named, or a JMeter-shaped first row. */
    MatchStrength strength() {
        if (!header) {
            return MatchStrength.SOLID_MATCH;
        }
        return REQUIRED.stream().allMatch(this::has) ? MatchStrength.FULL_MATCH : MatchStrength.SOLID_MATCH;
    }

    /** A file's layout, worked out once for detection and reading. */
    private static final Head.Parse<Optional<CsvLayout>> LAYOUT = Head.Parse.of(CsvLayout::find);

    /** The layout of a file from its beginning, or empty when it is no JMeter CSV. */
    static Optional<CsvLayout> of(Head head) {
        return head.parsed(LAYOUT);
    }

    private static Optional<CsvLayout> find(Head head) {
        String first = head.firstLine();
        if (first.isBlank() || first.startsWith("<") || first.startsWith("{") || first.startsWith("[")) {
            return Optional.empty();
        }
        Optional<CsvLayout> withHeader = withHeader(first);
        return withHeader.isPresent() ? withHeader : headerless(head.text());
    }

    /**
     * A header: JMeter writes its columns first and sample variables after them, so the header must start
     * with a run of at least three JMeter column names including {@code label}; cells after the run are
     * sample variables. (Prose or a generic CSV that merely mentions some column names does not qualify.)
     */
    private static Optional<CsvLayout> withHeader(String firstLine) {
        CsvLayout best = null;
        int bestKnown = 0;
        for (char delimiter : DELIMITERS) {
            List<String> cells = firstRecord(firstLine, delimiter);
            int[] columns = new int[JtlColumn.values().length];
            Arrays.fill(columns, -1);
            int known = 0;
            for (int i = 0; i < cells.size(); i++) {
                JtlColumn column = JtlColumn.ofHeader(cells.get(i));
                if (column == null || columns[column.ordinal()] >= 0) {
                    break;
                }
                columns[column.ordinal()] = i;
                known++;
            }
            if (known > bestKnown) {
                best = new CsvLayout(delimiter, true, cells.size(), columns);
                bestKnown = known;
            }
        }
        return best != null && best.has(JtlColumn.LABEL) && bestKnown >= 3 ? Optional.of(best) : Optional.empty();
    }

    private static Optional<CsvLayout> headerless(String text) {
        for (char delimiter : DELIMITERS) {
            try (DelimitedReader row = DelimitedReader.of(text, delimiter)) {
                if (row.next() && looksLikeSample(row)) {
                    List<JtlColumn> order = JtlColumn.headerless(row.size());
                    int[] columns = new int[JtlColumn.values().length];
                    Arrays.fill(columns, -1);
                    for (int i = 0; i < order.size(); i++) {
                        columns[order.get(i).ordinal()] = i;
                    }
                    return Optional.of(new CsvLayout(delimiter, false, row.size(), columns));
                }
            } catch (RuntimeException e) {
                // not this delimiter
            }
        }
        return Optional.empty();
    }

    /** A first record in JMeter's default order: ts, elapsed, label, code, message, thread, type, success. */
    private static boolean looksLikeSample(DelimitedReader row) {
        if (row.size() < JtlColumn.COMMON_PREFIX.size()) {
            return false;
        }
        try {
            return row.wholeNumber(0) > 0 && row.wholeNumber(1) >= 0 && !row.isEmpty(5) && row.bool(7) != null;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> firstRecord(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        try (DelimitedReader row = DelimitedReader.of(line, delimiter)) {
            if (row.next()) {
                for (int i = 0; i < row.size(); i++) {
                    cells.add(row.text(i));
                }
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return cells;
    }

    /** Required columns this layout lacks. */
    Set<JtlColumn> missing() {
        Set<JtlColumn> missing = EnumSet.noneOf(JtlColumn.class);
        REQUIRED.stream().filter(c -> !has(c)).forEach(missing::add);
        return missing;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsvLayout l && l.delimiter == delimiter && l.header == header && l.width == width
                && Arrays.equals(l.columns, columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(delimiter, header, width, Arrays.hashCode(columns));
    }

    @Override
    public String toString() {
        return "CsvLayout[delimiter=" + delimiter + ", header=" + header + ", width=" + width + "]";
    }
}
