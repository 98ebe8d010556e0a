package dev.loadverdict.extractor.gatling;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.MatchStrength;
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
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

import static dev.loadverdict.extractor.internal.AggregateFields.count;
import static dev.loadverdict.extractor.internal.AggregateFields.fail;
import static dev.loadverdict.extractor.internal.AggregateFields.time;

/**
 * Reads the statistics of Gatling's HTML report: {@code js/stats.json} (a tree of groups and requests, each with
 * its statistics) and {@code js/global_stats.json} (the root's statistics only). Aggregates only: per entry the
 * request count and KO count, min, max and mean response time (whole ms, rounded by Gatling), requests per second
 * and four percentiles.
 *
 * <p><b>Percentiles</b>: the file calls them {@code percentiles1..4} and does not say which they are; they are
 * {@code gatling.charting.indicators.percentile1..4} of the run's {@code gatling.conf}, 50/75/95/99 by default,
 * which this reader assumes unless constructed with others.
 *
 * <p><b>Endpoints</b> as for the raw log ({@link GatlingRecorder}): a request's name is its {@code path} (groups and
 * name joined by {@code " / "}), its group path the {@code group} label; a group is an endpoint with method
 * {@code GROUP} and never counts in the totals. The root's statistics are the run's total. A
 * {@code global_stats.json} gives the total only (one service without endpoints).
 *
 * <p><b>Detection</b>: a JSON object with {@code "numberOfRequests"} (full match with {@code "percentiles1"}). The two
 * files are two formats ({@link #GatlingStatsFormat()} for the tree, which has {@code "contents"} right after the
 * root's statistics, and {@link #globalStats()} for the root alone), so that a report directory holding both reads
 * {@code stats.json} only instead of counting the run twice.
 */
final class GatlingStatsFormat implements ResultFormat {

