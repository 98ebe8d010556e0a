package dev.loadverdict.extractor.generic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.extractor.internal.ServiceMapper;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One pass over a generic document ({@code loadverdict.generic/1}) with a streaming parser: the run's metadata
 * and either its per-endpoint aggregates or its raw samples (fed to the aggregator one at a time, so a
 * document of millions of samples needs no more memory than a CSV of them). Unknown keys are errors, since
 * in a hand-written document they are usually typos ({@code p95} for {@code percentiles}).
 */
final class DocumentReader {

    static final String SCHEMA_PREFIX = "loadverdict.generic/";
    static final String SCHEMA = SCHEMA_PREFIX + "1";

    private final JsonParser json;
    private final String file;
    private final ReadContext context;

    private String schema;
    private String toolName;
    private String toolVersion;
    private Instant start;
    private Instant end;
    private Duration duration;
    private OptionalInt users = OptionalInt.empty();
    private final SortedMap<String, String> labels = new TreeMap<>();
    private final List<Parsed> endpoints = new ArrayList<>();
    private Parsed total;
    private SampleSink samples;

    DocumentReader(JsonParser json, String file, ReadContext context) {
        this.json = json;
        this.file = file;
        this.context = context;
    }

    /** An endpoint as read, with its line for errors found once the whole document is known. */
    private record Parsed(RequestLabels labels, long requests, long failures, SortedMap<String, Long> kinds,
                          OptionalDouble throughput, Latency latency, long line) {
    }

    private record Latency(OptionalDouble min, OptionalDouble mean, OptionalDouble max,
                           SortedMap<Double, Double> percentiles) {
        boolean isEmpty() {
            return min.isEmpty() && mean.isEmpty() && max.isEmpty() && percentiles.isEmpty();
        }
    }

