package dev.loadverdict.extractor.gatling;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.Splitting;
import dev.loadverdict.extractor.internal.BytesCache;
import dev.loadverdict.extractor.internal.DelimitedReader;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.extractor.internal.RowKey;
import dev.loadverdict.extractor.internal.SplitReading;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads Gatling's text {@code simulation.log} (tab-separated; Gatling 1.2 to 3.12): one raw record per request,
 * so percentiles are exact and the run can be cut to a time window. Binary logs (3.13+) are read by
 * {@link GatlingBinaryLogFormat}.
 *
 * <p><b>Generations</b> ({@link TextDialect}): the RUN record's shape and version field pick the field layout once
 * per file: 1.x (ACTION/SCENARIO records), 2.0–2.1 (record type in the third field, four request timestamps),
 * 2.2–2.3, 3.0–3.3 and 3.4–3.12. A RUN record of an unknown version (a text log claiming 3.13+, 4.x) is refused.
 * Where the RUN record's shape and version disagree (hand-made test fixtures, edited files) the layout the first
 * REQUEST record fits is used, with a warning.
 *
 * <p><b>Records</b>: REQUEST (ACTION in 1.x) → one sample: start = its first timestamp (epoch ms), response time =
 * last − first (whole ms), OK/KO, the KO message as failure kind ({@code KO} when empty); endpoint naming in
 * {@link GatlingRecorder} (group path + name; group path as the {@code group} label). Group paths are written
 * joined by {@code ,} and split there, as Gatling's own reader does (a group name holding a comma is split too).
 * GROUP → an endpoint of its own outside the totals. USER START/END → the peak number of concurrent users, counted
 * in file order (records are written as they complete, so this is close to but not exactly the time order; a run
 * cut short lacks END records, which only leaves the count high at the end). RUN → start, version (Gatling's in
 * 3.x; "2.x (log format 2.0)" in 2.x, which records only its log format; "1.x"), simulation class as the
 * {@code simulation} label. ASSERTION and ERROR records are skipped; ASSERTION may come before RUN.
 *
 * <p><b>Quirks accepted</b>: the message field missing on OK lines (trimmed by editors), unsorted timestamps, empty
 * request names, {@code \n}, {@code \r\n} line ends. Three-field {@code GROUP\tmessage\tts} lines (seen in a Taurus
 * log) and other GROUP records that do not fit the layout are skipped with one warning that counts them.
 *
 * <p><b>Errors</b>: a REQUEST record that does not fit the generation's layout fails the file with its line; a
 * last line without a line break that cannot be read is skipped with a warning (a run killed mid-write). Lines are
 * limited to {@link ReadLimits#MAX_LINE} characters.
 */
final class GatlingTextLogFormat implements ResultFormat {

    private static final int RUN_SEARCH_LINES = 200;
    /** What the file is called in the error about a line too long to be one. */
    private static final String KIND = "Gatling simulation.log";

    @Override
    public String displayName() {
        return "Gatling simulation.log (text)";
    }

    @Override
    public boolean rawSamples() {
        return true;
    }

    @Override
    public MatchStrength detect(Head head) {
        for (String line : firstRecords(head.lines())) {
            String[] fields = line.split("\t", -1);
            Optional<TextDialect.RunShape> shape = TextDialect.RunShape.of(fields);
            if (shape.isEmpty()) {
                return MatchStrength.NO_MATCH;
            }
            // A RUN of a version that never wrote text logs is still recognised, so that reading says what is wrong.
            return TextDialect.Version.of(shape.get(), fields) == TextDialect.Version.UNKNOWN
                    ? MatchStrength.SOLID_MATCH : MatchStrength.FULL_MATCH;
        }
        return MatchStrength.NO_MATCH;
    }

    /** The lines after leading ASSERTION records and blank lines. */
    private static List<String> firstRecords(List<String> lines) {
        List<String> records = new ArrayList<>();
        for (String line : lines.subList(0, Math.min(lines.size(), RUN_SEARCH_LINES))) {
            if (!line.isBlank() && !line.startsWith("ASSERTION\t")) {
                records.add(line);
            }
        }
        return records;
    }

    @Override
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        Splitting splitting = context.splittingNow();
        Optional<TextDialect> dialect = splitting.threads() > 1 ? dialectOfHead(head) : Optional.empty();
        if (dialect.isPresent()) {
            Optional<GatlingRecorder> split = SplitReading.read(path, splitting, SplitReading.LineTest.ANY,
                    (bytes, first, last) -> readPart(bytes, first, last, dialect.get(), head,
                            context.forPart(splitting)), GatlingRecorder::absorb);
            if (split.isPresent()) {
                SplitReading.merged();
                return split.get().finish();
            }
        }
        GatlingRecorder recorder = new GatlingRecorder(context, displayPath);
        try (DelimitedReader row = DelimitedReader.literal(InputFiles.openBytes(path, displayPath), displayPath, '\t',
                KIND)) {
            new Records(row, recorder, displayPath, head::lines, null).read();
        }
        return recorder.finish();
    }

    /**
     * The layout the RUN record in the head picks, as {@link Records} will pick it (empty when it would refuse the
     * file): the parts of a file split for reading after the first one ({@link SplitReading}) never see that record.
     */
    private static Optional<TextDialect> dialectOfHead(Head head) {
        for (String line : firstRecords(head.lines())) {
            String[] fields = line.split("\t", -1);
            Optional<TextDialect.RunShape> shape = TextDialect.RunShape.of(fields);
            if (shape.isEmpty()) {
                return Optional.empty();
            }
            TextDialect.Version version = TextDialect.Version.of(shape.get(), fields);
            if (version == TextDialect.Version.UNKNOWN) {
                return Optional.empty();
            }
            Optional<TextDialect> declared = TextDialect.declared(shape.get(), version);
            return declared.isPresent() ? declared : TextDialect.inferred(head.lines());
        }
        return Optional.empty();
    }

    /**
     * One part of a file split for reading, or null when it cannot be merged exactly: it does not end at a record's
     * end, a part after the first warned about a line (its line numbers count from the part's start), or the first
     * part picked another layout than {@link #dialectOfHead}.
     */
    private static GatlingRecorder readPart(InputStream bytes, boolean first, boolean last, TextDialect dialect,
                                            Head head, ReadContext context) {
        String file = head.displayPath();
        GatlingRecorder recorder = new GatlingRecorder(context, file);
        try (DelimitedReader row = DelimitedReader.literal(bytes, file, '\t', KIND)) {
            Records records = new Records(row, recorder, file, head::lines, first ? null : dialect);
            records.read();
            boolean endsAtRecord = last || row.terminated();
            boolean warnedOnLine = !first && recorder.warned();
            return endsAtRecord && !warnedOnLine && records.dialect == dialect ? recorder : null;
        }
    }

    /** One pass over the records of a file, in the dialect its RUN record says. */
    private static final class Records {
        private final DelimitedReader row;
        private final GatlingRecorder recorder;
        private final String file;
        private final Supplier<List<String>> head;
        private TextDialect dialect;
        /** The fields of a record other than REQUEST, as text (requests are read from the row's bytes). */
        private String[] f;
        private long skippedGroups;
        private long firstSkippedGroup;
        private final BytesCache<RequestLabels> labels = new BytesCache<>();
        private final BytesCache<RequestLabels> groupLabels = new BytesCache<>();
        private final RowKey key = new RowKey();

        /**
         * @param dialect the layout, or null to take it from the file's RUN record (which must come first): a part of a
         *     file after the first is read in the layout of the whole file
         */
        Records(DelimitedReader row, GatlingRecorder recorder, String file, Supplier<List<String>> head,
                TextDialect dialect) {
            this.row = row;
            this.dialect = dialect;
            this.head = head;
            this.recorder = recorder;
            this.file = file;
        }

        void read() {
            while (row.next()) {
                if (blank()) {
                    continue;
                }
                try {
                    record();
                } catch (InputException e) {
                    if (row.terminated()) {
                        throw e;
                    }
                    recorder.warn(row.line(), "truncated: the last line ends without a line break"
                            + " and cannot be read (" + e.detail() + "), probably cut off when the run was stopped;"
                            + " skipped");
                    break;
                }
            }
            if (dialect == null) {
                throw new InputException(file, "no RUN record: not a Gatling simulation.log, or one cut off before"
                        + " its first record");
            }
            if (skippedGroups > 0) {
                recorder.warn(firstSkippedGroup, skippedGroups + " GROUP record(s) that do not fit the "
                        + dialect + " layout (such as 'GROUP<TAB>message<TAB>time') skipped, the first here");
            }
        }

        /** Whether the line is blank (whitespace only, tabs included), as {@link String#isBlank} says. */
        private boolean blank() {
            if (row.isBlank()) {
                return true;
            }
            if (row.size() == 1 || row.isEmpty(0) || row.array(0)[row.start(0)] <= ' ') {
                for (int i = 0; i < row.size(); i++) {
                    if (!row.text(i).isBlank()) {
                        return false;
                    }
                }
                return true;
            }
            return false; // a record type (a letter) or a field that starts with one
        }

        /** The record's fields as text. */
        private String[] fields() {
            String[] fields = new String[row.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = row.text(i);
            }
            return fields;
        }

        private void record() {
            if (dialect == null) {
                f = fields();
                if (f[0].equals("ASSERTION")) {
                    return;
                }
                run();
                return;
            }
            if (row.size() <= dialect.type) {
                throw fail("a record of " + row.size() + " field(s) has no record type");
            }
            if (row.is(dialect.type, dialect.requestType)) {
                request();
                return;
            }
            if (row.is(dialect.type, "GROUP") && dialect.groupGroups >= 0) {
                group();
            } else if (row.is(dialect.type, dialect.userType)) {
                user();
            }
            // RUN (a second one), ERROR, ASSERTION and unknown record types carry no samples.
        }

        /** The RUN record: its shape and version field choose the layout, or the first REQUEST record does. */
        private void run() {
            TextDialect.RunShape shape = TextDialect.RunShape.of(f).orElseThrow(() -> fail(
                    "expected Gatling's RUN record first, found '" + Messages.shorten(String.join(" ", f)) + "'"));
            TextDialect.Version version = TextDialect.Version.of(shape, f);
            if (version == TextDialect.Version.UNKNOWN) {
                throw fail("RUN record with version field '" + Messages.shorten(f[shape.version].strip())
                        + "': no such Gatling version wrote a text log (2.x write the log format 2.0, 3.0-3.12 their"
                        + " version; 3.13+ write a binary log)");
            }
            Optional<TextDialect> declared = TextDialect.declared(shape, version);
            if (declared.isPresent()) {
                dialect = declared.get();
            } else {
                dialect = TextDialect.inferred(head.get()).orElseThrow(() -> fail("RUN record of " + f.length
                        + " fields with version field '" + Messages.shorten(f[shape.version].strip()) + "' (they"
                        + " disagree: a hand-made or edited file), and no REQUEST record in the first "
                        + Head.MAX_CHARS / 1024 + " KiB fits a known layout"));
                recorder.warn(row.line(), "the RUN record's shape (" + f.length + " fields) and"
                        + " version field ('" + Messages.shorten(f[shape.version].strip()) + "') disagree, as in a"
                        + " hand-made or edited file; the records are read as a " + dialect + ", the layout the first"
                        + " REQUEST record fits");
            }
            Long start = shape.start >= 0 ? timeOf(shape.start, "run start") : null;
            recorder.run(start, TextDialect.toolVersion(shape, version, f), f[shape.simulation]);
        }

        /** A REQUEST record, read from the row's bytes: the hot path of a log. */
        private void request() {
            int size = row.size();
            if (size < dialect.requestStatus + 1) {
                throw fail("REQUEST record with " + size + " fields; the " + dialect + " layout has "
                        + (dialect.requestMessage + 1));
            }
            long start = time(dialect.requestStart, "start");
            long end = time(dialect.requestEnd, "end");
            if (end < start) {
                throw fail("REQUEST record ends (" + end + ") before it starts (" + start + ")");
            }
            boolean ok = status(dialect.requestStatus);
            String message = ok || size <= dialect.requestMessage ? "" : row.text(dialect.requestMessage);
            recorder.request(requestLabels(), start, end, ok, message);
        }

        /** The request's labels, made once for each group path and name (by their bytes). */
        private RequestLabels requestLabels() {
            key.clear();
            if (dialect.requestGroups >= 0) {
                key.add(row, dialect.requestGroups);
            }
            key.add(row, dialect.requestName);
            RequestLabels made = key.get(labels);
            if (made == null) {
                f = fields();
                made = GatlingRecorder.requestLabels(groups(dialect.requestGroups), f[dialect.requestName]);
                key.put(labels, made);
            }
            return made;
        }

        private void group() {
            if (row.size() != dialect.groupStatus + 1 || !row.isDigits(dialect.groupStart)
                    || !row.isDigits(dialect.groupEnd) || !row.isDigits(dialect.groupCumulated)
                    || !(row.is(dialect.groupStatus, "OK") || row.is(dialect.groupStatus, "KO"))) {
                if (skippedGroups++ == 0) {
                    firstSkippedGroup = row.line();
                }
                return;
            }
            if (row.isEmpty(dialect.groupGroups)) {
                return; // no hierarchy: not a group execution to time
            }
            key.clear();
            key.add(row, dialect.groupGroups);
            RequestLabels made = key.get(groupLabels);
            if (made == null) {
                f = fields();
                made = GatlingRecorder.groupLabels(groups(dialect.groupGroups));
                key.put(groupLabels, made);
            }
            recorder.group(made, time(dialect.groupStart, "start"), time(dialect.groupCumulated,
                    "cumulated response time"), status(dialect.groupStatus));
        }

        private void user() {
            if (row.size() > dialect.userEvent) {
                if (row.is(dialect.userEvent, "START")) {
                    recorder.userStart();
                } else if (row.is(dialect.userEvent, "END")) {
                    recorder.userEnd();
                }
            }
        }

        private List<String> groups(int field) {
            if (field < 0 || f[field].isEmpty()) {
                return List.of();
            }
            return List.of(f[field].split(",", -1));
        }

        private boolean status(int field) {
            if (row.is(field, "OK")) {
                return true;
            }
            if (row.is(field, "KO")) {
                return false;
            }
            throw fail("field " + (field + 1) + " should be OK or KO but is '" + Messages.shorten(row.text(field))
                    + "' (the " + dialect + " layout)");
        }

        /** A whole number of ms in a field of the row. */
        private long time(int field, String what) {
            if (field >= row.size()) {
                throw fail("record has no field " + (field + 1) + " (" + what + ")");
            }
            if (!row.isDigits(field)) {
                throw notANumber(field, what, row.text(field));
            }
            return row.wholeNumber(field);
        }

        /** A whole number of ms in a field of {@link #f}. */
        private long timeOf(int field, String what) {
            if (field >= f.length) {
                throw fail("record has no field " + (field + 1) + " (" + what + ")");
            }
            String value = f[field];
            if (!TextDialect.isNumber(value)) {
                throw notANumber(field, what, value);
            }
            return Long.parseLong(value);
        }

        private InputException notANumber(int field, String what, String value) {
            return fail("field " + (field + 1) + " (" + what + ") is not a whole number of ms: '"
                    + Messages.shorten(value) + "'" + (dialect == null ? "" : " (the " + dialect + " layout)"));
        }

        private InputException fail(String message) {
            return new InputException(file, row.line(), message);
        }
    }
}