    private static final int MAX_DEPTH = 64;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(ReadLimits.MAX_JSON_STRING).maxNestingDepth(200).build())
            .build();

    private static final double[] DEFAULT_PERCENTILES = {50, 75, 95, 99};

    private final double[] percentiles;
    private final boolean tree;

    /** {@code stats.json}, with Gatling's default percentiles: 50, 75, 95 and 99. */
    public GatlingStatsFormat() {
        this(DEFAULT_PERCENTILES);
    }

    /** {@code global_stats.json} (the run's total only), with Gatling's default percentiles. */
    public static GatlingStatsFormat globalStats() {
        return new GatlingStatsFormat(false, DEFAULT_PERCENTILES);
    }

    /** {@code stats.json}; @param percentiles those of {@code percentiles1..4}, in percent (gatling.conf's indicators) */
    public GatlingStatsFormat(double... percentiles) {
        this(true, percentiles);
    }

    private GatlingStatsFormat(boolean tree, double... percentiles) {
        this.tree = tree;
        if (percentiles.length != 4) {
            throw new IllegalArgumentException("Gatling reports four percentiles, not " + percentiles.length);
        }
        for (double p : percentiles) {
            if (!(p > 0 && p <= 100)) {
                throw new IllegalArgumentException("a percentile must be in (0, 100] but was " + p);
            }
        }
        this.percentiles = percentiles.clone();
    }

    @Override
    public String displayName() {
        return tree ? "Gatling report stats.json" : "Gatling report global_stats.json";
    }

    @Override
    public MatchStrength detect(Head head) {
        String text = head.text().stripLeading();
        if (!text.startsWith("{") || !text.contains("\"numberOfRequests\"")
                || text.contains("\"contents\"") != tree) {
            return MatchStrength.NO_MATCH;
        }
        return text.contains("\"percentiles1\"") ? MatchStrength.FULL_MATCH : MatchStrength.SOLID_MATCH;
    }

    /** A request or group of the report, with the statistics it gave. */
    private record Entry(boolean group, String path, long line, Map<String, Double> numbers) {
    }

    @Override
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        List<Entry> entries = new ArrayList<>();
        Entry root;
        try (Reader reader = InputFiles.openText(path, displayPath); JsonParser json = JSON.createParser(reader)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw fail(displayPath, json, "not a Gatling stats.json: it is no JSON object");
            }
            root = node(json, displayPath, entries, 0);
            if (json.nextToken() != null) {
                throw fail(displayPath, json, "text after the JSON object");
            }
        } catch (JsonProcessingException e) {
            throw Messages.brokenJson(displayPath, e);
        } catch (IOException e) {
            throw new InputException(displayPath, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
        if (root.numbers.isEmpty()) {
            throw new InputException(displayPath, "a Gatling stats.json without statistics");
        }
        EndpointStats total = stats(displayPath, root.line, EndpointId.of(null, "All Requests"), root.numbers);
        List<ServiceMapper.Row> requests = new ArrayList<>();
        List<ServiceMapper.Row> groups = new ArrayList<>();
        for (Entry e : entries) {
            int cut = e.path.lastIndexOf(GatlingRecorder.PATH_SEPARATOR);
            String group = e.group ? e.path : cut < 0 ? null : e.path.substring(0, cut);
            RequestLabels labels = new RequestLabels(e.group ? GatlingRecorder.GROUP_METHOD : null, e.path, null, null,
                    group, Map.of());
            EndpointStats stats = stats(displayPath, e.line, EndpointId.of(labels.method(), e.path), e.numbers);
            (e.group ? groups : requests).add(new ServiceMapper.Row(labels, stats));
        }
        List<ServiceStats> services = new ArrayList<>(requests.isEmpty() && groups.isEmpty()
                ? List.of(new ServiceStats(EndpointResolver.DEFAULT_SERVICE, total, List.of()))
                : ServiceMapper.group(requests, Optional.of(total), context.resolver()));
        withGroups(services, groups, context.resolver());
        RunMetadata metadata = RunMetadata.of(Tool.GATLING, Optional.empty(), List.of(displayPath),
                SourcePrecision.wholeMilliseconds());
        return new ToolResult(metadata, Optional.of(total), services, List.of());
    }

    /** Adds group endpoints to their services, outside the totals (a service of groups only totals its groups). */
    private static void withGroups(List<ServiceStats> services, List<ServiceMapper.Row> groups, EndpointResolver resolver) {
        List<ServiceMapper.Row> alone = new ArrayList<>();
        for (ServiceMapper.Row row : groups) {
            EndpointResolver.Target target = resolver.resolve(row.labels());
            int at = -1;
            for (int i = 0; i < services.size(); i++) {
                if (services.get(i).name().equals(target.service())) {
                    at = i;
                }
            }
            if (at < 0) {
                alone.add(row);
                continue;
            }
            ServiceStats s = services.get(at);
            if (s.endpoints().stream().anyMatch(e -> e.id().equals(target.id()))) {
                continue; // a mapping rule folded two groups into one endpoint: the first one's statistics stand
            }
            List<EndpointStats> endpoints = new ArrayList<>(s.endpoints());
            EndpointStats g = row.stats();
            endpoints.add(new EndpointStats(target.id(), g.requests(), g.failures(), g.failuresByKind(), g.throughput(),
                    g.latency(), g.histogram(), g.timeSeries()));
            endpoints.sort((a, b) -> a.id().compareTo(b.id()));
            services.set(at, new ServiceStats(s.name(), s.total(), endpoints));
        }
        if (!alone.isEmpty()) {
            services.addAll(ServiceMapper.group(alone, Optional.empty(), resolver));
        }
    }

    /** Reads one node (the cursor on its START_OBJECT): its own statistics; children go into {@code entries}. */
    private Entry node(JsonParser json, String file, List<Entry> entries, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw fail(file, json, "groups nested deeper than " + MAX_DEPTH);
        }
        long line = json.currentLocation().getLineNr();
        String type = null;
        String name = null;
        String path = null;
        Map<String, Double> numbers = new HashMap<>();
        List<Entry> children = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "type" -> type = text(json, file, field);
                case "name" -> name = value == JsonToken.VALUE_STRING ? json.getText() : null;
                case "path" -> path = text(json, file, field);
                case "stats" -> {
                    expectObject(json, file, field);
                    statistics(json, file, numbers);
                }
                case "contents" -> {
                    expectObject(json, file, field);
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String key = json.currentName();
                        expectObject(json.nextToken(), json, file, key);
                        children.add(node(json, file, entries, depth + 1));
                    }
                }
                case "numberOfRequests", "minResponseTime", "maxResponseTime", "meanResponseTime",
                     "percentiles1", "percentiles2", "percentiles3", "percentiles4", "meanNumberOfRequestsPerSecond" -> {
                    // global_stats.json: the statistics object itself
                    expectObject(json, file, field);
                    sides(json, file, field, numbers);
                }
                default -> json.skipChildren();
            }
        }
        if (depth > 0) {
            if (!"REQUEST".equals(type) && !"GROUP".equals(type)) {
                throw new InputException(file, line, "entry '" + name + "' has type '" + type
                        + "', expected REQUEST or GROUP");
            }
            String entryPath = path != null && !path.isEmpty() ? path : name == null ? "" : name;
            entries.add(new Entry("GROUP".equals(type), entryPath, line, numbers));
            if (entries.size() > ReadLimits.MAX_ENTRIES) {
                throw new InputException(file, line, "more than " + ReadLimits.MAX_ENTRIES + " entries");
            }
        }
        return new Entry(true, path == null ? "" : path, line, numbers);
    }

    private static void statistics(JsonParser json, String file, Map<String, Double> numbers) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.START_OBJECT && !field.startsWith("group")) {
                sides(json, file, field, numbers);
            } else {
                json.skipChildren();
            }
        }
    }

    /** Reads {@code {"total": …, "ok": …, "ko": …}} into {@code field.total} etc. */
    private static void sides(JsonParser json, String file, String field, Map<String, Double> numbers) throws IOException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String side = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
                numbers.put(field + "." + side, json.getDoubleValue());
            } else if (value == JsonToken.VALUE_STRING) {
                String t = json.getText().strip().replace(",", "");
                if (!t.isEmpty() && !t.equals("-")) {
                    try {
                        numbers.put(field + "." + side, Double.parseDouble(t));
                    } catch (NumberFormatException e) {
                        throw fail(file, json, field + "." + side + " is not a number: \"" + json.getText() + "\"");
                    }
                }
            } else {
                json.skipChildren();
            }
        }
    }

    private static String text(JsonParser json, String file, String field) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            throw fail(file, json, "field '" + field + "' is not text");
        }
        return json.getText();
    }

    private static void expectObject(JsonParser json, String file, String field) {
        expectObject(json.currentToken(), json, file, field);
    }

    private static void expectObject(JsonToken token, JsonParser json, String file, String field) {
        if (token != JsonToken.START_OBJECT) {
            throw fail(file, json, "'" + field + "' is no object");
        }
    }

    private EndpointStats stats(String file, long line, EndpointId id, Map<String, Double> numbers) {
        long requests = count(file, line, id, numbers, "numberOfRequests.total");
        long failures = numbers.containsKey("numberOfRequests.ko") ? count(file, line, id, numbers, "numberOfRequests.ko") : 0;
        if (failures > requests) {
            throw new InputException(file, line, "'" + id.key() + "' has more KOs (" + failures + ") than requests ("
                    + requests + ")");
        }
        SortedMap<Double, Double> quantiles = new TreeMap<>();
        if (requests > 0) {
            for (int i = 0; i < percentiles.length; i++) {
                double p = percentiles[i];
                time(numbers, "percentiles" + (i + 1) + ".total").ifPresent(v -> quantiles.put(p, v));
            }
        }
        LatencyStats latency = requests == 0 ? LatencyStats.empty() : new LatencyStats(requests,
                time(numbers, "minResponseTime.total"), time(numbers, "meanResponseTime.total"),
                time(numbers, "maxResponseTime.total"), quantiles);
        return new EndpointStats(id, requests, failures, new TreeMap<>(),
                time(numbers, "meanNumberOfRequestsPerSecond.total"), latency, Optional.empty(), Optional.empty());
    }
}