    ToolResult read() throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            throw fail("not a loadverdict generic document: it is no JSON object");
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            topLevel(key);
        }
        if (json.nextToken() != null) {
            throw fail("more than one JSON value");
        }
        if (schema == null) {
            throw new InputException(file, 1, "no \"schema\": \"" + SCHEMA + "\"");
        }
        return samples != null ? sampleResult() : aggregateResult();
    }

    private void topLevel(String key) throws IOException {
        switch (key) {
            case "schema" -> {
                schema = text(key);
                if (!schema.equals(SCHEMA)) {
                    throw fail("schema \"" + Messages.shorten(schema) + "\" is not one loadverdict reads (it reads \""
                            + SCHEMA + "\")");
                }
            }
            case "tool" -> tool();
            case "start" -> start = instant(key);
            case "end" -> end = instant(key);
            case "duration_s" -> {
                double seconds = nonNegative(key);
                duration = Duration.ofNanos(Math.round(seconds * 1e9));
            }
            case "users" -> {
                long count = count(key);
                if (count > Integer.MAX_VALUE) {
                    throw fail("\"users\" is larger than " + Integer.MAX_VALUE);
                }
                users = OptionalInt.of((int) count);
            }
            case "labels" -> {
                expect(JsonToken.START_OBJECT, key, "an object of strings");
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String label = json.currentName();
                    json.nextToken();
                    labels.put(label, text("labels." + label));
                }
            }
            case "endpoints" -> {
                expect(JsonToken.START_ARRAY, key, "an array of endpoint objects");
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    endpoints.add(endpoint(false));
                }
                expectEnd(JsonToken.END_ARRAY, key);
            }
            case "total" -> {
                expect(JsonToken.START_OBJECT, key, "an endpoint object without name");
                total = endpoint(true);
            }
            case "samples" -> {
                expect(JsonToken.START_ARRAY, key, "an array of sample objects");
                samples = new SampleSink(context, file);
                SampleObject sample = new SampleObject();
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    long line = line();
                    sample.read(json, file, line);
                    samples.add(sample.values, sample.tags, line);
                }
                expectEnd(JsonToken.END_ARRAY, key);
            }
            default -> throw fail("unknown key \"" + Messages.shorten(key) + "\" (keys: schema, tool, start, end,"
                    + " duration_s, users, labels, endpoints, total, samples)");
        }
    }

    private void tool() throws IOException {
        if (json.currentToken() == JsonToken.VALUE_STRING) {
            toolName = json.getText();
            return;
        }
        expect(JsonToken.START_OBJECT, "tool", "an object with name and version, or a string");
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            switch (key) {
                case "name" -> toolName = text("tool.name");
                case "version" -> toolVersion = text("tool.version");
                default -> throw fail("unknown key \"tool." + Messages.shorten(key) + "\" (keys: name, version)");
            }
        }
    }

    private Parsed endpoint(boolean isTotal) throws IOException {
        long line = line();
        String name = null;
        String method = null;
        String service = null;
        long requests = -1;
        long failures = -1;
        SortedMap<String, Long> kinds = new TreeMap<>();
        OptionalDouble throughput = OptionalDouble.empty();
        Latency latency = new Latency(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                new TreeMap<>());
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            switch (isTotal && (key.equals("name") || key.equals("method") || key.equals("service")) ? "" : key) {
                case "name" -> name = text(key);
                case "method" -> method = text(key);
                case "service" -> service = text(key);
                case "requests" -> requests = count(key);
                case "failures" -> failures = count(key);
                case "failures_by_kind" -> {
                    expect(JsonToken.START_OBJECT, key, "an object of failure kind to count");
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String kind = json.currentName();
                        json.nextToken();
                        kinds.merge(kind, count(key + "." + kind), Long::sum);
                    }
                }
                case "throughput_rps" -> throughput = OptionalDouble.of(nonNegative(key));
                case "latency_ms" -> latency = latency();
                default -> throw fail("unknown key \"" + Messages.shorten(key) + "\" in "
                        + (isTotal ? "the total (keys: requests, failures, failures_by_kind, latency_ms, throughput_rps)"
                        : "an endpoint (keys: name, method, service, requests, failures, failures_by_kind,"
                        + " latency_ms, throughput_rps)"));
            }
        }
        String what = isTotal ? "the total" : name == null ? "an endpoint" : "endpoint \"" + Messages.shorten(name) + "\"";
        if (!isTotal && (name == null || name.isBlank())) {
            throw new InputException(file, line, what + " has no \"name\"");
        }
        if (requests < 0 || failures < 0) {
            throw new InputException(file, line, what + " needs \"requests\" and \"failures\"");
        }
        if (failures > requests) {
            throw new InputException(file, line, what + " has more failures (" + failures + ") than requests ("
                    + requests + ")");
        }
        long kindSum = kinds.values().stream().mapToLong(Long::longValue).sum();
        if (kindSum > failures) {
            throw new InputException(file, line, what + ": failures_by_kind add up to " + kindSum
                    + ", more than its " + failures + " failures");
        }
        checkOrder(latency, what, line);
        RequestLabels labels = isTotal ? null : new RequestLabels(blankToNull(method), name.strip(), null, null, null,
                service == null || service.isBlank() ? Map.of() : Map.of("service", service.strip()));
        return new Parsed(labels, requests, failures, kinds, throughput, latency, line);
    }

    private Latency latency() throws IOException {
        expect(JsonToken.START_OBJECT, "latency_ms", "an object with min, mean, max, percentiles");
        OptionalDouble min = OptionalDouble.empty();
        OptionalDouble mean = OptionalDouble.empty();
        OptionalDouble max = OptionalDouble.empty();
        SortedMap<Double, Double> percentiles = new TreeMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            switch (key) {
                case "min" -> min = OptionalDouble.of(nonNegative("latency_ms.min"));
                case "mean" -> mean = OptionalDouble.of(nonNegative("latency_ms.mean"));
                case "max" -> max = OptionalDouble.of(nonNegative("latency_ms.max"));
                case "percentiles" -> {
                    expect(JsonToken.START_OBJECT, key, "an object of percent to ms, e.g. {\"95\": 120.5}");
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String percent = json.currentName();
                        json.nextToken();
                        percentiles.put(percent(percent), nonNegative("percentiles." + percent));
                    }
                }
                default -> throw fail("unknown key \"latency_ms." + Messages.shorten(key)
                        + "\" (keys: min, mean, max, percentiles)");
            }
        }
        return new Latency(min, mean, max, percentiles);
    }

    /** A percentile key: {@code 95}, {@code 99.9}, or with a {@code p} ({@code p95}). */
    private double percent(String key) {
        String k = key.strip();
        if (k.startsWith("p") || k.startsWith("P")) {
            k = k.substring(1);
        }
        try {
            double p = Double.parseDouble(k);
            if (p > 0 && p <= 100) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw fail("percentile key \"" + Messages.shorten(key) + "\" is not a percent in (0, 100] such as \"95\" or \"99.9\"");
    }

    /** min ≤ mean ≤ max and percentiles that grow with the percent: anything else is a broken harness. */
    private void checkOrder(Latency l, String what, long line) {
        List<double[]> ordered = new ArrayList<>();
        l.min().ifPresent(v -> ordered.add(new double[] {0, v}));
        l.percentiles().forEach((p, v) -> ordered.add(new double[] {p, v}));
        l.max().ifPresent(v -> ordered.add(new double[] {101, v}));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i)[1] < ordered.get(i - 1)[1]) {
                throw new InputException(file, line, what + ": latency " + name(ordered.get(i)[0]) + " ("
                        + ordered.get(i)[1] + " ms) is below " + name(ordered.get(i - 1)[0]) + " ("
                        + ordered.get(i - 1)[1] + " ms)");
            }
        }
        if (l.mean().isPresent() && (l.min().isPresent() && l.mean().getAsDouble() < l.min().getAsDouble()
                || l.max().isPresent() && l.mean().getAsDouble() > l.max().getAsDouble())) {
            throw new InputException(file, line, what + ": latency mean " + l.mean().getAsDouble()
                    + " ms lies outside min..max");
        }
    }

    private static String name(double percent) {
        return percent == 0 ? "min" : percent == 101 ? "max" : "p" + (percent == Math.rint(percent)
                ? String.valueOf((long) percent) : String.valueOf(percent));
    }

    /**
     * What a document cut off at {@code line} (a harness killed while writing it) holds: the samples or
     * endpoints complete before the cut, with a warning; an error when nothing complete was read.
     */
    ToolResult truncated(long line, String why) {
        boolean any = samples != null ? samples.samples() > 0 : !endpoints.isEmpty();
        if (schema == null || !any) {
            throw new InputException(file, line, "broken JSON: " + why);
        }
        String warning = Diagnostics.warning(file, line, "the document is cut off (" + why + "); read the "
                + (samples != null ? samples.samples() + " samples" : endpoints.size() + " endpoints")
                + " complete before the cut");
        ToolResult result = samples != null ? sampleResult() : aggregateResult();
        List<String> warnings = new ArrayList<>(result.warnings());
        warnings.add(warning);
        return new ToolResult(result.metadata(), result.total(), result.services(), warnings, result.parts(), result.placed());
    }

    private ToolResult sampleResult() {
        if (!endpoints.isEmpty() || total != null) {
            throw new InputException(file, 1, "holds both \"samples\" and \"endpoints\"/\"total\": give one or the"
                    + " other, since loadverdict cannot tell whether they describe the same requests");
        }
        ToolResult result = samples.finish(toolVersion(), workload(), List.of(file));
        RunMetadata m = result.metadata();
        RunMetadata metadata = new RunMetadata(m.tool(), m.toolVersion(), m.sources(),
                start != null ? Optional.of(start) : m.start(), end != null ? Optional.of(end) : m.end(),
                duration != null ? Optional.of(duration) : m.duration(), m.stage(), m.workload(), m.scriptHash(),
                labels, m.mappingHash(), m.precision());
        return new ToolResult(metadata, result.total(), result.services(), result.warnings(), result.parts(), result.placed());
    }

    private ToolResult aggregateResult() {
        if (endpoints.isEmpty()) {
            throw new InputException(file, 1, "holds neither \"endpoints\" nor \"samples\"");
        }
        Optional<Duration> runDuration = duration != null ? Optional.of(duration)
                : start != null && end != null ? Optional.of(Duration.between(start, end)) : Optional.empty();
        if (runDuration.isPresent() && runDuration.get().isNegative()) {
            throw new InputException(file, 1, "\"end\" lies before \"start\"");
        }
        Map<String, Parsed> seen = new HashMap<>();
        List<ServiceMapper.Row> rows = new ArrayList<>();
        for (Parsed e : endpoints) {
            String key = e.labels().tags().getOrDefault("service", "") + " " + e.labels().method() + " " + e.labels().name();
            if (seen.putIfAbsent(key, e) != null) {
                throw new InputException(file, e.line(), "endpoint \"" + Messages.shorten(e.labels().name())
                        + "\" appears twice (line " + seen.get(key).line() + ")");
            }
            EndpointId id = EndpointId.of(e.labels().method(), e.labels().name());
            rows.add(new ServiceMapper.Row(e.labels(), stats(id, e, runDuration)));
        }
        Optional<EndpointStats> runTotal = Optional.ofNullable(total)
                .map(t -> stats(EndpointId.of(null, "Aggregated"), t, runDuration));
        SourcePrecision precision = new SourcePrecision(0.001, OptionalInt.empty(), 0);
        RunMetadata metadata = new RunMetadata(Tool.GENERIC, toolVersion(), List.of(file), Optional.ofNullable(start),
                Optional.ofNullable(end), runDuration, Optional.empty(), workload(), Optional.empty(), labels,
                Optional.empty(), precision);
        return new ToolResult(metadata, runTotal, ServiceMapper.group(rows, runTotal, context.resolver()), List.of());
    }

    /** The endpoint's statistics: throughput as given, else requests over the run's duration when known. */
    private static EndpointStats stats(EndpointId id, Parsed e, Optional<Duration> runDuration) {
        OptionalDouble throughput = e.throughput();
        if (throughput.isEmpty() && runDuration.isPresent() && !runDuration.get().isZero()) {
            throughput = OptionalDouble.of(e.requests() / (runDuration.get().toNanos() / 1e9));
        }
        Latency l = e.latency();
        LatencyStats latency = l.isEmpty() || e.requests() == 0 ? LatencyStats.empty()
                : new LatencyStats(e.requests(), l.min(), l.mean(), l.max(), l.percentiles());
        return new EndpointStats(id, e.requests(), e.failures(), e.kinds(), throughput, latency, Optional.empty(),
                Optional.empty());
    }

    private Optional<String> toolVersion() {
        if (toolName == null || toolName.isBlank()) {
            return Optional.ofNullable(blankToNull(toolVersion));
        }
        return Optional.of(toolVersion == null || toolVersion.isBlank() ? toolName.strip()
                : toolName.strip() + " " + toolVersion.strip());
    }

    private Workload workload() {
        return new Workload(Workload.Model.UNKNOWN, users, OptionalDouble.empty());
    }

    private String text(String key) throws IOException {
        JsonToken t = json.currentToken();
        if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw fail("\"" + key + "\" is no string");
        }
        return json.getText();
    }

    private Instant instant(String key) throws IOException {
        try {
            return Instant.ofEpochMilli(Values.epochMillis(text(key)));
        } catch (IllegalArgumentException e) {
            throw fail("\"" + key + "\" " + e.getMessage());
        }
    }

    private long count(String key) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_NUMBER_INT || json.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                || json.getLongValue() < 0) {
            throw fail("\"" + key + "\" is not a whole number >= 0");
        }
        return json.getLongValue();
    }

    private double nonNegative(String key) throws IOException {
        JsonToken t = json.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw fail("\"" + key + "\" is no number");
        }
        double v = json.getDoubleValue();
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw fail("\"" + key + "\" is not a finite number >= 0");
        }
        return v;
    }

    private void expect(JsonToken token, String key, String what) {
        if (json.currentToken() != token) {
            throw fail("\"" + key + "\" is not " + what);
        }
    }

    private void expectEnd(JsonToken token, String key) {
        if (json.currentToken() != token) {
            throw fail("\"" + key + "\" holds something other than objects");
        }
    }

    private long line() {
        return json.currentLocation().getLineNr();
    }

    private InputException fail(String message) {
        return new InputException(file, line(), message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
