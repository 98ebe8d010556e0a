package dev.loadverdict.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loadverdict.model.EncodedHistogram;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.TimeSeries;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;

import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JSON form of a {@link Run}: {@code "schema": "loadverdict.run/1"}, keys in a fixed order, absent values
 * left out, numbers as JSON numbers. See docs/formats.md.
 */
public final class RunJson {

    /** The schema identifier written in every run file. */
    public static final String SCHEMA = "loadverdict.run/1";
    static final String KIND = "run";
    static final int VERSION = 1;

    private RunJson() {
    }

    /** The run as a JSON document (pretty-printed, final newline). */
    public static String write(Run run) {
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        writeBody(root, run);
        return Json.write(root);
    }

    /**
     * Reads a run document.
     *
     * @param source the file name used in error messages
     * @throws InputException when the text is not a valid loadverdict run document
     */
    public static Run read(String source, Reader reader) {
        Node root = Node.parse(Json.FACTORY, source, reader);
        Json.requireSchema(root, KIND, VERSION);
        return readBody(root);
    }

    /** Whether a document's first bytes look like a loadverdict run (for format detection). */
    public static boolean looksLikeRun(String head) {
        return head.contains("\"schema\"") && head.contains("\"" + "loadverdict." + KIND + "/");
    }

    static void writeBody(ObjectNode node, Run run) {
        node.set("metadata", metadata(run.metadata()));
        run.total().ifPresent(t -> node.set("total", endpoint(t)));
        ArrayNode services = node.putArray("services");
        for (ServiceStats s : run.services()) {
            ObjectNode service = services.addObject();
            service.put("name", s.name());
            service.set("total", endpoint(s.total()));
            ArrayNode endpoints = service.putArray("endpoints");
            s.endpoints().forEach(e -> endpoints.add(endpoint(e)));
        }
        if (!run.stages().isEmpty()) {
            ArrayNode stages = node.putArray("stages");
            for (Run stage : run.stages()) {
                writeBody(stages.addObject(), stage);
            }
        }
    }

    static ObjectNode metadata(RunMetadata m) {
        ObjectNode node = Json.object();
        node.put("tool", m.tool().id());
        Json.put(node, "toolVersion", m.toolVersion());
        ArrayNode sources = node.putArray("sources");
        m.sources().forEach(sources::add);
        Json.put(node, "start", m.start().map(Instant::toString));
        Json.put(node, "end", m.end().map(Instant::toString));
        m.duration().ifPresent(d -> node.put("durationSeconds", d.toMillis() / 1000.0));
        Json.put(node, "stage", m.stage());
        ObjectNode workload = node.putObject("workload");
        workload.put("model", m.workload().model().id());
        Json.put(workload, "users", m.workload().users());
        Json.put(workload, "arrivalRate", m.workload().arrivalRate());
        Json.put(node, "scriptHash", m.scriptHash());
        ObjectNode labels = node.putObject("labels");
        m.labels().forEach(labels::put);
        Json.put(node, "mappingHash", m.mappingHash());
        ObjectNode precision = node.putObject("precision");
        precision.put("resolutionMs", m.precision().resolutionMs());
        m.precision().significantDigits().ifPresent(d -> {
            precision.put("significantDigits", d);
            precision.put("roundedFromMs", m.precision().roundedFromMs());
        });
        return node;
    }

    private static ObjectNode endpoint(EndpointStats e) {
        ObjectNode node = Json.object();
        Json.put(node, "method", e.id().method());
        node.put("name", e.id().name());
        node.put("requests", e.requests());
        node.put("failures", e.failures());
        Json.put(node, "errorRatePercent", e.errorRatePercent());
        if (!e.failuresByKind().isEmpty()) {
            ObjectNode kinds = node.putObject("failuresByKind");
            e.failuresByKind().forEach(kinds::put);
        }
        Json.put(node, "throughput", e.throughput());
        node.set("latency", latency(e.latency()));
        e.histogram().ifPresent(h -> {
            ObjectNode hist = node.putObject("histogram");
            hist.put("encoding", "HdrHistogram-V2-compressed");
            hist.put("unit", EncodedHistogram.UNIT);
            hist.put("significantDigits", EncodedHistogram.SIGNIFICANT_DIGITS);
            hist.put("base64", h.base64());
        });
        e.timeSeries().ifPresent(ts -> {
            ObjectNode series = node.putObject("timeSeries");
            series.put("intervalMs", ts.interval().toMillis());
            ArrayNode points = series.putArray("points");
            for (TimeSeries.Point p : ts.points()) {
                ObjectNode point = points.addObject();
                point.put("start", p.start().toString());
                point.put("requests", p.requests());
                point.put("failures", p.failures());
                Json.put(point, "p95", p.p95());
            }
        });
        return node;
    }

