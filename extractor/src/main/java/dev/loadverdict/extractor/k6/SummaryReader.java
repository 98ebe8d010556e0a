package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.extractor.internal.ServiceMapper;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a parsed k6 summary into a {@link ToolResult}; see {@link K6SummaryFormat} for the rules. */
final class SummaryReader {

    /** The name loadverdict gives a run's total (as {@code dev.loadverdict.extractor.internal.Totals}). */
    static final String TOTAL = "Aggregated";
    /** The endpoint holding the requests that no endpoint submetric covers. */
    static final String OTHER_REQUESTS = "(other requests)";

    private static final Pattern PERCENTILE = Pattern.compile("p\\(\\s*([0-9]+(?:\\.[0-9]+)?)\\s*\\)");
    private static final Set<String> ENDPOINT_TAGS = Set.of("name", "url", "method");
    private static final List<String> TAG_PREFERENCE = List.of("name", "url", "method");

    /** Which metrics make a request. */
    private enum Protocol {
        HTTP(K6Metric.HTTP_REQ_DURATION, K6Metric.HTTP_REQS, K6Metric.HTTP_REQ_FAILED),
        GRPC(K6Metric.GRPC_REQ_DURATION, K6Metric.GRPC_REQS, null);

        final K6Metric duration;
        final K6Metric counter;
        final K6Metric failed;

        Protocol(K6Metric duration, K6Metric counter, K6Metric failed) {
            this.duration = duration;
            this.counter = counter;
            this.failed = failed;
        }
    }

    private final String file;
    private final SummaryDialect dialect;
    /** metric name → submetric tags (empty for the whole metric) → statistics, in file order. */
    private final Map<String, Map<Map<String, String>, Map<String, Object>>> metrics = new LinkedHashMap<>();
    private final Diagnostics diagnostics;

    SummaryReader(String file, Map<String, Object> metricsObject) {
        this.file = file;
        this.diagnostics = new Diagnostics(file);
        this.dialect = SummaryDialect.of(metricsObject);
        for (Map.Entry<String, Object> e : metricsObject.entrySet()) {
            Submetric key = Submetric.parse(e.getKey());
            Map<String, Object> statistics = dialect.statistics(e.getValue());
            if (key != null && statistics != null) {
                metrics.computeIfAbsent(key.metric(), k -> new LinkedHashMap<>()).putIfAbsent(key.tags(), statistics);
            }
        }
    }

    SummaryDialect dialect() {
        return dialect;
    }

    ToolResult read(Map<String, Object> top, ReadContext context) {
        RunMetadata metadata = metadata(top);
        Protocol protocol = metrics.containsKey(Protocol.HTTP.duration.id()) ? Protocol.HTTP
                : metrics.containsKey(Protocol.GRPC.duration.id()) ? Protocol.GRPC : null;
        if (protocol == null || !metrics.get(protocol.duration.id()).containsKey(Map.of())) {
            return new ToolResult(metadata, Optional.empty(), List.of(), diagnostics.warnings());
        }
        if (protocol.failed == null) {
            diagnostics.warn("k6 records no failure metric for gRPC calls: failures are counted as 0");
        } else if (statistics(protocol.failed, Map.of()) == null) {
            diagnostics.warn("no " + protocol.failed.id() + " metric (k6 < 0.31, or the response callback was "
                    + "disabled): failures are counted as 0");
        }
        Measured whole = measure(protocol, Map.of(), EndpointId.of(null, TOTAL));
        if (whole.requests < 0) {
            throw new InputException(file, "k6 summary gives no request count: neither " + protocol.counter.id()
                    + " nor a count in " + protocol.duration.id());
        }
        List<ServiceMapper.Row> rows = endpointRows(protocol, whole);
        return new ToolResult(metadata, Optional.of(whole.stats),
                ServiceMapper.group(rows, Optional.of(whole.stats), context.resolver()), diagnostics.warnings());
    }

