package dev.loadverdict.extractor.locust;

import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.BytesCache;
import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.RowKey;
import dev.loadverdict.extractor.internal.TimeWindow;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.InputException;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Locust's {@code *_stats_history.csv}, streamed: one row per endpoint (with {@code --csv-full-history}) and
 * one {@code Aggregated} row per timestamp, each carrying cumulative totals. Memory grows with the number of
 * endpoints, not of rows.
 *
 * <p>Percentiles: with {@code --csv-full-history} Locust writes those of about the last ten seconds; without it, those
 * of the whole run so far, no p95 of the moment, so the time series then carries requests and failures only.
 *
 * <p>Counting rule: the requests between two rows are dated at the later row's timestamp (the end of the
 * interval they were made in). So the requests of a window {@code [from, to)} are the cumulative total of the
 * last row dated before {@code to} minus that of the last row dated before {@code from} (zero when there is
 * none): exact, with the window's edges moved to the history's rows (about every second). A total that goes
 * down (Locust's statistics were reset) continues from where it was, with a warning.
 */
final class HistoryCsv {

    private HistoryCsv() {
    }

    /** Cumulative counts at one row, continued across statistics resets. */
    record Snapshot(long epochMs, long requests, long failures, double responseTimeSumMs) {
    }

    /** One endpoint's (or the total's) rows: the window's edges and its time series. */
    static final class Track {
        final EndpointId id;
        Snapshot before;
        Snapshot last;
        final IntervalSeries series = new IntervalSeries();
        private Snapshot previous;
        private long previousRawRequests;
        private long previousRawFailures;
        private double previousRawSum;
        private long offsetRequests;
        private long offsetFailures;
        private double offsetSum;

        Track(EndpointId id) {
            this.id = id;
        }

        /** Requests dated inside the window. */
        long requests() {
            return last == null ? 0 : last.requests - (before == null ? 0 : before.requests);
        }

        long failures() {
            return last == null ? 0 : last.failures - (before == null ? 0 : before.failures);
        }

        /** The mean response time of the window's requests, in ms, when the rows give averages. */
        OptionalDouble mean() {
            long n = requests();
            double sum = last == null ? Double.NaN : last.responseTimeSumMs - (before == null ? 0 : before.responseTimeSumMs);
            return n > 0 && Double.isFinite(sum) && sum >= 0 ? OptionalDouble.of(sum / n) : OptionalDouble.empty();
        }

        /** Returns whether the totals went down (a statistics reset). */
        private boolean observe(long epochMs, long rawRequests, long rawFailures, double rawSum, OptionalDouble p95,
                                TimeWindow window) {
            boolean reset = previous != null && (rawRequests < previousRawRequests || rawFailures < previousRawFailures);
            if (reset) {
                offsetRequests += previousRawRequests;
                offsetFailures += previousRawFailures;
                offsetSum += previousRawSum;
            }
            Snapshot s = new Snapshot(epochMs, offsetRequests + rawRequests, offsetFailures + rawFailures, offsetSum + rawSum);
            if (epochMs < window.fromMs()) {
                before = s;
            }
            if (epochMs < window.toMs()) {
                last = s;
                if (epochMs >= window.fromMs()) {
                    series.add(epochMs, s.requests - (previous == null ? 0 : previous.requests),
                            s.failures - (previous == null ? 0 : previous.failures), p95);
                }
            }
            previous = s;
            previousRawRequests = rawRequests;
            previousRawFailures = rawFailures;
            previousRawSum = rawSum;
            return reset;
        }
    }

    /**
     * What the history holds for a window.
     *
     * @param firstMs the first row's timestamp
     * @param lastMs the last row's timestamp
     * @param peakUsers the highest user count inside the window
     * @param total the {@code Aggregated} rows
     * @param endpoints the endpoint rows by endpoint key, in order of appearance (empty without {@code --csv-full-history})
     * @param warnings problems that did not stop the reading
     */
    record History(long firstMs, long lastMs, OptionalInt peakUsers, Track total, Map<String, Track> endpoints,
                   List<String> warnings) {
    }

    static History read(Path path, String file, TimeWindow window) {
        Diagnostics diagnostics = new Diagnostics(file);
        Map<String, Track> endpoints = new LinkedHashMap<>();
        Track total = new Track(EndpointId.of(null, "Aggregated"));
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int peak = -1;
        boolean resetWarned = false;
        boolean fullHistory = false; // endpoint rows come before each Aggregated row, and only with full history
        BytesCache<Track> tracks = new BytesCache<>(); // by the bytes of type and name
        RowKey key = new RowKey();
        try (CsvRows rows = new CsvRows(file, InputFiles.openBytes(path, file))) {
            Columns c = Columns.of(rows, file);
            while (nextComplete(rows, c, file, diagnostics)) {
                long t = c.epochMs(rows);
                first = Math.min(first, t);
                last = Math.max(last, t);
                key.clear();
                if (c.type != null) {
                    rows.addTo(key, c.type);
                }
                rows.addTo(key, c.name);
                Track track = key.get(tracks);
                if (track == null) { // the first row of this type and name (or the cache started afresh)
                    String type = c.type == null ? "" : rows.text(c.type);
                    String name = rows.text(c.name);
                    if (Headers.isTotal(type, name)) {
                        track = total;
                    } else {
                        EndpointId id = EndpointId.of(Headers.method(type), name);
                        track = endpoints.computeIfAbsent(id.key(), k -> new Track(id));
                    }
                    key.put(tracks, track);
                }
                if (track == total && c.users != null && window.contains(t)) {
                    peak = Math.max(peak, (int) Math.min(Integer.MAX_VALUE, rows.wholeNumber(c.users)));
                }
                long requests = rows.wholeNumber(c.requests);
                long failures = rows.wholeNumber(c.failures);
                OptionalDouble average = c.average == null ? OptionalDouble.empty() : rows.number(c.average);
                fullHistory |= track != total;
                OptionalDouble p95 = c.p95 == null ? OptionalDouble.empty() : rows.number(c.p95);
                // 0 while Locust's sliding window is still empty is no measurement; nor is a cumulative p95 (see above)
                OptionalDouble measured = fullHistory && p95.isPresent() && p95.getAsDouble() > 0 ? p95 : OptionalDouble.empty();
                boolean reset = track.observe(t, requests, failures,
                        average.isPresent() ? average.getAsDouble() * requests : Double.NaN, measured, window);
                if (reset && !resetWarned) {
                    diagnostics.warn(rows.line(), "the cumulative totals go down (Locust's statistics "
                            + "were reset); counting continues from the totals before the reset");
                    resetWarned = true;
                }
            }
        }
        if (first == Long.MAX_VALUE) {
            throw new InputException(file, "Locust stats history with a header but no rows");
        }
        return new History(first, last, peak < 0 ? OptionalInt.empty() : OptionalInt.of(peak), total, endpoints,
                diagnostics.warnings());
    }

    /**
     * The longest stretch of {@code Aggregated} rows in a row whose user count is {@code users} (or the peak),
     * as the window {@code (first row, last row]}: the requests dated at the first row were made before it.
     */
    static TimeWindow plateau(Path path, String file, OptionalInt users) {
        Stretch stretch = new Stretch(users);
        Diagnostics ignored = new Diagnostics(file); // the run's reading warns about this file itself
        try (CsvRows rows = new CsvRows(file, InputFiles.openBytes(path, file))) {
            Columns c = Columns.of(rows, file);
            if (c.users == null) {
                throw new InputException(file, 1, "has no User Count column, so no stretch at a user count can be found");
            }
            while (nextComplete(rows, c, file, ignored)) {
                if (Headers.isTotal(c.type == null ? "" : rows.text(c.type), rows.text(c.name))) {
                    stretch.row(c.epochMs(rows), rows.wholeNumber(c.users));
                }
            }
        }
        return stretch.window(file);
    }

    /**
     * Every user count of the {@code Aggregated} rows with its longest stretch of consecutive rows, in ms (first row to
     * last row of the stretch), by ascending count; counts of 0 are left out.
     */
    static java.util.SortedMap<Integer, Long> levels(Path path, String file) {
        java.util.SortedMap<Integer, Long> longest = new java.util.TreeMap<>();
        Diagnostics ignored = new Diagnostics(file); // the run's reading warns about this file itself
        long count = -1;
        long runStart = -1;
        try (CsvRows rows = new CsvRows(file, InputFiles.openBytes(path, file))) {
            Columns c = Columns.of(rows, file);
            if (c.users == null) {
                throw new InputException(file, 1, "has no User Count column, so no user-count plateaus can be found");
            }
            while (nextComplete(rows, c, file, ignored)) {
                if (!Headers.isTotal(c.type == null ? "" : rows.text(c.type), rows.text(c.name))) {
                    continue;
                }
                long ms = c.epochMs(rows);
                long users = rows.wholeNumber(c.users);
                if (users != count) {
                    count = users;
                    runStart = ms;
                }
                if (count > 0 && count <= Integer.MAX_VALUE) {
                    longest.merge((int) count, ms - runStart, Math::max);
                }
            }
        }
        return longest;
    }

    /**
     * The longest run of consecutive rows at a user count, found in one pass: at a given count, or at the peak
     * (a new peak starts the search afresh).
     */
    private static final class Stretch {
        private final OptionalInt wanted;
        private long target = -1;
        private long runStart = -1;
        private long bestStart = -1;
        private long bestEnd = -1;

        Stretch(OptionalInt wanted) {
            this.wanted = wanted;
            wanted.ifPresent(u -> target = u);
        }

        void row(long epochMs, long users) {
            if (wanted.isEmpty() && users > target) {
                target = users;
                runStart = -1;
                bestStart = -1;
                bestEnd = -1;
            }
            if (users != target) {
                runStart = -1;
                return;
            }
            if (runStart < 0) {
                runStart = epochMs;
            }
            if (bestStart < 0 || epochMs - runStart > bestEnd - bestStart) {
                bestStart = runStart;
                bestEnd = epochMs;
            }
        }

        TimeWindow window(String file) {
            if (bestStart < 0) {
                throw new InputException(file, target < 0 ? "has no rows with a user count" : "the user count is never " + target);
            }
            if (bestEnd <= bestStart) {
                throw new InputException(file, "the user count is " + target + " in a single history row only, "
                        + "which leaves no requests to keep");
            }
            return new TimeWindow(bestStart + 1, bestEnd + 1);
        }
    }

    /**
     * The next row with every field; a short last row (the file was cut off while Locust wrote it) ends the
     * reading with a warning, a short row elsewhere is an error.
     */
    private static boolean nextComplete(CsvRows rows, Columns c, String file, Diagnostics diagnostics) {
        if (!rows.next()) {
            return false;
        }
        if (rows.size() == c.size) {
            return true;
        }
        long line = rows.line();
        int size = rows.size();
        if (rows.next()) {
            throw new InputException(file, line, "has " + size + " fields but the header has " + c.size
                    + ": the file is damaged");
        }
        diagnostics.warn(line, "the last row is cut off (Locust was still writing the file); "
                + "the rows before it are used");
        return false;
    }

    /** The header names of the columns read, chosen once per file. */
    private record Columns(int size, String timestamp, String users, String type, String name, String requests,
                           String failures, String average, String p95) {

        static Columns of(CsvRows rows, String file) {
            Map<String, Integer> header = rows.header();
            Map<HistoryColumn, String> found = new EnumMap<>(HistoryColumn.class);
            for (HistoryColumn column : HistoryColumn.values()) {
                column.findIn(header).ifPresent(h -> found.put(column, h));
            }
            for (HistoryColumn required : List.of(HistoryColumn.TIMESTAMP, HistoryColumn.NAME,
                    HistoryColumn.TOTAL_REQUESTS, HistoryColumn.TOTAL_FAILURES)) {
                if (!found.containsKey(required)) {
                    throw new InputException(file, 1, "not a Locust 1.x-2.x stats history CSV: no '"
                            + required.aliases().get(0) + "' column");
                }
            }
            return new Columns(header.size(), found.get(HistoryColumn.TIMESTAMP), found.get(HistoryColumn.USER_COUNT),
                    found.get(HistoryColumn.TYPE), found.get(HistoryColumn.NAME), found.get(HistoryColumn.TOTAL_REQUESTS),
                    found.get(HistoryColumn.TOTAL_FAILURES), found.get(HistoryColumn.TOTAL_AVERAGE),
                    Headers.percentiles(header).get(95.0));
        }

        long epochMs(CsvRows rows) {
            double plain = rows.plainNumber(timestamp);
            if (plain >= 0 && plain <= 1e11) {
                return Math.round(plain * 1000);
            }
            String text = rows.text(timestamp);
            try {
                double seconds = Double.parseDouble(text);
                if (!(seconds >= 0) || seconds > 1e11) {
                    throw rows.fail("Timestamp is not epoch seconds: \"" + Messages.shorten(text) + "\"");
                }
                return Math.round(seconds * 1000);
            } catch (NumberFormatException e) {
                throw rows.fail("Timestamp is not a number: \"" + Messages.shorten(text) + "\"");
            }
        }
    }
}
