package dev.loadverdict.codec;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;

import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The flat per-service baseline many teams keep by hand or from a script (e.g. {@code docs/performance-baselines.json}),
 * read for {@code loadverdict baseline import}:
 *
 * <pre>
 * { "api_gateway": { "avg_latency_ms": 45.2, "median_latency_ms": 38, "p95_latency_ms": 120, "p99_latency_ms": 250,
 *                    "error_rate_pct": 0.5, "rps": 150.3, "total_requests": 9000, "total_failures": 45,
 *                    "timestamp": "2024-01-15T10:30:00Z", "baseline_users": 50 }, … }
 * </pre>
 *
 * The services may also sit under a {@code "services"} key. Every field is optional; only what is there is filled
 * in (a missing percentile stays missing, never guessed from the average). Each service becomes a service with
 * its total only (the flat form has no endpoints). Failures come from {@code total_failures}, else from
 * {@code error_rate_pct} × {@code total_requests}; when both are given they must agree to within one request.
 * {@code duration_s} (seconds) sets the run's duration; {@code notes} is allowed and ignored. Unknown keys are
 * refused with their line, so a typo is not silently dropped.
 */
public final class LegacyBaselineJson {

    private static final Set<String> KEYS = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(List.of("avg_latency_ms", "median_latency_ms", "p50_latency_ms",
            "p90_latency_ms", "p95_latency_ms", "p99_latency_ms", "min_latency_ms", "max_latency_ms", "error_rate_pct",
            "rps", "total_requests", "total_failures", "timestamp", "baseline_users", "duration_s", "notes")));

    /** The tool version an imported legacy baseline records, which tells it from an extracted run. */
    static final String IMPORTED = "imported legacy baseline";

    private LegacyBaselineJson() {
    }

    /** Whether a run was imported from a legacy baseline (so it was never extracted, with or without a mapping). */
    public static boolean isImported(RunMetadata metadata) {
        return metadata.toolVersion().equals(Optional.of(IMPORTED)); // kept when --tool names the tool
    }

    /**
     * Whether a run was imported from a legacy baseline without naming its tool ({@code baseline import} without
     * {@code --tool}): its tool reads {@code generic} for want of knowing, not because a generic file was read.
     */
    public static boolean toolUnknown(RunMetadata metadata) {
        return isImported(metadata) && metadata.tool() == Tool.GENERIC;
    }

    /**
     * @param source names the file in messages
     * @throws InputException when the file is not of this form, with its line
     */
    public static Run read(String source, Reader reader) {
        Node root = Node.parse(Json.FACTORY, source, reader).requireObject();
        Node services = root.has("services") ? root.get("services").requireObject() : root;
        List<ServiceStats> result = new ArrayList<>();
        Optional<Instant> start = Optional.empty();
        Optional<java.time.Duration> duration = Optional.empty();
        int users = 0;
        for (Map.Entry<String, Node> entry : services.fields()) {
            if (entry.getKey().equals("schema")) {
                throw entry.getValue().fail("this is a loadverdict document, not a legacy baseline; use it directly");
            }
            Node s = entry.getValue().requireObject().requireKeys(KEYS);
            EndpointStats total = total(s);
            try {
                result.add(new ServiceStats(entry.getKey(), total, List.of()));
            } catch (IllegalArgumentException e) {
                throw s.fail(e.getMessage());
            }
            Optional<Instant> at = timestamp(s);
            if (at.isPresent() && (start.isEmpty() || at.get().isBefore(start.get()))) {
                start = at;
            }
            if (s.has("duration_s")) {
                double seconds = s.get("duration_s").number();
                if (seconds < 0) {
                    throw s.get("duration_s").fail("must be >= 0 but was " + seconds);
                }
                java.time.Duration d = java.time.Duration.ofMillis(Math.round(seconds * 1000));
                duration = duration.isEmpty() || d.compareTo(duration.get()) > 0 ? Optional.of(d) : duration;
            }
            if (s.has("baseline_users")) {
                users = Math.max(users, (int) Math.min(Integer.MAX_VALUE, s.get("baseline_users").nonNegativeWholeNumber()));
            }
        }
        if (result.isEmpty()) {
            throw root.fail("holds no services (expected an object of services, each with fields such as p95_latency_ms)");
        }
        RunMetadata metadata = new RunMetadata(Tool.GENERIC, Optional.of(IMPORTED), List.of(source),
                start, Optional.empty(), duration, Optional.empty(),
                new Workload(Workload.Model.UNKNOWN, users > 0 ? OptionalInt.of(users) : OptionalInt.empty(), OptionalDouble.empty()),
                Optional.empty(), new TreeMap<>(), Optional.empty(), SourcePrecision.wholeMilliseconds());
        return new Run(metadata, Optional.empty(), result);
    }

    private static EndpointStats total(Node s) {
        long requests = s.has("total_requests") ? s.get("total_requests").nonNegativeWholeNumber() : 0;
        long failures;
        if (s.has("total_failures")) {
            failures = s.get("total_failures").nonNegativeWholeNumber();
            if (s.has("error_rate_pct") && requests > 0) {
                double stated = s.get("error_rate_pct").number();
                if (Math.abs(stated / 100 * requests - failures) > 1) {
                    throw s.get("error_rate_pct").fail("says " + stated + "% but total_failures/total_requests is "
                            + String.format(java.util.Locale.ROOT, "%.4f", 100.0 * failures / requests) + "%");
                }
            }
        } else if (s.has("error_rate_pct")) {
            Node rate = s.get("error_rate_pct");
            if (requests == 0) {
                throw rate.fail("needs total_requests to become a failure count");
            }
            failures = Math.round(rate.number() / 100 * requests);
        } else {
            failures = 0;
        }
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        percentile(s, "median_latency_ms", 50, percentiles);
        percentile(s, "p50_latency_ms", 50, percentiles);
        percentile(s, "p90_latency_ms", 90, percentiles);
        percentile(s, "p95_latency_ms", 95, percentiles);
        percentile(s, "p99_latency_ms", 99, percentiles);
        try {
            return new EndpointStats(EndpointId.of(null, "Aggregated"), requests, failures, new TreeMap<>(),
                    Json.optionalNumber(s, "rps"), new LatencyStats(requests, Json.optionalNumber(s, "min_latency_ms"),
                    Json.optionalNumber(s, "avg_latency_ms"), Json.optionalNumber(s, "max_latency_ms"), percentiles),
                    Optional.empty(), Optional.empty());
        } catch (IllegalArgumentException e) {
            throw s.fail(e.getMessage());
        }
    }

    private static void percentile(Node s, String key, double percent, TreeMap<Double, Double> into) {
        if (s.has(key)) {
            into.put(percent, s.get(key).number());
        }
    }

    private static Optional<Instant> timestamp(Node s) {
        if (!s.has("timestamp")) {
            return Optional.empty();
        }
        Node t = s.get("timestamp");
        try {
            return Optional.of(Instant.parse(t.text()));
        } catch (DateTimeParseException e) {
            throw t.fail("expected an ISO-8601 UTC time such as 2024-01-15T10:30:00Z but found '" + t.text() + "'");
        }
    }
}
