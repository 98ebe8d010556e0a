package dev.loadverdict.baselines;

import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.Unit;
import dev.loadverdict.model.compare.NoiseBands;

import java.util.List;
import java.util.Optional;

/**
 * The noise band of every metric of a run, from a suite's recorded runs: with at least {@link #MIN_RUNS} values,
 * median ± max(k × 1.4826 × MAD, one quantisation step of the source). 1.4826 × MAD estimates the standard
 * deviation of normal noise without letting one wild run inflate it; k (default 3) sets how wide noise may be.
 * The quantisation step keeps a band from being narrower than the source can resolve: for latency the source's
 * rounding at the median (1 ms, or Locust's two significant digits), for the error rate one failure in the
 * median run's requests. Stages are banded stage by stage.
 */
public final class NoiseBandCalculator {

    /** Runs with a value needed before a band is given. */
    public static final int MIN_RUNS = 5;
    /** The default width in robust standard deviations. */
    public static final double DEFAULT_K = 3;

    private NoiseBandCalculator() {
    }

    /**
     * @param current the run to be compared (its endpoints and metrics are the ones banded)
     * @param history the suite's recorded runs, oldest first
     * @param k the band's half-width in robust standard deviations
     */
    public static NoiseBands of(Run current, List<Baseline> history, double k) {
        NoiseBands.Builder bands = new NoiseBands.Builder();
        if (current.stages().isEmpty()) {
            add(Optional.empty(), current, history, k, bands);
        } else {
            for (Run stage : current.stages()) {
                String name = stage.metadata().stage().orElseThrow();
                List<Baseline> stageHistory = history.stream()
                        .flatMap(b -> b.run().stage(name).map(s -> new Baseline(b.version(), b.created(), b.provenance(), s)).stream())
                        .toList();
                add(Optional.of(name), stage, stageHistory, k, bands);
            }
        }
        return bands.build(history.size());
    }

    private static void add(Optional<String> stage, Run current, List<Baseline> history, double k, NoiseBands.Builder bands) {
        if (history.size() < MIN_RUNS) {
            return;
        }
        for (ServiceStats s : current.services()) {
            band(stage, s.name(), Optional.empty(), current, history, k, bands);
            for (EndpointStats e : s.endpoints()) {
                band(stage, s.name(), Optional.of(e.id().key()), current, history, k, bands);
            }
        }
    }

    private static void band(Optional<String> stage, String service, Optional<String> endpoint, Run current,
                             List<Baseline> history, double k, NoiseBands.Builder bands) {
        for (Metric metric : Metric.values()) {
            MetricHistory h = MetricHistory.of(history, service, endpoint, metric);
            int values = h.values().size();
            if (values < MIN_RUNS) {
                continue;
            }
            double median = h.median().getAsDouble();
            double mad = h.mad().getAsDouble();
            double step = step(metric, median, current, h);
            bands.put(stage, service, endpoint, metric, new NoiseBands.Band(median, Math.max(k * 1.4826 * mad, step), values));
        }
    }

    private static double step(Metric metric, double median, Run current, MetricHistory h) {
        if (metric.unit() == Unit.MILLISECONDS) {
            return current.metadata().precision().quantisationStep(median);
        }
        if (metric == Metric.ERROR_RATE) {
            double requests = h.table().longColumn("requests").asDoubleColumn().median();
            return requests > 0 ? 100.0 / requests : 0;
        }
        return 0;
    }
}
