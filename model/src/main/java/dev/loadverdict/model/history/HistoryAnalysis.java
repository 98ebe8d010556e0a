package dev.loadverdict.model.history;

import dev.loadverdict.model.Metric;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Change points over a suite's history, per service, endpoint and metric.
 *
 * <p>The history is cut into segments that are analysed apart: at each acknowledged step, and where the load profile
 * changes (another tool, user count or arrival rate), since a step there is the test's change, not the system's.
 *
 * @param suite the suite
 * @param runs how many recorded runs the history holds
 * @param since the first run of the newest segment: change points at or after it are current
 * @param settings how the points were found
 * @param acknowledgements the acknowledged steps, oldest first
 * @param series every series analysed, with its change points (possibly none)
 * @param notes why some runs or series were left out or could not be analysed, one sentence each
 */
public record HistoryAnalysis(String suite, int runs, Optional<RunRef> since, Settings settings,
                              List<Acknowledgement> acknowledgements, List<MetricChanges> series, List<String> notes) {

    public HistoryAnalysis {
        Objects.requireNonNull(suite, "suite == null");
        Objects.requireNonNull(since, "since == null");
        Objects.requireNonNull(settings, "settings == null");
        acknowledgements = List.copyOf(Objects.requireNonNull(acknowledgements, "acknowledgements == null"));
        series = List.copyOf(Objects.requireNonNull(series, "series == null"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes == null"));
    }

    /**
     * How change points are found and filtered.
     *
     * @param pValue the permutation test's level (MongoDB's: 0.05)
     * @param permutations permutations per test (MongoDB's: 100)
     * @param seed the permutations' seed
     * @param minShiftPercent the least change of the median across a step, in percent of the median before it, for
     *                        latency and throughput
     * @param minErrorRateShift the least change of the error rate across a step, in percentage points
     * @param pendingRuns a point is pending until this many runs follow it (it included)
     * @param minRuns the fewest runs a segment needs to be analysed
     * @param metrics the metrics analysed
     */
    public record Settings(double pValue, int permutations, long seed, double minShiftPercent, double minErrorRateShift,
                           int pendingRuns, int minRuns, List<Metric> metrics) {

        public static final Settings DEFAULT = new Settings(0.05, 100, 1234, 5, 0.5, 5, 8,
                List.of(Metric.P50, Metric.P95, Metric.P99, Metric.ERROR_RATE, Metric.THROUGHPUT));

        public Settings {
            if (!(pValue > 0 && pValue < 1)) {
                throw new IllegalArgumentException("pValue must be in (0, 1), not " + pValue);
            }
            if (permutations < 1 || permutations > 100_000) {
                throw new IllegalArgumentException("permutations must be in [1, 100000], not " + permutations);
            }
            if (!(minShiftPercent >= 0) || !(minErrorRateShift >= 0)) {
                throw new IllegalArgumentException("the minimum shifts must not be negative");
            }
            if (pendingRuns < 1) {
                throw new IllegalArgumentException("pendingRuns must be at least 1, not " + pendingRuns);
            }
            if (minRuns < 4) {
                throw new IllegalArgumentException("minRuns must be at least 4, not " + minRuns);
            }
            metrics = List.copyOf(Objects.requireNonNull(metrics, "metrics == null"));
        }
    }

    /** The series with at least one change point. */
    public List<MetricChanges> changed() {
        return series.stream().filter(s -> !s.changePoints().isEmpty()).toList();
    }

    /** The change points of the newest segment (at or after {@link #since}), pending ones included. */
    public List<MetricChanges> current() {
        int from = since.map(RunRef::version).orElse(1);
        return series.stream()
                .map(s -> new MetricChanges(s.service(), s.endpoint(), s.metric(), s.values(),
                        s.changePoints().stream().filter(c -> c.lastBefore().version() >= from).toList()))
                .filter(s -> !s.changePoints().isEmpty()).toList();
    }
}
