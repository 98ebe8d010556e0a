package dev.loadverdict.reporter;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.NoiseBands;
import dev.loadverdict.model.history.HistoryAnalysis;
import dev.loadverdict.model.history.RunRef;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a suite's trend page is rendered from ({@link Reports#trend}): the recorded runs, one series of values per
 * service or endpoint and metric, the noise band {@code compare} would use now, and the change points found in the
 * history.
 *
 * @param suite the suite
 * @param runs the recorded runs, oldest first; every series has one value per run
 * @param series the series, in the order they first appeared
 * @param analysis the change points, acknowledged steps and notes of the history
 * @param noise how the noise bands were made
 */
public record TrendInput(String suite, List<RunRef> runs, List<Series> series, HistoryAnalysis analysis, Noise noise) {

    public TrendInput {
        Objects.requireNonNull(suite, "suite == null");
        runs = List.copyOf(Objects.requireNonNull(runs, "runs == null"));
        series = List.copyOf(Objects.requireNonNull(series, "series == null"));
        Objects.requireNonNull(analysis, "analysis == null");
        Objects.requireNonNull(noise, "noise == null");
        for (Series s : series) {
            if (s.values.length != runs.size()) {
                throw new IllegalArgumentException("series " + s.service() + " " + s.endpoint().orElse("(total)") + " "
                        + s.metric().key() + " has " + s.values.length + " values for " + runs.size() + " runs");
            }
        }
    }

    /**
     * One metric of one endpoint (or a service's total) across the runs.
     *
     * @param service the service (untrusted)
     * @param endpoint the endpoint key (untrusted), or empty for the service's total
     * @param metric the metric
     * @param values one value per run, in the metric's unit; {@code NaN} where a run lacks it
     * @param band the noise band {@code compare} would use for the next run, when the history gives one
     */
    public record Series(String service, Optional<String> endpoint, Metric metric, double[] values,
                         Optional<NoiseBands.Band> band) {

        public Series {
            Objects.requireNonNull(service, "service == null");
            Objects.requireNonNull(endpoint, "endpoint == null");
            Objects.requireNonNull(metric, "metric == null");
            values = Objects.requireNonNull(values, "values == null").clone();
            Objects.requireNonNull(band, "band == null");
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        double value(int run) {
            return values[run];
        }

        int size() {
            return values.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Series s && service.equals(s.service) && endpoint.equals(s.endpoint)
                    && metric == s.metric && Arrays.equals(values, s.values) && band.equals(s.band);
        }

        @Override
        public int hashCode() {
            return Objects.hash(service, endpoint, metric, Arrays.hashCode(values), band);
        }

        @Override
        public String toString() {
            return "Series[" + service + ", " + endpoint.orElse("(total)") + ", " + metric.key() + ", "
                    + values.length + " values]";
        }
    }

    /**
     * How the noise bands were made: median ± max(k × 1.4826 × MAD, one quantisation step) of the runs from
     * {@code from} to {@code to}, the ones {@code compare} takes its bands from.
     *
     * @param k the half-width in robust standard deviations
     * @param from the oldest run the bands were computed from, or empty when there are no bands
     * @param to the newest
     * @param runs how many runs they were computed from (regressed runs are left out, as compare leaves them out)
     */
    public record Noise(double k, Optional<RunRef> from, Optional<RunRef> to, int runs) {

        public Noise {
            if (!(k > 0) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("k must be a finite number above 0, not " + k);
            }
            Objects.requireNonNull(from, "from == null");
            Objects.requireNonNull(to, "to == null");
        }
    }
}
