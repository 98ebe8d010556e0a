package dev.loadverdict.extractor.k6;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.Splitting;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.SampleAggregator;
import dev.loadverdict.extractor.internal.SplitReading;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads k6's {@code --out json} output: one JSON object a line, {@code Metric} declarations and
 * {@code Point} samples. Raw samples: every HTTP request becomes one loadverdict sample, so percentiles,
 * histograms and time series are exact and the run can be cut to a time window.
 *
 * <ul>
 *   <li>Latency: {@code http_req_duration} points, value in ms (fractional), kept in µs
 *       ({@code round(value × 1000)}). The point's time is the request's end (k6 stamps a request's samples
 *       with its end time), so its start is that time minus the duration.</li>
 *   <li>Failures: the {@code http_req_failed} point of the same request (value 1 = failed), joined as
 *       {@link RequestJoin} describes; without one (k6 &lt; 0.31) from {@code expected_response}, else the
 *       status ({@code >= 400} or {@code 0}). Failure kinds: k6's {@code error} text, else {@code HTTP <status>}.</li>
 *   <li>Endpoints: {@code method} + {@code name} (else {@code url}), see {@link RequestTags}; services from
 *       the mapping rules, else the {@code service} tag.</li>
 *   <li>Metadata: start and end from the samples; users = the largest {@code vus} sample; precision 1 µs.</li>
 *   <li>Everything else (phase timings, {@code checks}, {@code iterations}, {@code data_*}, custom metrics,
 *       gRPC) is skipped.</li>
 * </ul>
 * Timestamps are RFC 3339 with nanoseconds and the writer's UTC offset. A {@code .gz} file is read as is.
 */
final class K6NdjsonFormat implements ResultFormat {

    private final boolean shortcuts;

    public K6NdjsonFormat() {
        this(true);
    }

    /** With {@code shortcuts} false every line is parsed whole (for tests that the shortcuts change nothing). */
    K6NdjsonFormat(boolean shortcuts) {
        this.shortcuts = shortcuts;
    }

    @Override
    public String displayName() {
        return "k6 JSON output (--out json)";
    }

    @Override
    public boolean rawSamples() {
        return true;
    }

    @Override
    public MatchStrength detect(Head head) {
        for (String line : head.lines()) {
            if (!line.isBlank()) {
                return detectLine(line.strip());
            }
        }
        return MatchStrength.NO_MATCH;
    }

    private static MatchStrength detectLine(String line) {
        if (!line.startsWith("{")) {
            return MatchStrength.NO_MATCH; // no JSON object: spares the parser's exception for a file of another format
        }
        boolean type = false;
        boolean metric = false;
        boolean data = false;
        try (JsonParser p = NdjsonReader.JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return MatchStrength.NO_MATCH;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "type" -> type = v == JsonToken.VALUE_STRING
                            && (p.getText().equals("Point") || p.getText().equals("Metric"));
                    case "metric" -> metric = v == JsonToken.VALUE_STRING;
                    case "data" -> data = v == JsonToken.START_OBJECT;
                    default -> {
                    }
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            // a first line cut off by a stopped run still shows k6's layout
            return line.startsWith("{\"type\":\"Point\"") || line.startsWith("{\"type\":\"Metric\"")
                    || line.startsWith("{\"metric\":\"") ? MatchStrength.WEAK_MATCH : MatchStrength.NO_MATCH;
        }
        return type && metric && data ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH;
    }

    @Override
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        // Most k6 lines are skipped from their first bytes, so one core reads a k6 file about as fast as two: measured on
        // 2 cores from a fresh JVM, one thread read 1 GB in 1.46-1.54 s and two in 1.60-1.75 s, and 2 GB took 2.2-2.6 s
        // either way. A part is therefore 32 times as large as a JTL's (1 GB by default).
        Splitting asked = context.splittingNow();
        Splitting splitting = new Splitting(asked.threads(), Math.min(asked.minPartBytes(), Long.MAX_VALUE / 32) * 32);
        Optional<Part> split = SplitReading.read(path, splitting, K6NdjsonFormat::startsRequest,
                (bytes, first, last) -> readPart(bytes, first, context.forPart(splitting), displayPath),
                (earlier, later) -> earlier.join().absorb(later.join()));
        if (split.isPresent()) {
            SplitReading.merged();
            return split.get().result(displayPath);
        }
        Part whole = readPart(InputFiles.openBytes(path, displayPath), true, context, displayPath);
        return whole.result(displayPath);
    }

    /** What one part of a file holds (the whole file, or a part of one split for reading, see {@link SplitReading}). */
    private record Part(NdjsonReader reader, RequestJoin join) {
        ToolResult result(String displayPath) {
            SampleAggregator.Aggregate aggregate = join.finish();
            join.report(reader.diagnostics());
            return RawResults.of(displayPath, aggregate, join.maxVus(), reader.diagnostics().warnings());
        }
    }

    /** Reads a part; null when it is not the first and warned about a line (whose number counts from its start). */
    private Part readPart(InputStream bytes, boolean first, ReadContext context, String displayPath) {
        RequestJoin join = new RequestJoin(context.newAggregator());
        NdjsonReader reader = new NdjsonReader(displayPath, shortcuts, join);
        try (InputStream in = bytes) {
            reader.read(in);
        } catch (IOException e) {
            throw new InputException(displayPath, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
        return first || reader.diagnostics().warnings().isEmpty() ? new Part(reader, join) : null;
    }

    private static final byte[] REQUEST_START = "\"metric\":\"http_reqs\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * Whether a line is an {@code http_reqs} sample, the first k6 writes of a request: a part that starts there leaves
     * no request's samples on both sides of its start.
     */
    static boolean startsRequest(byte[] b, int from, int to) {
        outer:
        for (int i = from; i + REQUEST_START.length <= to; i++) {
            for (int j = 0; j < REQUEST_START.length; j++) {
                if (b[i + j] != REQUEST_START[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
