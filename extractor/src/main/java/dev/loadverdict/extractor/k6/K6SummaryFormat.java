package dev.loadverdict.extractor.k6;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads k6's end-of-test summary JSON in both shapes ({@link SummaryDialect}): {@code --summary-export} and
 * the {@code handleSummary(data)} object. Aggregates only: no histogram, no time series, no time window.
 *
 * <ul>
 *   <li>Requests: {@code http_reqs.count}; throughput: {@code http_reqs.rate} (requests per second over the
 *       whole test run); failures: {@code http_req_failed.passes} (a rate's "passes" are its non-zero samples,
 *       i.e. the failed requests; {@code fails} are the successful ones). Without {@code http_req_failed}
 *       (k6 &lt; 0.31) failures count as 0, with a warning.</li>
 *   <li>Latency: {@code http_req_duration} (all requests, failed ones included, like the raw formats):
 *       {@code min}, {@code avg}, {@code max}, and only the percentiles the file has: {@code p(N)} → N
 *       ({@code p(99.9)} → 99.9), {@code med} → 50 unless {@code p(50)} is there. The count is the trend's
 *       {@code count} when {@code summaryTrendStats} has it, else the request count (k6 records exactly one
 *       duration per request). Percentiles are k6's own: linear interpolation between the two nearest
 *       samples.</li>
 *   <li>gRPC: when the file has no HTTP metrics, {@code grpc_req_duration} and {@code grpc_reqs} in the same way
 *       (k6 has no gRPC failure metric: failures count as 0, with a warning).</li>
 *   <li>Endpoints: a summary has per-endpoint numbers only where the script defined submetrics (thresholds)
 *       such as {@code http_req_duration{name:/api/x}}. Submetrics filtered by {@code name}, {@code url} and/or
 *       {@code method} alone become endpoints, with requests, throughput and failures from the
 *       {@code http_reqs{…}} and {@code http_req_failed{…}} submetrics of the same tags where they exist. When
 *       several such key sets exist (by name and by method), they overlap: the one with the most endpoints is
 *       used and the others are reported. Requests no endpoint submetric covers form
 *       {@value SummaryReader#OTHER_REQUESTS}. Submetrics by other tags ({@code expected_response},
 *       {@code scenario}, {@code status}, …) are subsets or cuts across endpoints and are not used. Without
 *       endpoint submetrics the run is one endpoint, {@value RequestTags#ALL_REQUESTS}.</li>
 *   <li>Metadata: duration from {@code state.testRunDurationMs}, else from {@code http_reqs} count / rate (k6
 *       computes that rate over the test's duration); users = the most active VUs ({@code vus.max}), else
 *       {@code vus_max}; no start or end.</li>
 * </ul>
 * Checks, thresholds and custom metrics are not read.
 */
final class K6SummaryFormat implements ResultFormat {

    private static final JsonFactory SUMMARY_JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(ReadLimits.MAX_K6_SUMMARY_BYTES)
                    .maxStringLength(ReadLimits.MAX_JSON_STRING).build())
            .build();

    private static final Pattern STATISTIC = Pattern.compile("avg|min|med|max|count|rate|value|passes|fails|thresholds|p\\(.*\\)");
    private static final Set<String> METRIC_TYPES = Set.of("counter", "gauge", "rate", "trend");

    @Override
    public String displayName() {
        return "k6 summary JSON (--summary-export, handleSummary)";
    }

    @Override
    public MatchStrength detect(Head head) {
        String text = head.text();
        int start = 0;
        while (start < text.length() && text.charAt(start) <= ' ') {
            start++;
        }
        if (start == text.length() || text.charAt(start) != '{') {
            return MatchStrength.NO_MATCH; // no JSON object: spares the parser's exception for a file of another format
        }
        Sniff sniff = new Sniff();
        try (JsonParser p = NdjsonReader.JSON.createParser(head.text())) {
            sniff.scan(p);
        } catch (JsonEOFException e) {
            // the head ended inside the file: judge by what was seen
        } catch (IOException e) {
            return MatchStrength.NO_MATCH;
        }
        boolean k6Metrics = sniff.k6Metrics > 0 && sniff.otherMetrics == 0;
        if (k6Metrics && (sniff.rootGroup || sniff.stateOrOptions)) {
            return MatchStrength.FULL_MATCH;
        }
        if (k6Metrics) {
            return MatchStrength.SOLID_MATCH;
        }
        return sniff.rootGroup && sniff.stateOrOptions && sniff.otherMetrics == 0
                ? MatchStrength.WEAK_MATCH : MatchStrength.NO_MATCH;
    }

    /** What the beginning of a file shows of a k6 summary's top level. */
    private static final class Sniff {
        boolean rootGroup;
        boolean stateOrOptions;
        int k6Metrics;
        int otherMetrics;

        void scan(JsonParser p) throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                otherMetrics++;
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "root_group" -> rootGroup = v == JsonToken.START_OBJECT;
                    case "state", "options" -> stateOrOptions |= v == JsonToken.START_OBJECT;
                    case "metrics" -> {
                        if (v == JsonToken.START_OBJECT) {
                            metrics(p);
                            continue;
                        }
                    }
                    default -> {
                    }
                }
                p.skipChildren();
            }
        }

        private void metrics(JsonParser p) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    otherMetrics++;
                    p.skipChildren();
                    continue;
                }
                boolean typed = false;
                boolean values = false;
                boolean statistics = true;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken v = p.nextToken();
                    if (key.equals("type")) {
                        typed = v == JsonToken.VALUE_STRING && METRIC_TYPES.contains(p.getText());
                    } else if (key.equals("values")) {
                        values = v == JsonToken.START_OBJECT;
                    } else if (!key.equals("contains") && !STATISTIC.matcher(key).matches()) {
                        statistics = false;
                    }
                    p.skipChildren();
                }
                if ((typed && values) || (!values && statistics)) {
                    k6Metrics++;
                } else {
                    otherMetrics++;
                }
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        Object root;
        try (Reader reader = InputFiles.openText(path, displayPath);
             JsonParser p = SUMMARY_JSON.createParser(reader)) {
            root = JsonTree.read(p);
        } catch (JsonProcessingException e) {
            throw Messages.brokenJson(displayPath, e);
        } catch (IOException e) {
            throw new InputException(displayPath, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("metrics") instanceof Map<?, ?> metrics)) {
            throw new InputException(displayPath, "not a k6 summary: no top-level \"metrics\" object");
        }
        SummaryReader reader = new SummaryReader(displayPath, (Map<String, Object>) metrics);
        return reader.read((Map<String, Object>) top, context);
    }
}
