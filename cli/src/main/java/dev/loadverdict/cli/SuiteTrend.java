package dev.loadverdict.cli;

import dev.loadverdict.baselines.Acknowledgements;
import dev.loadverdict.baselines.MetricHistory;
import dev.loadverdict.baselines.NoiseBandCalculator;
import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.baselines.series.ChangePointAnalysis;
import dev.loadverdict.baselines.series.SuiteSeries;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.history.Acknowledgement;
import dev.loadverdict.model.history.HistoryAnalysis;
import dev.loadverdict.model.history.RunRef;
import dev.loadverdict.reporter.TrendInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a suite's trend page shows, read from its store: every run's p50, p95, p99, error rate and throughput per
 * endpoint and service total ({@link SuiteSeries}, one run in memory at a time), the change points
 * ({@link ChangePointAnalysis}) and the noise bands {@code compare} would use for the next run — the same runs
 * ({@link BaselineSource#references}) and the same calculation ({@link NoiseBandCalculator#band}).
 */
final class SuiteTrend {

    static final List<Metric> METRICS = List.of(Metric.P50, Metric.P95, Metric.P99, Metric.ERROR_RATE, Metric.THROUGHPUT);

    private SuiteTrend() {
    }

    /**
     * @param k the bands' half-width in robust standard deviations
     * @param noiseRuns how many of the newest runs the bands come from, as {@code compare --noise-runs}
     */
    static TrendInput read(SuiteStore store, String suite, HistoryAnalysis.Settings settings, double k, int noiseRuns) {
        if (!store.exists(suite)) {
            throw new InputException(store.display(suite), "no such baseline suite");
        }
        SuiteSeries series = SuiteSeries.read(store, suite, METRICS);
        if (series.runs().isEmpty()) {
            throw new InputException(store.display(suite), "has no recorded runs yet (record runs with: loadverdict "
                    + "baseline record RUN --suite " + suite + ")");
        }
        List<Acknowledgement> acknowledgements = new Acknowledgements(store).list(suite);
        HistoryAnalysis analysis = new ChangePointAnalysis(settings).analyse(suite, series, acknowledgements);
        List<Baseline> recent = BaselineSource.references(store, suite, noiseRuns);
        Baseline newest = store.last(suite, 1).get(0);
        List<TrendInput.Series> out = new ArrayList<>();
        for (SuiteSeries.Key key : series.keys()) {
            var band = recent.isEmpty() ? Optional.<dev.loadverdict.model.compare.NoiseBands.Band>empty()
                    : NoiseBandCalculator.band(MetricHistory.of(recent, key.service(), key.endpoint(), key.metric()),
                            newest.run(), k);
            out.add(new TrendInput.Series(key.service(), key.endpoint(), key.metric(), series.values(key), band));
        }
        boolean banded = out.stream().anyMatch(s -> s.band().isPresent());
        List<RunRef> runs = series.runs();
        Optional<RunRef> from = banded ? ref(runs, recent.get(0).version()) : Optional.empty();
        Optional<RunRef> to = banded ? ref(runs, recent.get(recent.size() - 1).version()) : Optional.empty();
        return new TrendInput(suite, runs, out, analysis, new TrendInput.Noise(k, from, to, banded ? recent.size() : 0));
    }

    private static Optional<RunRef> ref(List<RunRef> runs, int version) {
        return runs.stream().filter(r -> r.version() == version).findFirst();
    }
}