    /** Per-endpoint rows from submetrics tagged by name, url and/or method, else one row for the whole run. */
    private List<ServiceMapper.Row> endpointRows(Protocol protocol, Measured whole) {
        Map<Set<String>, List<Map<String, String>>> byKeys = new TreeMap<>(
                Comparator.comparing((Set<String> keys) -> TAG_PREFERENCE.stream().filter(keys::contains).findFirst()
                        .map(TAG_PREFERENCE::indexOf).orElse(9)).thenComparing(Object::toString));
        for (Map<String, String> tags : metrics.get(protocol.duration.id()).keySet()) {
            if (!tags.isEmpty() && ENDPOINT_TAGS.containsAll(tags.keySet())) {
                byKeys.computeIfAbsent(new TreeSet<>(tags.keySet()), k -> new ArrayList<>()).add(tags);
            }
        }
        if (byKeys.isEmpty()) {
            EndpointStats stats = rename(whole.stats, EndpointId.of(null, RequestTags.ALL_REQUESTS));
            return List.of(new ServiceMapper.Row(RequestLabels.of(null, RequestTags.ALL_REQUESTS), stats));
        }
        // the most endpoints win; among equals, the order of byKeys: by name before url before method
        int most = byKeys.values().stream().mapToInt(List::size).max().orElseThrow();
        Set<String> chosen = byKeys.entrySet().stream().filter(e -> e.getValue().size() == most)
                .findFirst().orElseThrow().getKey();
        for (Map.Entry<Set<String>, List<Map<String, String>>> e : byKeys.entrySet()) {
            if (!e.getKey().equals(chosen)) {
                diagnostics.warn("ignored " + e.getValue().size() + " " + protocol.duration.id() + " submetrics by "
                        + String.join("+", e.getKey()) + ": they overlap the endpoints taken from the submetrics by "
                        + String.join("+", chosen));
            }
        }
        List<ServiceMapper.Row> rows = new ArrayList<>();
        long requests = 0;
        long failures = 0;
        boolean countsKnown = true;
        for (Map<String, String> tags : byKeys.get(chosen)) {
            String method = blankToNull(tags.get("method"));
            String url = blankToNull(tags.get("url"));
            String name = tags.get("name") != null ? tags.get("name") : url != null ? url : RequestTags.ALL_REQUESTS;
            Measured m = measure(protocol, tags, EndpointId.of(method, name));
            if (m.requests < 0) {
                countsKnown = false;
                diagnostics.warn("the summary gives no request count for " + EndpointId.of(method, name).key()
                        + " (add \"count\" to summaryTrendStats, or a threshold on " + protocol.counter.id()
                        + "{…}): its requests show as 0");
            }
            requests += Math.max(0, m.requests);
            failures += m.stats.failures();
            rows.add(new ServiceMapper.Row(new RequestLabels(method, name, url, null, null, Map.of()), m.stats));
        }
        if (countsKnown && requests < whole.requests) {
            long rest = whole.requests - requests;
            long restFailures = Math.max(0, Math.min(rest, whole.stats.failures() - failures));
            EndpointStats other = new EndpointStats(EndpointId.of(null, OTHER_REQUESTS), rest, restFailures,
                    new TreeMap<>(), OptionalDouble.empty(), LatencyStats.empty(), Optional.empty(), Optional.empty());
            rows.add(new ServiceMapper.Row(RequestLabels.of(null, OTHER_REQUESTS), other));
        } else if (countsKnown && requests > whole.requests) {
            diagnostics.warn("the endpoint submetrics count " + requests + " requests, the run " + whole.requests
                    + ": they overlap");
        }
        return rows;
    }

    /** An endpoint's statistics and its request count (-1 when the summary does not give one). */
    private record Measured(EndpointStats stats, long requests) {
    }

    private Measured measure(Protocol protocol, Map<String, String> tags, EndpointId id) {
        String what = id.key();
        Map<String, Object> duration = statistics(protocol.duration, tags);
        Map<String, Object> counter = statistics(protocol.counter, tags);
        Map<String, Object> failed = protocol.failed == null ? null : statistics(protocol.failed, tags);
        long requests = -1;
        if (counter != null && number(counter, "count", what).isPresent()) {
            requests = whole(counter, "count", what);
        } else if (failed != null && number(failed, "passes", what).isPresent() && number(failed, "fails", what).isPresent()) {
            requests = whole(failed, "passes", what) + whole(failed, "fails", what);
        } else if (duration != null && number(duration, "count", what).isPresent()) {
            requests = whole(duration, "count", what);
        }
        long failures = failed != null && number(failed, "passes", what).isPresent() ? whole(failed, "passes", what) : 0;
        if (requests >= 0 && failures > requests) {
            throw new InputException(file, what + ": " + protocol.failed.id() + " counts " + failures
                    + " failed requests, more than the " + requests + " requests made");
        }
        // every request has exactly one duration sample, so the trend's count is the request count
        long timed = duration != null && number(duration, "count", what).isPresent()
                ? whole(duration, "count", what) : Math.max(0, requests);
        LatencyStats latency = requests == 0 || duration == null ? LatencyStats.empty()
                : new LatencyStats(timed, number(duration, "min", what), number(duration, "avg", what),
                number(duration, "max", what), percentiles(duration, what));
        OptionalDouble throughput = counter == null ? OptionalDouble.empty() : number(counter, "rate", what);
        EndpointStats stats = new EndpointStats(id, Math.max(0, requests), failures, new TreeMap<>(), throughput,
                latency, Optional.empty(), Optional.empty());
        return new Measured(stats, requests);
    }

