package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.ServiceStats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The endpoints of one time window of a {@link SampleAggregator}: each sample that started inside it goes to its
 * endpoint's accumulator (services and endpoints capped as {@link EndpointCaps} says), and {@link #finish} turns them into
 * services with exact totals.
 */
final class WindowAggregate {

    private static final int FAST_PATH_LIMIT = 1 << 16;
    /** The characters all labels in the fast path may hold together: a file of huge labels cannot fill memory. */
    private static final long FAST_PATH_CHARS = 4L << 20;

    private final EndpointResolver resolver;
    private final TimeWindow window;
    private final EndpointCaps caps;
    private final Map<String, Map<EndpointId, EndpointAccumulator>> services = new LinkedHashMap<>();
    private final Map<RequestLabels, EndpointAccumulator> byLabels = new HashMap<>();
    /** Per endpoint accumulator, its samples that stay out of the totals (see {@link SampleAggregator#addOutsideTotals}). */
    final Map<EndpointAccumulator, EndpointAccumulator> outsideTotals = new IdentityHashMap<>();
    private long cachedChars;
    private long firstStartMs = Long.MAX_VALUE;
    private long lastStartMs = Long.MIN_VALUE;
    long outsideWindow;
    private final Supplier<EndpointAccumulator> newAccumulator;

    WindowAggregate(EndpointResolver resolver, TimeWindow window, Supplier<EndpointAccumulator> newAccumulator) {
        this.resolver = resolver;
        this.window = window;
        this.newAccumulator = newAccumulator;
        this.caps = new EndpointCaps(resolver.naming());
    }

    /** The endpoint's accumulator, or null when the sample lies outside the time window. */
    EndpointAccumulator endpoint(RequestLabels labels, long startMs) {
        if (!window.contains(startMs)) {
            outsideWindow++;
            return null;
        }
        firstStartMs = Math.min(firstStartMs, startMs);
        lastStartMs = Math.max(lastStartMs, startMs);
        EndpointAccumulator accumulator = byLabels.get(labels);
        if (accumulator == null) {
            accumulator = accumulatorFor(resolver.resolve(labels));
            int chars = labels.chars();
            if (byLabels.size() < FAST_PATH_LIMIT && cachedChars + chars <= FAST_PATH_CHARS) {
                byLabels.put(labels, accumulator);
                cachedChars += chars;
            }
        }
        return accumulator;
    }

    private EndpointAccumulator accumulatorFor(EndpointResolver.Target target) {
        Map<EndpointId, EndpointAccumulator> endpoints = services.computeIfAbsent(caps.service(target.service(), services),
                s -> new LinkedHashMap<>());
        return endpoints.computeIfAbsent(caps.endpoint(target.id(), endpoints), k -> newAccumulator.get());
    }

    /**
     * Adds the endpoints of {@code later} (the same window over the samples after this one's): false when a cap
     * was or would be applied, or failure kinds would be (see {@link SampleAggregator#absorb}).
     */
    boolean absorb(WindowAggregate later) {
        if (caps.capped() || later.caps.capped()) {
            return false;
        }
        for (Map.Entry<String, Map<EndpointId, EndpointAccumulator>> service : later.services.entrySet()) {
            String name = caps.service(service.getKey(), services);
            Map<EndpointId, EndpointAccumulator> endpoints = services.computeIfAbsent(name, s -> new LinkedHashMap<>());
            for (Map.Entry<EndpointId, EndpointAccumulator> e : service.getValue().entrySet()) {
                EndpointId id = caps.endpoint(e.getKey(), endpoints);
                if (caps.capped()) {
                    return false;
                }
                EndpointAccumulator into = endpoints.computeIfAbsent(id, k -> newAccumulator.get());
                if (!into.absorb(e.getValue())) {
                    return false;
                }
                EndpointAccumulator outside = later.outsideTotals.get(e.getValue());
                if (outside != null && !outsideTotals.computeIfAbsent(into, k -> newAccumulator.get()).absorb(outside)) {
                    return false;
                }
            }
        }
        firstStartMs = Math.min(firstStartMs, later.firstStartMs);
        lastStartMs = Math.max(lastStartMs, later.lastStartMs);
        outsideWindow += later.outsideWindow;
        return true;
    }

