package dev.loadverdict.extractor.gatling;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.BoundedLineReader;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
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
        GatlingRecorder recorder = new GatlingRecorder(context, displayPath);
        try (Reader text = InputFiles.openText(path, displayPath);
             Lines lines = new Lines(new BoundedLineReader(text, displayPath, ReadLimits.MAX_LINE))) {
            new Records(lines, recorder, displayPath, head::lines)
                    .read();
        } catch (IOException e) {
            throw new InputException(displayPath, java.util.OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new InputException(displayPath, java.util.OptionalLong.empty(),
                    "cannot be read: " + e.getCause().getMessage(), e);
        }
        return recorder.finish();
    }

    /** One pass over the records of a file, in the dialect its RUN record says. */
    private static final class Records {
        private final Lines lines;
        private final GatlingRecorder recorder;
        private final String file;
        private final Supplier<List<String>> head;
        private TextDialect dialect;
        private String[] f;
        private long skippedGroups;
        private long firstSkippedGroup;

        Records(Lines lines, GatlingRecorder recorder, String file, Supplier<List<String>> head) {
            this.lines = lines;
            this.head = head;
            this.recorder = recorder;
            this.file = file;
        }

        void read() {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                f = line.split("\t", -1);
                try {
                    record();
                } catch (InputException e) {
                    if (lines.terminated()) {
                        throw e;
                    }
                    recorder.warn(lines.number(), "truncated: the last line ends without a line break"
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

        private void record() {
            if (dialect == null) {
                if (f[0].equals("ASSERTION")) {
                    return;
                }
                run();
                return;
            }
            String type = dialect.typeOf(f);
            if (type == null) {
                throw fail("a record of " + f.length + " field(s) has no record type");
            }
            if (type.equals(dialect.requestType)) {
                request();
            } else if (type.equals("GROUP") && dialect.groupGroups >= 0) {
                group();
            } else if (type.equals(dialect.userType)) {
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
                recorder.warn(lines.number(), "the RUN record's shape (" + f.length + " fields) and"
                        + " version field ('" + Messages.shorten(f[shape.version].strip()) + "') disagree, as in a"
                        + " hand-made or edited file; the records are read as a " + dialect + ", the layout the first"
                        + " REQUEST record fits");
            }
            Long start = shape.start >= 0 ? time(shape.start, "run start") : null;
            recorder.run(start, TextDialect.toolVersion(shape, version, f), f[shape.simulation]);
        }

        private void request() {
            if (f.length < dialect.requestStatus + 1) {
                throw fail("REQUEST record with " + f.length + " fields; the " + dialect + " layout has "
                        + (dialect.requestMessage + 1));
            }
            long start = time(dialect.requestStart, "start");
            long end = time(dialect.requestEnd, "end");
            if (end < start) {
                throw fail("REQUEST record ends (" + end + ") before it starts (" + start + ")");
            }
            boolean ok = status(dialect.requestStatus);
            String message = f.length > dialect.requestMessage ? f[dialect.requestMessage] : "";
            recorder.request(groups(dialect.requestGroups), f[dialect.requestName], start, end, ok, message);
        }

        private void group() {
            if (f.length != dialect.groupStatus + 1 || !TextDialect.isNumber(f[dialect.groupStart]) || !TextDialect.isNumber(f[dialect.groupEnd])
                    || !TextDialect.isNumber(f[dialect.groupCumulated])
                    || !(f[dialect.groupStatus].equals("OK") || f[dialect.groupStatus].equals("KO"))) {
                if (skippedGroups++ == 0) {
                    firstSkippedGroup = lines.number();
                }
                return;
            }
            recorder.group(groups(dialect.groupGroups), time(dialect.groupStart, "start"),
                    time(dialect.groupCumulated, "cumulated response time"), status(dialect.groupStatus));
        }

        private void user() {
            String event = f.length > dialect.userEvent ? f[dialect.userEvent] : "";
            if (event.equals("START")) {
                recorder.userStart();
            } else if (event.equals("END")) {
                recorder.userEnd();
            }
        }

        private List<String> groups(int field) {
            if (field < 0 || f[field].isEmpty()) {
                return List.of();
            }
            return List.of(f[field].split(",", -1));
        }

        private boolean status(int field) {
            return switch (f[field]) {
                case "OK" -> true;
                case "KO" -> false;
                default -> throw fail("field " + (field + 1) + " should be OK or KO but is '" + Messages.shorten(f[field])
                        + "' (the " + dialect + " layout)");
            };
        }

        private long time(int field, String what) {
            if (field >= f.length) {
                throw fail("record has no field " + (field + 1) + " (" + what + ")");
            }
            String value = f[field];
            if (!TextDialect.isNumber(value)) {
                throw fail("field " + (field + 1) + " (" + what + ") is not a whole number of ms: '"
                        + Messages.shorten(value) + "'" + (dialect == null ? "" : " (the " + dialect + " layout)"));
            }
            return Long.parseLong(value);
        }

        private InputException fail(String message) {
            return new InputException(file, lines.number(), message);
        }
    }

    /** Lines of text, numbered, knowing whether the last one ended with a line break. */
    private static final class Lines implements AutoCloseable {
        private final Reader in;
        private final char[] buffer = new char[1 << 16];
        private final StringBuilder line = new StringBuilder();
        private int position;
        private int limit;
        private long number;
        private boolean terminated = true;
        private boolean afterCr;

        Lines(Reader in) {
            this.in = in;
        }

        /** The next line without its terminator ({@code \n}, {@code \r\n} or {@code \r}), or null at the end. */
        String next() {
            line.setLength(0);
            boolean any = false;
            try {
                while (true) {
                    if (position == limit) {
                        limit = in.read(buffer, 0, buffer.length);
                        position = 0;
                        if (limit <= 0) {
                            limit = 0;
                            if (!any) {
                                return null;
                            }
                            terminated = false;
                            number++;
                            return line.toString();
                        }
                    }
                    if (afterCr) {
                        afterCr = false;
                        if (buffer[position] == '\n') {
                            position++;
                            continue;
                        }
                    }
                    int start = position;
                    while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                        position++;
                    }
                    line.append(buffer, start, position - start);
                    any = true;
                    if (position < limit) {
                        afterCr = buffer[position] == '\r';
                        position++;
                        terminated = true;
                        number++;
                        return line.toString();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long number() {
            return number;
        }

        boolean terminated() {
            return terminated;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
