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
            band(MetricHistory.of(history, service, endpoint, metric), current, k)
                    .ifPresent(band -> bands.put(stage, service, endpoint, metric, band));
        }
    }

    /**
     * The noise band of one metric's history, the one {@code compare} uses and {@code baseline history} shows:
     * median ± max(k × {@link #sigma}, {@link #step}), once {@link #MIN_RUNS} runs have the value.
     *
     * @param history the metric's values over the suite's runs
     * @param current the run compared with the band (its source's rounding sets the least width)
     * @param k the half-width in robust standard deviations
     */
    public static Optional<NoiseBands.Band> band(MetricHistory history, Run current, double k) {
        int values = history.values().length;
        if (values < MIN_RUNS) {
            return Optional.empty();
        }
        double median = history.median().getAsDouble();
        return Optional.of(new NoiseBands.Band(median, Math.max(k * sigma(history), step(history, current)), values));
    }

    /** The robust standard deviation of the history's values, 1.4826 × MAD (0 without values). */
    public static double sigma(MetricHistory history) {
        return 1.4826 * history.mad().orElse(0);
    }

    /**
     * The least noise a value has however steady it is, one quantisation step of its source: for latency, the
     * source's rounding at the history's median (as {@code current} reports it: whole ms, Locust's two significant
     * digits); for the error rate one failure in the median run's requests; 0 otherwise.
     */
    public static double step(MetricHistory history, Run current) {
        Metric metric = history.metric();
        if (metric.unit() == Unit.MILLISECONDS) {
            return history.median().isPresent() ? current.metadata().precision().quantisationStep(history.median().getAsDouble()) : 0;
        }
        if (metric == Metric.ERROR_RATE) {
            double requests = history.table().longColumn("requests").asDoubleColumn().median();
            return requests > 0 ? 100.0 / requests : 0;
        }
        return 0;
    }
}
