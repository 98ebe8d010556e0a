package dev.loadverdict.baselines;

import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import tech.tablesaw.api.DoubleColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A robust baseline from the last N runs of a suite ({@code --baseline SUITE@median:N}), so that one lucky or
 * unlucky run does not set the bar.
 *
 * <p>It is the most recent run with, per endpoint (and service total) present in it, every threshold value
 * replaced by the median over the runs that have that value (medians computed with Tablesaw): each reported
 * percentile, mean, max, throughput and the error rate. What significance tests read stays the most recent
 * run's own: its request count, its histogram and time series, so the sample size is never inflated by
 * pooling runs. The error rate's median is carried as failures = round(median rate × the latest run's
 * requests); failure kinds are the latest run's. Endpoints the latest run lacks are left out. Stages are not
 * combined: the result has none.
 */
public final class MedianBaseline {

    private MedianBaseline() {
    }

    /**
     * @param runs the runs, oldest first (at least one); the last is the most recent
     * @return the robust baseline, with the most recent run's version, time and provenance
     */
    public static Baseline of(List<Baseline> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        Baseline latest = runs.get(runs.size() - 1);
        Run last = latest.run();
        List<ServiceStats> services = new ArrayList<>();
        for (ServiceStats s : last.services()) {
            EndpointStats total = median(s.total(), runs, r -> MetricHistory.find(r, s.name(), Optional.empty()));
            List<EndpointStats> endpoints = new ArrayList<>();
            for (EndpointStats e : s.endpoints()) {
                endpoints.add(median(e, runs, r -> MetricHistory.find(r, s.name(), Optional.of(e.id().key()))));
            }
            services.add(new ServiceStats(s.name(), total, endpoints));
        }
        return new Baseline(latest.version(), latest.created(), latest.provenance(),
                new Run(last.metadata(), last.total(), services));
    }

    private static EndpointStats median(EndpointStats latest, List<Baseline> runs,
                                        Function<Run, Optional<EndpointStats>> find) {
        List<EndpointStats> all = runs.stream().map(b -> find.apply(b.run())).flatMap(Optional::stream).toList();
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        for (double p : new TreeSet<>(latest.latency().percentiles().keySet())) {
            median(all, e -> e.latency().percentile(p)).ifPresent(v -> percentiles.put(p, v));
        }
        LatencyStats l = latest.latency();
        LatencyStats latency = new LatencyStats(l.count(), l.min().isPresent() ? median(all, e -> e.latency().min()) : l.min(),
                l.mean().isPresent() ? median(all, e -> e.latency().mean()) : l.mean(),
                l.max().isPresent() ? median(all, e -> e.latency().max()) : l.max(), percentiles);
        long failures = latest.failures();
        OptionalDouble errorRate = median(all, EndpointStats::errorRatePercent);
        if (errorRate.isPresent() && latest.requests() > 0) {
            failures = Math.min(latest.requests(), Math.round(errorRate.getAsDouble() / 100.0 * latest.requests()));
        }
        OptionalDouble throughput = latest.throughput().isPresent() ? median(all, EndpointStats::throughput)
                : latest.throughput();
        return new EndpointStats(latest.id(), latest.requests(), failures, latest.failuresByKind(), throughput, latency,
                latest.histogram(), latest.timeSeries());
    }

    private static OptionalDouble median(List<EndpointStats> all, Function<EndpointStats, OptionalDouble> value) {
        DoubleColumn column = DoubleColumn.create("v");
        for (EndpointStats e : all) {
            value.apply(e).ifPresent(column::append);
        }
        return column.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(column.median());
    }
}
