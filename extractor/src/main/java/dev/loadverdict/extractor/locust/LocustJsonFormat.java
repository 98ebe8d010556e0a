package dev.loadverdict.extractor.locust;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.Histograms;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.ServiceMapper;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Locust's {@code --json} output (Locust 2.x, printed to stdout): a JSON array with one object per endpoint
 * ({@code name}, {@code method}, {@code num_requests}, {@code num_none_requests}, {@code num_failures},
 * {@code total_response_time}, {@code min_response_time}, {@code max_response_time} in ms, {@code start_time}
 * and {@code last_request_timestamp} in epoch seconds, {@code response_times}, {@code num_reqs_per_sec},
 * {@code num_fail_per_sec}), streamed.
 *
 * <ul>
 *   <li>{@code response_times} is Locust's histogram: key = a response time in ms as a string ({@code "67"},
 *       {@code "120.0"}), rounded by Locust before counting (whole ms below 100 ms, 2 significant digits from
 *       100 ms; exactly: steps of 10 ms from 100 ms, 100 ms from 1 s, 1 s from 10 s), value = count. It
 *       becomes the endpoint's HdrHistogram, so percentiles are exact <em>for the rounded values</em> (the same
 *       values Locust's own percentile columns show); the run's precision says so
 *       ({@link SourcePrecision#locust()}).</li>
 *   <li>Count, failures, min, max and mean ({@code total_response_time} over the timed requests,
 *       {@code num_requests - num_none_requests}) come from the totals, not from the histogram.</li>
 *   <li>Throughput is requests over the run's duration, from the earliest {@code start_time} to the latest
 *       {@code last_request_timestamp}; {@code num_reqs_per_sec} and {@code num_fail_per_sec} (key = epoch second)
 *       give the time series.</li>
 *   <li>There is no total entry: the run's total adds the endpoints' histograms.</li>
 * </ul>
 * A file cut off inside an entry keeps the complete entries before it, with a warning.
 */
final class LocustJsonFormat implements ResultFormat {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(ReadLimits.MAX_JSON_STRING).maxNestingDepth(8).build())
            .build();

    @Override
    public String displayName() {
        return "Locust --json output";
    }

    @Override
    public MatchStrength detect(Head head) {
        String text = head.text().stripLeading();
        if (!text.startsWith("[")) {
            return MatchStrength.NO_MATCH;
        }
        boolean entry = text.contains("\"num_requests\"") && text.contains("\"total_response_time\"");
        if (entry && text.contains("\"response_times\"") && text.contains("\"num_reqs_per_sec\"")) {
            return MatchStrength.FULL_MATCH;
        }
        return entry ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
    }

    @Override
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        List<Entry> entries = new ArrayList<>();
        Diagnostics diagnostics = new Diagnostics(displayPath);
        IntervalSeries totalSeries = new IntervalSeries();
        try (Reader reader = InputFiles.openText(path, displayPath); JsonParser json = JSON.createParser(reader)) {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw fail(displayPath, json, "not Locust --json output: it is no JSON array");
            }
            try {
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    long line = json.currentLocation().getLineNr();
                    entries.add(Entry.read(json, displayPath, line, totalSeries));
                    if (entries.size() > ReadLimits.MAX_ENTRIES) {
                        throw new InputException(displayPath, line, "more than " + ReadLimits.MAX_ENTRIES + " entries");
                    }
                }
                if (json.currentToken() != JsonToken.END_ARRAY) {
                    throw fail(displayPath, json, "an array entry is no object: " + json.currentToken());
                }
            } catch (JsonEOFException e) {
                if (entries.isEmpty()) {
                    throw e;
                }
                diagnostics.warn(e.getLocation().getLineNr(), "the file ends inside an entry "
                        + "(cut off); the " + entries.size() + " complete entries before it are used");
            }
        } catch (JsonProcessingException e) {
            throw Messages.brokenJson(displayPath, e);
        } catch (IOException e) {
            throw new InputException(displayPath, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new InputException(displayPath, "Locust --json output without entries (no requests were made)");
        }
        double start = entries.stream().mapToDouble(e -> e.startTime).min().orElseThrow();
        double end = entries.stream().mapToDouble(e -> e.lastRequest).max().orElseThrow();
        double seconds = Math.max(0, end - start);
        List<ServiceMapper.Row> rows = new ArrayList<>();
        Histogram all = Histograms.newLatencyHistogram();
        for (Entry e : entries) {
            e.check(displayPath, diagnostics);
            rows.add(new ServiceMapper.Row(RequestLabels.of(e.method, e.name),
                    e.stats(EndpointId.of(e.method, e.name), seconds)));
            all.add(e.histogram);
        }
        Entry total = Entry.total(entries, all, totalSeries);
        EndpointStats totalStats = total.stats(EndpointId.of(null, "Aggregated"), seconds);
        long startMs = Math.round(start * 1000);
        long endMs = Math.round(end * 1000);
        RunMetadata metadata = HistoryWindow.timed(RunMetadata.of(Tool.LOCUST, Optional.of("2.x"), List.of(displayPath),
                SourcePrecision.locust()), startMs, Math.max(startMs, endMs), OptionalInt.empty());
        return new ToolResult(metadata, Optional.of(totalStats),
                ServiceMapper.group(rows, Optional.of(totalStats), context.resolver()), diagnostics.warnings());
    }

    /** {@link Entry#lockstep} for tests. */
    static double lockstepForTest(double ms) {
        return Entry.lockstep(ms);
    }

    private static InputException fail(String file, JsonParser json, String message) {
        return new InputException(file, json.currentLocation().getLineNr(), message);
    }

    /** One endpoint object (or, built from them, the total). */
    private static final class Entry {
        String name;
        String method;
        long line;
        double startTime = Double.NaN;
        double lastRequest = Double.NaN;
        long requests;
        long noneRequests;
        long failures;
        double totalResponseTime;
        OptionalDouble min = OptionalDouble.empty();
        OptionalDouble max = OptionalDouble.empty();
        Histogram histogram = Histograms.newLatencyHistogram();
        IntervalSeries series = new IntervalSeries();

        static Entry read(JsonParser json, String file, long line, IntervalSeries total) throws IOException {
            Entry e = new Entry();
            e.line = line;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "name" -> e.name = text(json, file, field);
                    case "method" -> e.method = value == JsonToken.VALUE_NULL ? null : Headers.method(text(json, file, field));
                    case "start_time" -> e.startTime = number(json, file, field).orElse(Double.NaN);
                    case "last_request_timestamp" -> e.lastRequest = number(json, file, field).orElse(Double.NaN);
                    case "num_requests" -> e.requests = whole(json, file, field);
                    case "num_none_requests" -> e.noneRequests = whole(json, file, field);
                    case "num_failures" -> e.failures = whole(json, file, field);
                    case "total_response_time" -> e.totalResponseTime = number(json, file, field).orElse(0);
                    case "min_response_time" -> e.min = number(json, file, field);
                    case "max_response_time" -> e.max = number(json, file, field);
                    case "response_times" -> e.readHistogram(json, file);
                    case "num_reqs_per_sec" -> e.readPerSecond(json, file, field, false, total);
                    case "num_fail_per_sec" -> e.readPerSecond(json, file, field, true, total);
                    default -> json.skipChildren();
                }
            }
            if (e.name == null) {
                throw new InputException(file, line, "an entry without a name");
            }
            if (Double.isNaN(e.startTime)) {
                throw new InputException(file, line, "entry '" + Messages.shorten(e.name) + "' has no start_time");
            }
            if (Double.isNaN(e.lastRequest)) {
                e.lastRequest = e.startTime;
            }
            return e;
        }

        private void readHistogram(JsonParser json, String file) throws IOException {
            expectObject(json, file, "response_times");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                json.nextToken();
                long count = whole(json, file, "response_times");
                double ms;
                try {
                    ms = Double.parseDouble(key);
                } catch (NumberFormatException ex) {
                    throw fail(file, json, "response_times key is not a time in ms: \"" + Messages.shorten(key) + "\"");
                }
                if (!(ms >= 0) || ms > ReadLimits.MAX_LATENCY_MS) {
                    throw fail(file, json, "response_times key is not a time in ms >= 0: \"" + Messages.shorten(key) + "\"");
                }
                if (count > 0) {
                    histogram.recordValueWithCount(Math.round(ms * 1000), count);
                }
            }
        }

        private void readPerSecond(JsonParser json, String file, String field, boolean failed, IntervalSeries total)
                throws IOException {
            expectObject(json, file, field);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                json.nextToken();
                long count = whole(json, file, field);
                long second;
                try {
                    second = Long.parseLong(key);
                } catch (NumberFormatException ex) {
                    throw fail(file, json, field + " key is not an epoch second: \"" + Messages.shorten(key) + "\"");
                }
                long ms = second * 1000;
                series.add(ms, failed ? 0 : count, failed ? count : 0, OptionalDouble.empty());
                total.add(ms, failed ? 0 : count, failed ? count : 0, OptionalDouble.empty());
            }
        }

        /** Checks that the counts agree, warning where Locust's histogram and totals differ. */
        void check(String file, Diagnostics diagnostics) {
            if (failures > requests) {
                throw new InputException(file, line, "'" + Messages.shorten(name) + "' has more failures (" + failures
                        + ") than requests (" + requests + "): Locust 0.x counted failures apart from requests; "
                        + "loadverdict reads the --json output of Locust 2.x");
            }
            long timed = requests - noneRequests;
            if (histogram.getTotalCount() != timed) {
                diagnostics.warn(line, "'" + Messages.shorten(name) + "' has " + histogram.getTotalCount()
                        + " response times in its histogram but " + timed + " timed requests");
            }
        }

        EndpointStats stats(EndpointId id, double runSeconds) {
            long timed = Math.max(0, requests - noneRequests);
            OptionalDouble throughput = runSeconds > 0 ? OptionalDouble.of(requests / runSeconds) : OptionalDouble.empty();
            if (timed == 0 || histogram.getTotalCount() == 0) {
                return new EndpointStats(id, requests, failures, new TreeMap<>(), throughput, LatencyStats.empty(),
                        Optional.empty(), series.build());
            }
            TreeMap<Double, Double> percentiles = new TreeMap<>();
            for (double p : Histograms.REPORTED_PERCENTILES) {
                percentiles.put(p, lockstep(histogram.getValueAtPercentile(p) / 1000.0));
            }
            LatencyStats latency = new LatencyStats(timed, min, OptionalDouble.of(totalResponseTime / timed), max, percentiles);
            return new EndpointStats(id, requests, failures, new TreeMap<>(), throughput, latency,
                    Optional.of(Histograms.encode(histogram)), series.build());
        }

        /**
         * A value read back from the histogram, put back on Locust's grid: every recorded value is a Locust
         * bucket (whole ms below 100 ms, then steps of 10, 100 and 1000 ms from 100 ms, 1 s and 10 s), and the
         * histogram's 3 significant digits are far finer than those steps, so this recovers the recorded value.
         */
        static double lockstep(double ms) {
            double step = ms < 100 ? 1 : ms < 1000 ? 10 : ms < 10_000 ? 100 : 1000;
            return Math.round(ms / step) * step;
        }

        static Entry total(List<Entry> entries, Histogram all, IntervalSeries series) {
            Entry t = new Entry();
            t.histogram = all;
            t.series = series;
            for (Entry e : entries) {
                t.requests += e.requests;
                t.noneRequests += e.noneRequests;
                t.failures += e.failures;
                t.totalResponseTime += e.totalResponseTime;
                t.min = extreme(t.min, e.min, true);
                t.max = extreme(t.max, e.max, false);
            }
            return t;
        }

        private static OptionalDouble extreme(OptionalDouble a, OptionalDouble b, boolean smallest) {
            if (a.isEmpty() || b.isEmpty()) {
                return a.isPresent() ? a : b;
            }
            return OptionalDouble.of(smallest ? Math.min(a.getAsDouble(), b.getAsDouble()) : Math.max(a.getAsDouble(), b.getAsDouble()));
        }

        private static void expectObject(JsonParser json, String file, String field) {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                throw fail(file, json, "'" + field + "' is no object");
            }
        }

        private static String text(JsonParser json, String file, String field) throws IOException {
            if (json.currentToken() != JsonToken.VALUE_STRING) {
                throw fail(file, json, "'" + field + "' is no string");
            }
            return json.getText();
        }

        private static OptionalDouble number(JsonParser json, String file, String field) throws IOException {
            if (json.currentToken() == JsonToken.VALUE_NULL) {
                return OptionalDouble.empty();
            }
            if (!json.currentToken().isNumeric()) {
                throw fail(file, json, "'" + field + "' is no number");
            }
            double v = json.getDoubleValue();
            if (!Double.isFinite(v) || v < 0) {
                throw fail(file, json, "'" + field + "' is not a number >= 0");
            }
            return OptionalDouble.of(v);
        }

        private static long whole(JsonParser json, String file, String field) throws IOException {
            if (json.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw fail(file, json, "'" + field + "' is no whole number");
            }
            long v = json.getLongValue();
            if (v < 0) {
                throw fail(file, json, "'" + field + "' is negative");
            }
            return v;
        }
    }
}
