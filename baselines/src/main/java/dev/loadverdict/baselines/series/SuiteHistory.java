package dev.loadverdict.baselines.series;

import dev.loadverdict.baselines.Acknowledgements;
import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.history.HistoryAnalysis;
import dev.loadverdict.model.history.MetricChanges;

import java.util.Optional;

/** The change points of a suite kept in a {@link SuiteStore}: its series, its acknowledged steps, the analysis. */
public final class SuiteHistory {

    private SuiteHistory() {
    }

    /** Reads the suite's history (one run at a time) and finds its change points. */
    public static HistoryAnalysis analyse(SuiteStore store, String suite, HistoryAnalysis.Settings settings) {
        SuiteSeries series = SuiteSeries.read(store, suite, settings.metrics());
        return new ChangePointAnalysis(settings).analyse(suite, series, new Acknowledgements(store).list(suite));
    }

    /** The same analysis with only the series of this service, endpoint ({@code (total)} for the total) and metric. */
    public static HistoryAnalysis narrow(HistoryAnalysis a, Optional<String> service, Optional<String> endpoint, Optional<Metric> metric) {
        return new HistoryAnalysis(a.suite(), a.runs(), a.since(), a.settings(), a.acknowledgements(),
                a.series().stream().filter(s -> matches(s, service, endpoint, metric)).toList(), a.notes());
    }

    private static boolean matches(MetricChanges s, Optional<String> service, Optional<String> endpoint, Optional<Metric> metric) {
        return service.map(s.service()::equals).orElse(true)
                && endpoint.map(e -> e.equals(s.endpointLabel())).orElse(true)
                && metric.map(m -> m == s.metric()).orElse(true);
    }
}
