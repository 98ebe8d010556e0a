package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.internal.DelimitedReader;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.Splitting;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.SplitReading;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads JMeter's JTL results in CSV form: one raw sample per row, so percentiles are exact and the run can
 * be cut to a time window.
 *
 * <p><b>Detection</b> (from the first 64 KiB): a header line naming {@code label} and at least two more
 * JMeter columns (full match when {@code timeStamp}, {@code elapsed}, {@code label} and {@code success}
 * are all there), or, without a header, a first record shaped like a sample in JMeter's default column
 * order. See {@link CsvLayout} for delimiters and header-less column sets.
 *
 * <p><b>Reading</b>: {@code timeStamp} is the sample's start (JMeter's shipped
 * {@code sampleresult.timestamp.start=true}) in epoch ms or a date format recognised from the first row
 * ({@link TimestampFormat}); {@code elapsed} is whole ms. Each row counts as described in
 * {@link SampleRules} (sub-results {@code label-N} count for their own label, transaction-controller rows
 * stay out of the totals); a row with {@code SampleCount}/{@code ErrorCount} counts as that many samples.
 * Endpoint labels: the {@code label} as name, the {@code URL} column as URL (absent when {@code null}),
 * the thread group from {@code threadName}. Users: the largest {@code allThreads}.
 *
 * <p><b>Errors</b>: a cell that cannot be read fails the file with its line and column; a last line cut
 * off by a killed run is skipped with a warning. Files without {@code timeStamp}, {@code elapsed},
 * {@code label} or {@code success} columns (JMeter can be told not to save them) are refused, since
 * loadverdict needs all four.
 */
final class JtlCsvFormat implements ResultFormat {

    @Override
    public String displayName() {
        return "JMeter JTL CSV";
    }

    @Override
    public boolean rawSamples() {
        return true;
    }

    @Override
    public MatchStrength detect(Head head) {
        return CsvLayout.of(head).map(CsvLayout::strength).orElse(MatchStrength.NO_MATCH);
    }

