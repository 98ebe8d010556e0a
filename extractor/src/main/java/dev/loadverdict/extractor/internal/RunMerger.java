package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.EncodedHistogram;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.TimeSeries;
import dev.loadverdict.model.Workload;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Merges the results of concurrent load generators into one run: counts, throughputs and users add,
 * time ranges unite, histograms add (so merged percentiles are exact), time series add per interval.
 * Where a part has no histogram, the merged endpoint has no percentiles (they cannot be combined from
 * percentiles) and an interval that several parts contribute to has no p95. Merging is associative and
 * commutative.
 */
public final class RunMerger {

    private RunMerger() {
    }

    /** Merges one or more results; the first's source name is used in errors. */
    public static ToolResult merge(List<ToolResult> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        ToolResult merged = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            merged = merge(merged, parts.get(i));
        }
        return merged;
    }

    static ToolResult merge(ToolResult a, ToolResult b) {
        RunMetadata metadata = metadata(a.metadata(), b.metadata());
        Optional<EndpointStats> total = a.total().isPresent() && b.total().isPresent()
                ? Optional.of(endpoint(a.total().get(), b.total().get())) : Optional.empty();
        Map<String, List<ServiceStats>> byName = new LinkedHashMap<>();
        for (ServiceStats s : a.services()) {
            byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
        }
        for (ServiceStats s : b.services()) {
            byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
        }
        List<ServiceStats> services = new ArrayList<>();
        for (Map.Entry<String, List<ServiceStats>> e : byName.entrySet()) {
            services.add(e.getValue().size() == 1 ? e.getValue().get(0) : service(e.getValue().get(0), e.getValue().get(1)));
        }
        List<String> warnings = new ArrayList<>(a.warnings());
        warnings.addAll(b.warnings());
        List<ToolResult> parts = new ArrayList<>();
        if (a.parts().size() == b.parts().size()) {
            for (int i = 0; i < a.parts().size(); i++) {
                parts.add(merge(a.parts().get(i), b.parts().get(i)));
            }
        }
        return new ToolResult(metadata, total, services, warnings, parts);
    }

    private static ServiceStats service(ServiceStats a, ServiceStats b) {
        Map<EndpointId, EndpointStats> endpoints = new TreeMap<>();
        for (EndpointStats e : a.endpoints()) {
            endpoints.put(e.id(), e);
        }
        for (EndpointStats e : b.endpoints()) {
            endpoints.merge(e.id(), e, RunMerger::endpoint);
        }
        return new ServiceStats(a.name(), endpoint(a.total(), b.total()), List.copyOf(endpoints.values()));
    }

    /** Two parts of the same endpoint, from concurrent generators. */
    static EndpointStats endpoint(EndpointStats a, EndpointStats b) {
        SortedMap<String, Long> kinds = new TreeMap<>(a.failuresByKind());
        b.failuresByKind().forEach((k, v) -> kinds.merge(k, v, Long::sum));
        OptionalDouble throughput = a.throughput().isPresent() && b.throughput().isPresent()
                ? OptionalDouble.of(a.throughput().getAsDouble() + b.throughput().getAsDouble()) : OptionalDouble.empty();
        Optional<EncodedHistogram> histogram = Optional.empty();
        LatencyStats latency;
        if (a.histogram().isPresent() && b.histogram().isPresent()) {
            Histogram h = Histograms.decode(a.histogram().get(), a.id().key());
            h.add(Histograms.decode(b.histogram().get(), b.id().key()));
            histogram = Optional.of(Histograms.encode(h));
            latency = latency(a.latency(), b.latency(), h);
        } else if (a.latency().count() == 0 && b.histogram().isPresent() || b.latency().count() == 0 && a.histogram().isPresent()) {
            EndpointStats timed = a.latency().count() == 0 ? b : a;
            histogram = timed.histogram();
            latency = timed.latency();
        } else {
            latency = latency(a.latency(), b.latency(), null);
        }
        return new EndpointStats(a.id(), a.requests() + b.requests(), a.failures() + b.failures(), kinds, throughput,
                latency, histogram, series(a.timeSeries(), b.timeSeries()));
    }

    private static LatencyStats latency(LatencyStats a, LatencyStats b, Histogram merged) {
        if (a.count() == 0) {
            return merged == null ? b : withPercentiles(b, merged);
        }
        if (b.count() == 0) {
            return merged == null ? a : withPercentiles(a, merged);
        }
        long count = a.count() + b.count();
        OptionalDouble min = a.min().isPresent() && b.min().isPresent()
                ? OptionalDouble.of(Math.min(a.min().getAsDouble(), b.min().getAsDouble())) : OptionalDouble.empty();
        OptionalDouble max = a.max().isPresent() && b.max().isPresent()
                ? OptionalDouble.of(Math.max(a.max().getAsDouble(), b.max().getAsDouble())) : OptionalDouble.empty();
        OptionalDouble mean = a.mean().isPresent() && b.mean().isPresent()
                ? OptionalDouble.of((a.mean().getAsDouble() * a.count() + b.mean().getAsDouble() * b.count()) / count)
                : OptionalDouble.empty();
        LatencyStats combined = new LatencyStats(count, min, mean, max, new TreeMap<>());
        return merged == null ? combined : withPercentiles(combined, merged);
    }

    private static LatencyStats withPercentiles(LatencyStats stats, Histogram h) {
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        double maxMicros = stats.max().isPresent() ? stats.max().getAsDouble() * 1000 : Double.MAX_VALUE;
        for (double p : Histograms.REPORTED_PERCENTILES) {
            percentiles.put(p, Histograms.millis(Math.min(h.getValueAtPercentile(p), maxMicros)));
        }
        return new LatencyStats(stats.count(), stats.min(), stats.mean(), stats.max(), percentiles);
    }

    private static Optional<TimeSeries> series(Optional<TimeSeries> a, Optional<TimeSeries> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        long interval = Math.max(a.get().interval().toMillis(), b.get().interval().toMillis());
        TreeMap<Long, List<TimeSeries.Point>> points = new TreeMap<>();
        for (TimeSeries.Point p : a.get().points()) {
            points.computeIfAbsent(Math.floorDiv(p.start().toEpochMilli(), interval) * interval, k -> new ArrayList<>()).add(p);
        }
        for (TimeSeries.Point p : b.get().points()) {
            points.computeIfAbsent(Math.floorDiv(p.start().toEpochMilli(), interval) * interval, k -> new ArrayList<>()).add(p);
        }
        while (points.size() > TimeSeries.MAX_INTERVALS) {
            interval *= 2;
            TreeMap<Long, List<TimeSeries.Point>> coarser = new TreeMap<>();
            for (Map.Entry<Long, List<TimeSeries.Point>> e : points.entrySet()) {
                coarser.computeIfAbsent(Math.floorDiv(e.getKey(), interval) * interval, k -> new ArrayList<>()).addAll(e.getValue());
            }
            points = coarser;
        }
        List<TimeSeries.Point> merged = new ArrayList<>();
        for (Map.Entry<Long, List<TimeSeries.Point>> e : points.entrySet()) {
            List<TimeSeries.Point> group = e.getValue();
            long requests = group.stream().mapToLong(TimeSeries.Point::requests).sum();
            long failures = group.stream().mapToLong(TimeSeries.Point::failures).sum();
            OptionalDouble p95 = group.size() == 1 ? group.get(0).p95() : OptionalDouble.empty();
            merged.add(new TimeSeries.Point(Instant.ofEpochMilli(e.getKey()), requests, failures, p95));
        }
        return Optional.of(new TimeSeries(Duration.ofMillis(interval), merged));
    }

    private static RunMetadata metadata(RunMetadata a, RunMetadata b) {
        if (a.tool() != b.tool()) {
            throw new InputException(b.sources().isEmpty() ? "?" : b.sources().get(0), "cannot be merged with "
                    + (a.sources().isEmpty() ? "the others" : a.sources().get(0)) + ": results of " + a.tool().id()
                    + " and " + b.tool().id() + " are different runs");
        }
        List<String> sources = new ArrayList<>(a.sources());
        b.sources().stream().filter(s -> !sources.contains(s)).forEach(sources::add);
        Optional<Instant> start = earliest(a.start(), b.start());
        Optional<Instant> end = latest(a.end(), b.end());
        Optional<Duration> duration = start.isPresent() && end.isPresent()
                ? Optional.of(Duration.between(start.get(), end.get()))
                : a.duration().isPresent() && b.duration().isPresent()
                ? Optional.of(a.duration().get().compareTo(b.duration().get()) >= 0 ? a.duration().get() : b.duration().get())
                : Optional.empty();
        Workload workload = new Workload(a.workload().model() == b.workload().model() ? a.workload().model() : Workload.Model.UNKNOWN,
                a.workload().users().isPresent() && b.workload().users().isPresent()
                        ? OptionalInt.of(a.workload().users().getAsInt() + b.workload().users().getAsInt()) : OptionalInt.empty(),
                a.workload().arrivalRate().isPresent() && b.workload().arrivalRate().isPresent()
                        ? OptionalDouble.of(a.workload().arrivalRate().getAsDouble() + b.workload().arrivalRate().getAsDouble())
                        : OptionalDouble.empty());
        Optional<String> version = Objects.equals(a.toolVersion(), b.toolVersion()) ? a.toolVersion()
                : Optional.of(a.toolVersion().orElse("?") + "+" + b.toolVersion().orElse("?"));
        TreeMap<String, String> labels = new TreeMap<>(a.labels());
        labels.putAll(b.labels());
        return new RunMetadata(a.tool(), version, sources, start, end, duration,
                Objects.equals(a.stage(), b.stage()) ? a.stage() : Optional.empty(), workload,
                Objects.equals(a.scriptHash(), b.scriptHash()) ? a.scriptHash() : Optional.empty(), labels,
                a.mappingHash(), a.precision().resolutionMs() >= b.precision().resolutionMs() ? a.precision() : b.precision());
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }

    private static Optional<Instant> latest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? a : b;
        }
        return Optional.of(a.get().isAfter(b.get()) ? a.get() : b.get());
    }
}
