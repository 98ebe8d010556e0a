package dev.loadverdict.extractor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Limits" table of docs/formats.md and {@link ReadLimits} say the same: every limit in the class appears, written
 * the way the table writes it, in the row of the table that describes it. A limit added to the class without a row,
 * or a value changed on one side only, fails here.
 */
class ReadLimitsDocsTest {

    private static final Path FORMATS = Path.of("../docs/formats.md");

    /** How the table writes a value: a size in MiB, or a count with thousands separators. */
    private enum Unit {
        MIB, COUNT;

        String format(long value) {
            if (this == COUNT) {
                return String.format(Locale.ROOT, "%,d", value);
            }
            assertThat(value % (1 << 20)).as("%d is a whole number of MiB", value).isZero();
            return (value >> 20) + " MiB";
        }
    }

    private record Row(Unit unit, List<String> rows) {
        Row(Unit unit, String... rows) {
            this(unit, List.of(rows));
        }
    }

    /** Each limit, by the beginning of the table rows that must state it. */
    private static final Map<String, Row> ROWS = Map.ofEntries(
            Map.entry("MAX_LINE", new Row(Unit.MIB, "a line (NDJSON", "a CSV record of Locust")),
            Map.entry("MAX_XML_ATTRIBUTE", new Row(Unit.MIB, "an XML attribute value")),
            Map.entry("MAX_XML_ATTRIBUTES", new Row(Unit.COUNT, "an XML attribute value")),
            Map.entry("MAX_XML_DEPTH", new Row(Unit.COUNT, "an XML attribute value")),
            Map.entry("MAX_JSON_STRING", new Row(Unit.MIB, "a string in a JSON aggregate file")),
            Map.entry("MAX_K6_SUMMARY_BYTES", new Row(Unit.MIB, "a k6 summary")),
            Map.entry("MAX_ENTRIES", new Row(Unit.COUNT, "entries of an aggregate file")),
            Map.entry("MAX_GATLING_STRING_BYTES", new Row(Unit.MIB, "a Gatling binary log")),
            Map.entry("MAX_GATLING_STRINGS", new Row(Unit.COUNT, "a Gatling binary log")),
            Map.entry("MAX_GATLING_SCENARIOS", new Row(Unit.COUNT, "a Gatling binary log")),
            Map.entry("MAX_GATLING_GROUP_DEPTH", new Row(Unit.COUNT, "a Gatling binary log")),
            Map.entry("MAX_SAMPLE_COUNT", new Row(Unit.COUNT, "a JMeter batch")),
            Map.entry("MAX_LATENCY_MS", new Row(Unit.COUNT, "a latency")),
            Map.entry("MAX_FAILURE_KINDS", new Row(Unit.COUNT, "failure kinds of an endpoint")),
            Map.entry("MAX_ENDPOINT_NAME", new Row(Unit.COUNT, "a name: endpoint")),
            Map.entry("MAX_SERVICE_NAME", new Row(Unit.COUNT, "a name: endpoint")),
            Map.entry("MAX_METHOD_NAME", new Row(Unit.COUNT, "a name: endpoint")),
            Map.entry("MAX_FAILURE_KIND_NAME", new Row(Unit.COUNT, "a name: endpoint")),
            Map.entry("MAX_WARNINGS_PER_FILE", new Row(Unit.COUNT, "warnings of one file")));

    @Test
    void everyLimitHasARowOfTheDocumentedTable() {
        assertThat(limits().keySet()).as("the limits of ReadLimits, each needing a row of docs/formats.md")
                .containsExactlyInAnyOrderElementsOf(ROWS.keySet());
    }

    @Test
    void theTableStatesEachLimitAsTheClassHoldsIt() throws IOException {
        Map<String, String> table = limitColumn(Files.readString(FORMATS));
        limits().forEach((name, value) -> {
            Row row = ROWS.get(name);
            String written = row.unit().format(value);
            for (String what : row.rows()) {
                assertThat(table).as("a row of the Limits table beginning '%s'", what).containsKey(what);
                assertThat(states(table.get(what), written))
                        .as("ReadLimits.%s = %d, written '%s', in the row '%s': %s", name, value, written, what,
                                table.get(what))
                        .isTrue();
            }
        });
    }

    /** The public limits of {@link ReadLimits}, by field name. */
    private static Map<String, Long> limits() {
        Map<String, Long> limits = new TreeMap<>();
        for (Field f : ReadLimits.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers())) {
                try {
                    limits.put(f.getName(), ((Number) f.get(null)).longValue());
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return limits;
    }

    /** The "limit" cell of each row of the Limits table, keyed by each {@link #ROWS} beginning it starts with. */
    private static Map<String, String> limitColumn(String formats) {
        int from = formats.indexOf("### Limits");
        assertThat(from).as("a Limits section in docs/formats.md").isNotNegative();
        String section = formats.substring(from, formats.indexOf("\n#", from + 1));
        Map<String, String> cells = new TreeMap<>();
        for (String line : section.split("\n")) {
            String[] cell = line.split("\\|");
            if (cell.length < 3) {
                continue;
            }
            String what = cell[1].strip();
            ROWS.values().stream().flatMap(r -> r.rows().stream()).filter(what::startsWith).distinct()
                    .forEach(key -> cells.put(key, cell[2].strip()));
        }
        return cells;
    }

    @Test
    void aFigureIsMatchedWholeNotInsideALargerOne() {
        Map<String, String> table = limitColumn("### Limits\n\n| what | limit | beyond |\n|---|---|---|\n"
                + "| entries of an aggregate file | 100,000 | exit 3 |\n| a k6 summary | 64 MiB | exit 3 |\n\n## Next\n");
        assertThat(Arrays.asList(table.get("entries of an aggregate file"), table.get("a k6 summary")))
                .containsExactly("100,000", "64 MiB");
        assertThat(states(table.get("entries of an aggregate file"), "1,000")).isFalse();
        assertThat(states(table.get("a k6 summary"), "4 MiB")).isFalse();
        assertThat(states(table.get("a k6 summary"), "64 MiB")).isTrue();
        assertThat(states("strings 1 MiB, 1,048,576 names", "1 MiB")).isTrue();
        assertThat(states("1,048,576 names", "1,048")).isFalse();
    }

    /** Whether a cell holds the figure whole: "1,000" does not pass inside "100,000", nor "4 MiB" inside "64 MiB". */
    private static boolean states(String cell, String figure) {
        return Pattern.compile("(?<![\\d.]|\\d,)" + Pattern.quote(figure) + "(?!,?\\d)").matcher(cell).find();
    }
}