    @Override
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        CsvLayout layout = CsvLayout.of(head).orElseThrow(() -> new InputException(displayPath,
                "not a JMeter JTL CSV: no header naming JMeter columns, and the first row is no JMeter sample"));
        if (!layout.missing().isEmpty()) {
            throw new InputException(displayPath, 1, "JMeter CSV without "
                    + layout.missing().stream().map(c -> "'" + c.header() + "'").collect(Collectors.joining(", "))
                    + " column(s): loadverdict needs the start, response time, label and outcome of every sample"
                    + " (see jmeter.save.saveservice.* in jmeter.properties)");
        }
        Splitting splitting = context.splittingNow();
        Optional<Part> split = SplitReading.read(path, splitting, SplitReading.LineTest.ANY,
                (bytes, first, last) -> readPart(layout, bytes, first, last, context.forPart(splitting), displayPath),
                JtlCsvFormat::absorb);
        if (split.isPresent()) {
            SplitReading.merged();
            return split.get().recorder.finish();
        }
        SampleRecorder recorder = new SampleRecorder(context, displayPath);
        try (DelimitedReader row = new DelimitedReader(InputFiles.openBytes(path, displayPath), displayPath,
                layout.delimiter(), CsvLayout.KIND)) {
            new Rows(layout, row, recorder, displayPath).read(true);
        }
        return recorder.finish();
    }

    /** What one part of a file split for reading holds (see {@link SplitReading}). */
    private record Part(SampleRecorder recorder, String timestamps) {
    }

    /** One part of the file, or null when it cannot be merged exactly. */
    private static Part readPart(CsvLayout layout, InputStream bytes, boolean first, boolean last, ReadContext context,
                                 String displayPath) {
        SampleRecorder recorder = new SampleRecorder(context, displayPath);
        try (DelimitedReader row = new DelimitedReader(bytes, displayPath, layout.delimiter(), CsvLayout.KIND)) {
            Rows rows = new Rows(layout, row, recorder, displayPath);
            rows.read(first);
            boolean endsAtRecord = last || row.terminated();
            boolean warnedOnLine = !first && recorder.warned();
            return endsAtRecord && !warnedOnLine ? new Part(recorder, String.valueOf(rows.timestamps)) : null;
        }
    }

    /** Merges a part into the parts before it: false when their timestamps differ in format, or it cannot be exact. */
    private static boolean absorb(Part earlier, Part later) {
        return later.timestamps.equals(earlier.timestamps) && earlier.recorder.absorb(later.recorder);
    }

    /** One pass over the records of a file. */
    private static final class Rows {
        private final CsvLayout layout;
        private final DelimitedReader row;
        private final SampleRecorder recorder;
        private final String file;
        private final LabelCache labels = new LabelCache();
        private final int timestamp;
        private final int elapsed;
        private final int label;
        private final int success;
        private final int message;
        private final int code;
        private final int failure;
        private final int url;
        private final int thread;
        private final int allThreads;
        private final int sampleCount;
        private final int errorCount;
        private TimestampFormat timestamps;

        Rows(CsvLayout layout, DelimitedReader row, SampleRecorder recorder, String file) {
            this.layout = layout;
            this.row = row;
            this.recorder = recorder;
            this.file = file;
            timestamp = layout.index(JtlColumn.TIMESTAMP);
            elapsed = layout.index(JtlColumn.ELAPSED);
            label = layout.index(JtlColumn.LABEL);
            success = layout.index(JtlColumn.SUCCESS);
            message = layout.index(JtlColumn.RESPONSE_MESSAGE);
            code = layout.index(JtlColumn.RESPONSE_CODE);
            failure = layout.index(JtlColumn.FAILURE_MESSAGE);
            url = layout.index(JtlColumn.URL);
            thread = layout.index(JtlColumn.THREAD_NAME);
            allThreads = layout.index(JtlColumn.ALL_THREADS);
            sampleCount = layout.index(JtlColumn.SAMPLE_COUNT);
            errorCount = layout.index(JtlColumn.ERROR_COUNT);
        }

        /** Reads the records; {@code atFileStart}: the header, when the file has one, comes first. */
        void read(boolean atFileStart) {
            if (atFileStart && layout.header() && !row.next()) {
                return;
            }
            int width = layout.width();
            while (row.next()) {
                if (row.unclosedQuote()) {
                    if (row.lastLine() > row.line()) {
                        throw DelimitedReader.unclosed(file, row); // it swallowed the lines after it
                    }
                    truncated("a quoted field is cut off");
                    return;
                }
                if (row.isBlank()) {
                    continue;
                }
                if (row.size() < width) {
                    if (!row.terminated()) {
                        truncated("it has " + row.size() + " of " + width + " fields");
                        return;
                    }
                    throw new InputException(file, row.line(), "has " + row.size() + " fields where the "
                            + (layout.header() ? "header has " : "first row has ") + width);
                }
                try {
                    sample();
                } catch (InputException e) {
                    if (row.terminated()) {
                        throw e;
                    }
                    truncated(e.detail());
                    return;
                }
            }
        }

        private void truncated(String why) {
            recorder.warn(row.line(), "truncated: the last line ends without a line break and cannot be read ("
                    + why + "), probably cut off when the run was stopped; skipped");
        }

        private void sample() {
            if (message >= 0 && row.startsWith(message, SampleRules.EMPTY_TRANSACTION)) {
                return;
            }
            long start = start();
            long elapsedMs = number(elapsed, JtlColumn.ELAPSED);
            Boolean ok = row.bool(success);
            if (ok == null) {
                throw fail(success, JtlColumn.SUCCESS, "is neither true nor false");
            }
            boolean transaction = message >= 0 && row.startsWith(message, SampleRules.TRANSACTION);
            RequestLabels labelsOfRow = labels.get(row, label, url, thread);
            String kind = ok ? null : SampleRules.failureKind(text(failure), text(code), text(message));
            if (allThreads >= 0 && !row.isEmpty(allThreads)) {
                recorder.threads(number(allThreads, JtlColumn.ALL_THREADS));
            }
            long count = sampleCount >= 0 ? number(sampleCount, JtlColumn.SAMPLE_COUNT) : 1;
            if (count < 1 || count > ReadLimits.MAX_SAMPLE_COUNT) {
                throw fail(sampleCount, JtlColumn.SAMPLE_COUNT, "is not between 1 and " + ReadLimits.MAX_SAMPLE_COUNT);
            }
            long errors = errorCount >= 0 ? number(errorCount, JtlColumn.ERROR_COUNT) : -1;
            recorder.record(labelsOfRow, start, elapsedMs, ok, kind, transaction, count, errors, row.line());
        }

        private long start() {
            if (timestamps == null) {
                timestamps = TimestampFormat.of(row.text(timestamp)).orElseThrow(() -> fail(timestamp,
                        JtlColumn.TIMESTAMP, "is not " + TimestampFormat.known()));
            }
            try {
                return timestamps.parse(row, timestamp);
            } catch (NumberFormatException | DateTimeException e) {
                throw fail(timestamp, JtlColumn.TIMESTAMP, "does not match the file's first timestamp ("
                        + timestamps + ")");
            }
        }

        private long number(int field, JtlColumn column) {
            try {
                return row.wholeNumber(field);
            } catch (NumberFormatException e) {
                throw fail(field, column, "is not a whole number");
            }
        }

        private String text(int field) {
            return field >= 0 ? row.text(field) : null;
        }

        private InputException fail(int field, JtlColumn column, String problem) {
            String value = row.text(field);
            if (value.length() > 40) {
                value = value.substring(0, 40) + "…";
            }
            return new InputException(file, row.line(), "column '" + column.header() + "' (field " + (field + 1)
                    + ") " + problem + ": \"" + value + "\"");
        }
    }
}
