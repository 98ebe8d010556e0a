package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.LatencyStats;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Totals over several endpoints from their aggregates alone: counts and throughput add up, the mean is
 * weighted by count, min and max are the extremes. Percentiles cannot be combined from percentiles, so a
 * combined total has none (raw histograms, where they exist, will give exact ones).
 */
final class Totals {

    static final String NAME = "Aggregated";

    private Totals() {
    }

    static EndpointStats combine(EndpointId id, List<EndpointStats> parts) {
        long requests = 0;
        long failures = 0;
        long count = 0;
        SortedMap<String, Long> kinds = new TreeMap<>();
        for (EndpointStats e : parts) {
            requests += e.requests();
            failures += e.failures();
            count += e.latency().count();
            e.failuresByKind().forEach((k, v) -> kinds.merge(k, v, Long::sum));
        }
        OptionalDouble throughput = parts.stream().allMatch(e -> e.throughput().isPresent())
                ? OptionalDouble.of(parts.stream().mapToDouble(e -> e.throughput().getAsDouble()).sum())
                : OptionalDouble.empty();
        List<EndpointStats> timed = parts.stream().filter(e -> e.latency().count() > 0).toList();
        OptionalDouble min = allPresent(timed, e -> e.latency().min())
                ? timed.stream().mapToDouble(e -> e.latency().min().getAsDouble()).min() : OptionalDouble.empty();
        OptionalDouble max = allPresent(timed, e -> e.latency().max())
                ? timed.stream().mapToDouble(e -> e.latency().max().getAsDouble()).max() : OptionalDouble.empty();
        OptionalDouble mean = OptionalDouble.empty();
        if (count > 0 && allPresent(timed, e -> e.latency().mean())) {
            double weighted = timed.stream()
                    .mapToDouble(e -> e.latency().mean().getAsDouble() * e.latency().count()).sum();
            mean = OptionalDouble.of(weighted / count);
        }
        LatencyStats latency = count == 0 ? LatencyStats.empty()
                : new LatencyStats(count, min, mean, max, new TreeMap<>());
        return new EndpointStats(id, requests, failures, kinds, throughput, latency,
                Optional.empty(), Optional.empty());
    }

    private static boolean allPresent(List<EndpointStats> parts,
                                      java.util.function.Function<EndpointStats, OptionalDouble> value) {
        return !parts.isEmpty() && parts.stream().allMatch(e -> value.apply(e).isPresent());
    }
}