    private static ObjectNode latency(LatencyStats l) {
        ObjectNode node = Json.object();
        node.put("count", l.count());
        Json.put(node, "min", l.min());
        Json.put(node, "mean", l.mean());
        Json.put(node, "max", l.max());
        ObjectNode percentiles = node.putObject("percentiles");
        l.percentiles().forEach((p, v) -> percentiles.put(Json.percentileKey(p), v));
        return node;
    }

    static Run readBody(Node root) {
        RunMetadata metadata = readMetadata(root.get("metadata"));
        Optional<EndpointStats> total = Optional.ofNullable(root.optional("total")).map(RunJson::readEndpoint);
        List<ServiceStats> services = new ArrayList<>();
        for (Node s : root.get("services").elements()) {
            List<EndpointStats> endpoints = new ArrayList<>();
            for (Node e : s.get("endpoints").elements()) {
                endpoints.add(readEndpoint(e));
            }
            try {
                services.add(new ServiceStats(s.get("name").text(), readEndpoint(s.get("total")), endpoints));
            } catch (IllegalArgumentException e) {
                throw Json.wrapModelError(s, e);
            }
        }
        List<Run> stages = new ArrayList<>();
        Node stageNodes = root.optional("stages");
        if (stageNodes != null) {
            for (Node stage : stageNodes.elements()) {
                stages.add(readBody(stage));
            }
        }
        try {
            return new Run(metadata, total, services, stages);
        } catch (IllegalArgumentException e) {
            throw Json.wrapModelError(root, e);
        }
    }

    static RunMetadata readMetadata(Node m) {
        Node toolNode = m.get("tool");
        Tool tool = Tool.fromId(toolNode.text())
                .orElseThrow(() -> toolNode.fail("unknown tool '" + toolNode.text() + "'"));
        List<String> sources = new ArrayList<>();
        for (Node s : m.get("sources").elements()) {
            sources.add(s.text());
        }
        Node w = m.get("workload");
        Workload.Model model = parseEnum(w.get("model"), Workload.Model.class);
        Node users = w.optional("users");
        if (users != null && users.wholeNumber() > Integer.MAX_VALUE) {
            throw users.fail("too large");
        }
        Workload workload = new Workload(model,
                users == null ? OptionalInt.empty() : OptionalInt.of((int) users.nonNegativeWholeNumber()),
                Json.optionalNumber(w, "arrivalRate"));
        SortedMap<String, String> labels = new TreeMap<>();
        Node labelNode = m.optional("labels");
        if (labelNode != null) {
            for (Map.Entry<String, Node> e : labelNode.fields()) {
                labels.put(e.getKey(), e.getValue().text());
            }
        }
        Node p = m.get("precision");
        Node digits = p.optional("significantDigits");
        SourcePrecision precision;
        try {
            precision = new SourcePrecision(p.get("resolutionMs").number(),
                    digits == null ? OptionalInt.empty() : OptionalInt.of((int) digits.nonNegativeWholeNumber()),
                    digits == null ? 0 : p.get("roundedFromMs").number());
        } catch (IllegalArgumentException e) {
            throw Json.wrapModelError(p, e);
        }
        Node duration = m.optional("durationSeconds");
        try {
            return new RunMetadata(tool, Json.optionalText(m, "toolVersion"), sources,
                    instant(m, "start"), instant(m, "end"),
                    duration == null ? Optional.empty()
                            : Optional.of(Duration.ofMillis(Math.round(duration.number() * 1000))),
                    Json.optionalText(m, "stage"), workload, Json.optionalText(m, "scriptHash"), labels,
                    Json.optionalText(m, "mappingHash"), precision);
        } catch (IllegalArgumentException e) {
            throw Json.wrapModelError(m, e);
        }
    }