    /**
     * The most the time series of this window's endpoints could have been charged at any moment of one pass that
     * ends with them as they are, while their budget kept its first interval: what a series holds now when it still
     * has its first interval (it never held more), and otherwise the most any series can hold.
     */
    long seriesBound() {
        long bound = 0;
        for (Map<EndpointId, EndpointAccumulator> endpoints : services.values()) {
            for (EndpointAccumulator a : endpoints.values()) {
                bound += a.series().bound();
            }
        }
        for (EndpointAccumulator a : outsideTotals.values()) {
            bound += a.series().bound();
        }
        return bound;
    }

    /** How far from the epoch the samples' starts reach (the longest interval that can still matter). */
    long reach() {
        return firstStartMs > lastStartMs ? 0 : Math.max(Math.abs(firstStartMs), Math.abs(lastStartMs));
    }

    void coarsen(long interval) {
        services.values().forEach(endpoints -> endpoints.values().forEach(a -> a.series().coarsen(interval)));
        outsideTotals.values().forEach(a -> a.series().coarsen(interval));
    }
    SampleAggregator.Aggregate finish(List<SampleAggregator.Aggregate> parts, Optional<SampleAggregator.Placed> placed) {
        List<EndpointAccumulator> all = new ArrayList<>();
        services.values().forEach(endpoints -> all.addAll(endpoints.values()));
        boolean anyInTotals = all.stream().anyMatch(a -> a.count() > 0);
        all.addAll(outsideTotals.values());
        if (all.isEmpty()) {
            return new SampleAggregator.Aggregate(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), parts, placed);
        }
        long interval = all.stream().mapToLong(a -> a.series().intervalMs()).max().orElse(TimeSeriesBuilder.FIRST_INTERVAL_MS);
        all.forEach(a -> a.series().coarsen(interval));
        long start = all.stream().mapToLong(EndpointAccumulator::firstStartMs).min().orElseThrow();
        long end = all.stream().mapToLong(EndpointAccumulator::lastEndMs).max().orElseThrow();
        long duration = Math.max(0, end - start);
        EndpointAccumulator runTotal = new EndpointAccumulator();
        List<ServiceStats> result = new ArrayList<>();
        for (Map.Entry<String, Map<EndpointId, EndpointAccumulator>> service : services.entrySet()) {
            EndpointAccumulator serviceTotal = new EndpointAccumulator();
            List<EndpointStats> endpoints = new ArrayList<>();
            for (Map.Entry<EndpointId, EndpointAccumulator> e : service.getValue().entrySet()) {
                EndpointAccumulator inTotals = e.getValue();
                EndpointAccumulator outside = outsideTotals.get(inTotals);
                EndpointAccumulator whole = inTotals;
                if (outside != null) {
                    whole = new EndpointAccumulator();
                    whole.addAll(inTotals);
                    whole.addAll(outside);
                }
                serviceTotal.addAll(anyInTotals ? inTotals : whole);
                endpoints.add(whole.toStats(e.getKey(), duration));
            }
            runTotal.addAll(serviceTotal);
            endpoints.sort((a, b) -> a.id().compareTo(b.id()));
            result.add(new ServiceStats(service.getKey(), serviceTotal.toStats(EndpointId.of(null, Totals.NAME), duration),
                    endpoints));
        }
        return new SampleAggregator.Aggregate(result, Optional.of(runTotal.toStats(EndpointId.of(null, Totals.NAME), duration)),
                Optional.of(Instant.ofEpochMilli(start)), Optional.of(Instant.ofEpochMilli(end)), parts, placed);
    }
}
