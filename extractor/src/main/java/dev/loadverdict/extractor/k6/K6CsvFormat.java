package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.internal.BytesCache;
import dev.loadverdict.extractor.internal.DelimitedReader;
import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.CsvRecords;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.RowKey;
import dev.loadverdict.extractor.internal.SampleAggregator;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads k6's {@code --out csv} output: {@code metric_name,timestamp,metric_value,<one column per system
 * tag>,extra_tags[,metadata]}, one row per sample. Columns are found by header name; every column that is
 * not a fixed one ({@link CsvColumn}) is a tag, and {@code extra_tags} ({@code k=v&k2=v2}) adds more.
 * Samples are joined and aggregated exactly as {@link K6NdjsonFormat} does, so the CSV and the NDJSON
 * of one run give the same endpoints, counts, failures and histograms.
 *
 * <p>Timestamps: epoch seconds by default (so start, end and time series are only as precise as one
 * second), or nanoseconds / RFC 3339 with k6's {@code timeFormat} option ({@link Timestamps#csvCell}).
 * A last row with fewer cells than the header (a run stopped while k6 was writing) is skipped with a
 * warning; such a row anywhere else is an error.
 */
final class K6CsvFormat implements ResultFormat {

    private static final Set<CsvColumn> REQUIRED = Set.of(CsvColumn.METRIC_NAME, CsvColumn.TIMESTAMP,
            CsvColumn.METRIC_VALUE);

    @Override
    public String displayName() {
        return "k6 CSV output (--out csv)";
    }

    @Override
    public boolean rawSamples() {
        return true;
    }

    @Override
    public MatchStrength detect(Head head) {
        Optional<List<String>> header = head.parsed(CsvRecords.HEADER);
        if (header.isEmpty()) {
            return MatchStrength.NO_MATCH;
        }
        Map<String, Integer> columns = headerMap(header.get());
        return REQUIRED.stream().allMatch(c -> c.indexIn(columns) >= 0) ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH;
    }