    /** {@code p(N)} → N (only 0 &lt; N ≤ 100), and {@code med} as the 50th when there is no {@code p(50)}. */
    private TreeMap<Double, Double> percentiles(Map<String, Object> duration, String what) {
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        for (String key : duration.keySet()) {
            Matcher m = PERCENTILE.matcher(key);
            if (m.matches()) {
                double p = Double.parseDouble(m.group(1));
                OptionalDouble v = number(duration, key, what);
                if (p > 0 && p <= 100 && v.isPresent()) {
                    percentiles.put(p, v.getAsDouble());
                }
            }
        }
        if (!percentiles.containsKey(50.0)) {
            number(duration, "med", what).ifPresent(v -> percentiles.put(50.0, v));
        }
        return percentiles;
    }

    private Map<String, Object> statistics(K6Metric metric, Map<String, String> tags) {
        Map<Map<String, String>, Map<String, Object>> byTags = metrics.get(metric.id());
        return byTags == null ? null : byTags.get(tags);
    }

    /** A statistic that must be a finite number >= 0 when present. */
    private OptionalDouble number(Map<String, Object> statistics, String key, String what) {
        Object v = statistics.get(key);
        if (v == null) {
            return OptionalDouble.empty();
        }
        if (!(v instanceof Double d) || !Double.isFinite(d) || d < 0) {
            throw new InputException(file, what + ": '" + key + "' is not a number >= 0: " + v);
        }
        return OptionalDouble.of(d);
    }

    private long whole(Map<String, Object> statistics, String key, String what) {
        double v = number(statistics, key, what).orElseThrow();
        if (v != Math.rint(v) || v > Long.MAX_VALUE / 2) {
            throw new InputException(file, what + ": '" + key + "' is not a whole number: " + v);
        }
        return (long) v;
    }

    private RunMetadata metadata(Map<String, Object> top) {
        Optional<Duration> duration = Optional.empty();
        if (top.get("state") instanceof Map<?, ?> state && state.get("testRunDurationMs") instanceof Double ms
                && Double.isFinite(ms) && ms >= 0) {
            duration = Optional.of(Duration.ofNanos(Math.round(ms * 1e6)));
        } else {
            // k6 computes a counter's rate as count / test duration, so any counter gives the duration back
            for (K6Metric counter : List.of(K6Metric.HTTP_REQS, K6Metric.GRPC_REQS)) {
                Map<String, Object> s = statistics(counter, Map.of());
                if (s != null && s.get("count") instanceof Double count && s.get("rate") instanceof Double rate
                        && rate > 0 && count >= 0 && Double.isFinite(count / rate)) {
                    duration = Optional.of(Duration.ofNanos(Math.round(count / rate * 1e9)));
                    break;
                }
            }
        }
        OptionalInt users = gauge(K6Metric.VUS, "max");
        if (users.isEmpty()) {
            users = gauge(K6Metric.VUS_MAX, "max");
        }
        if (users.isEmpty()) {
            users = gauge(K6Metric.VUS_MAX, "value");
        }
        Workload workload = new Workload(Workload.Model.UNKNOWN, users, OptionalDouble.empty());
        return new RunMetadata(Tool.K6, Optional.empty(), List.of(file), Optional.empty(), Optional.empty(), duration,
                Optional.empty(), workload, Optional.empty(), new TreeMap<>(), Optional.empty(), RawResults.precision());
    }

    private OptionalInt gauge(K6Metric metric, String key) {
        Map<String, Object> s = statistics(metric, Map.of());
        if (s != null && s.get(key) instanceof Double v && Double.isFinite(v) && v >= 0) {
            return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, Math.round(v)));
        }
        return OptionalInt.empty();
    }

    private static EndpointStats rename(EndpointStats e, EndpointId id) {
        return new EndpointStats(id, e.requests(), e.failures(), e.failuresByKind(), e.throughput(), e.latency(),
                e.histogram(), e.timeSeries());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