    private static EndpointStats readEndpoint(Node e) {
        SortedMap<String, Long> kinds = new TreeMap<>();
        Node kindNode = e.optional("failuresByKind");
        if (kindNode != null) {
            for (Map.Entry<String, Node> k : kindNode.fields()) {
                kinds.put(k.getKey(), k.getValue().nonNegativeWholeNumber());
            }
        }
        Optional<EncodedHistogram> histogram = Optional.ofNullable(e.optional("histogram")).map(RunJson::readHistogram);
        Optional<TimeSeries> series = Optional.ofNullable(e.optional("timeSeries")).map(RunJson::readSeries);
        try {
            return new EndpointStats(EndpointId.of(Json.optionalText(e, "method").orElse(null), e.get("name").text()),
                    e.get("requests").nonNegativeWholeNumber(), e.get("failures").nonNegativeWholeNumber(), kinds,
                    Json.optionalNumber(e, "throughput"), readLatency(e.get("latency")), histogram, series);
        } catch (IllegalArgumentException ex) {
            throw Json.wrapModelError(e, ex);
        }
    }

    private static LatencyStats readLatency(Node l) {
        SortedMap<Double, Double> percentiles = new TreeMap<>();
        Node p = l.optional("percentiles");
        if (p != null) {
            for (Map.Entry<String, Node> entry : p.fields()) {
                percentiles.put(Json.parsePercentileKey(entry.getValue(), entry.getKey()), entry.getValue().number());
            }
        }
        try {
            return new LatencyStats(l.get("count").nonNegativeWholeNumber(), Json.optionalNumber(l, "min"),
                    Json.optionalNumber(l, "mean"), Json.optionalNumber(l, "max"), percentiles);
        } catch (IllegalArgumentException ex) {
            throw Json.wrapModelError(l, ex);
        }
    }

    private static EncodedHistogram readHistogram(Node h) {
        Node encoding = h.get("encoding");
        if (!encoding.text().equals("HdrHistogram-V2-compressed")) {
            throw encoding.fail("unsupported histogram encoding '" + encoding.text() + "'");
        }
        if (!h.get("unit").text().equals(EncodedHistogram.UNIT)) {
            throw h.get("unit").fail("histogram unit must be " + EncodedHistogram.UNIT);
        }
        try {
            return EncodedHistogram.fromBase64(h.get("base64").text());
        } catch (IllegalArgumentException ex) {
            throw h.get("base64").fail("not valid base64: " + ex.getMessage());
        }
    }

    private static TimeSeries readSeries(Node s) {
        List<TimeSeries.Point> points = new ArrayList<>();
        for (Node p : s.get("points").elements()) {
            try {
                points.add(new TimeSeries.Point(instant(p, "start").orElseThrow(() -> p.fail("missing start")),
                        p.get("requests").nonNegativeWholeNumber(), p.get("failures").nonNegativeWholeNumber(),
                        Json.optionalNumber(p, "p95")));
            } catch (IllegalArgumentException ex) {
                throw Json.wrapModelError(p, ex);
            }
        }
        try {
            return new TimeSeries(Duration.ofMillis(s.get("intervalMs").wholeNumber()), points);
        } catch (IllegalArgumentException ex) {
            throw Json.wrapModelError(s, ex);
        }
    }

    static Optional<Instant> instant(Node parent, String key) {
        Node n = parent.optional(key);
        if (n == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(n.text()));
        } catch (DateTimeParseException ex) {
            throw n.fail("not an ISO-8601 UTC time such as 2026-01-31T12:00:00Z: " + n.text());
        }
    }

    static <E extends Enum<E>> E parseEnum(Node n, Class<E> type) {
        String text = n.text();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.replace('-', '_'))) {
                return constant;
            }
        }
        throw n.fail("unknown value '" + text + "'");
    }
}