    /** Each column's name and index; of a repeated name, the first. */
    private static Map<String, Integer> headerMap(List<String> names) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.putIfAbsent(names.get(i), i);
        }
        return map;
    }

    @Override
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        SampleAggregator aggregator = context.newAggregator();
        RequestJoin join = new RequestJoin(aggregator);
        Diagnostics diagnostics = new Diagnostics(displayPath);
        List<String> header = head.parsed(CsvRecords.HEADER).orElseThrow(() -> new InputException(displayPath, 1,
                "not a k6 CSV: no header row"));
        readRows(InputFiles.openBytes(path, displayPath), header, displayPath, join, diagnostics);
        SampleAggregator.Aggregate aggregate = join.finish();
        join.report(diagnostics);
        return RawResults.of(displayPath, aggregate, join.maxVus(), diagnostics.warnings());
    }

    /** Reads the rows after the header, whose cells {@link CsvRecords#HEADER} read from the file's head. */
    private static void readRows(InputStream bytes, List<String> names, String file, RequestJoin join,
                                 Diagnostics diagnostics) {
        int columns = columns(names, file);
        Map<String, Integer> header = headerMap(names);
        int metricColumn = required(header, CsvColumn.METRIC_NAME, file);
        int timeColumn = required(header, CsvColumn.TIMESTAMP, file);
        int valueColumn = required(header, CsvColumn.METRIC_VALUE, file);
        int extraColumn = CsvColumn.EXTRA_TAGS.indexIn(header);
        List<Map.Entry<String, Integer>> tagColumns = header.entrySet().stream()
                .filter(e -> !CsvColumn.isFixed(e.getKey()) && !e.getKey().isBlank())
                .map(e -> Map.entry(e.getKey().trim(), e.getValue())).toList();
        Tags tags = new Tags(tagColumns, extraColumn);
        try (DelimitedReader row = new DelimitedReader(bytes, file, ',', "k6 CSV file")) {
            boolean headerRow = true;
            InputException shortRow = null;
            String shortRowFields = null;
            while (row.next()) {
                if (row.isBlank()) {
                    continue;
                }
                if (headerRow) {
                    headerRow = false; // its cells came from the head
                    continue;
                }
                long line = row.line();
                if (row.unclosedQuote()) {
                    throw DelimitedReader.unclosed(file, row);
                }
                if (shortRow != null) {
                    throw shortRow;
                }
                if (row.size() < columns) {
                    shortRowFields = row.size() + " of the header's " + columns + " columns";
                    shortRow = new InputException(file, line, "a row with " + shortRowFields);
                    continue;
                }
                K6Metric metric = metric(row, metricColumn);
                if (metric == null || !metric.readFromPoints()) {
                    continue;
                }
                double value = number(row.text(valueColumn), file, line);
                if (metric == K6Metric.VUS) {
                    join.vus(value);
                    continue;
                }
                String timeText = row.text(timeColumn).trim();
                long time = Timestamps.csvCell(timeText);
                if (time == Timestamps.INVALID) {
                    throw new InputException(file, line, "timestamp is neither epoch time nor RFC 3339: \""
                            + Messages.shorten(timeText) + "\"");
                }
                if (metric == K6Metric.HTTP_REQ_DURATION) {
                    if (!(value >= 0 && value <= RawResults.MAX_DURATION_MS)) {
                        throw new InputException(file, line, RawResults.durationOutOfRange(value));
                    }
                    join.duration(time, tags.of(row), Math.round(value * 1000.0));
                } else {
                    join.failed(time, tags.of(row), value != 0);
                }
            }
            if (shortRow != null) {
                diagnostics.warn(shortRow.line().orElseThrow(), "skipped the last line: it has only " + shortRowFields
                        + "; the run was probably stopped while k6 was writing");
            }
        }
    }

    /**
     * The metric a row names. k6 writes the name bare, so it is compared as bytes; a name with blanks around it is
     * trimmed first, as a hand-edited file may have them.
     */
    private static K6Metric metric(DelimitedReader row, int column) {
        byte[] b = row.array(column);
        int from = row.start(column);
        int to = row.end(column);
        if (from < to && (b[from] <= ' ' || b[to - 1] <= ' ')) {
            return K6Metric.of(row.text(column).trim());
        }
        return K6Metric.of(b, from, to - from);
    }

    /**
     * The header's number of columns. k6 never repeats a column name; a header that does (compared as columns are
     * found, without case and surrounding blanks) is refused, as one column of the name would be lost. Columns
     * without a name may repeat: they are not read. The header map has one entry for all of them, so a row's
     * length is checked against this count, not the map's size.
     */
    private static int columns(List<String> names, String file) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).trim();
            if (name.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (first != null) {
                throw new InputException(file, 1, "the header repeats the column '" + Messages.shorten(name)
                        + "' (columns " + (first + 1) + " and " + (i + 1) + ")");
            }
        }
        return names.size();
    }

    private static int required(Map<String, Integer> header, CsvColumn column, String file) {
        int index = column.indexIn(header);
        if (index < 0) {
            throw new InputException(file, 1, "not a k6 CSV: no '" + column.header() + "' column");
        }
        return index;
    }

    /** A row's tags: its tag cells and {@code extra_tags}, made once for each distinct bytes of those cells. */
    private static final class Tags {
        private final List<Map.Entry<String, Integer>> columns;
        private final int extraColumn;
        private final BytesCache<RequestTags> cache = new BytesCache<>();
        private final RowKey key = new RowKey();

        Tags(List<Map.Entry<String, Integer>> columns, int extraColumn) {
            this.columns = columns;
            this.extraColumn = extraColumn;
        }

        RequestTags of(DelimitedReader row) {
            key.clear();
            for (Map.Entry<String, Integer> c : columns) {
                key.add(row, c.getValue());
            }
            if (extraColumn >= 0) {
                key.add(row, extraColumn);
            }
            RequestTags tags = key.get(cache);
            if (tags == null) {
                tags = parse(row);
                key.put(cache, tags);
            }
            return tags;
        }

        private RequestTags parse(DelimitedReader row) {
            Map<String, String> map = new HashMap<>();
            for (Map.Entry<String, Integer> c : columns) {
                map.put(c.getKey(), row.text(c.getValue()));
            }
            if (extraColumn >= 0) {
                // k6 joins non-system tags as k=v&k2=v2 without escaping; a value holding '&' cannot be told apart
                for (String pair : row.text(extraColumn).split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        map.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                }
            }
            return RequestTags.of(map);
        }
    }

    private static double number(String text, String file, long line) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException(file, line, "metric_value is not a number: \"" + Messages.shorten(text) + "\"");
    }
}
