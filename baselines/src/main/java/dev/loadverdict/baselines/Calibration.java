package dev.loadverdict.baselines;

import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.ServiceStats;
import org.apache.commons.statistics.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Thresholds from measured noise ({@code loadverdict calibrate}): for every endpoint and metric that several runs of
 * the same build (A/A runs, or a suite's recorded history) report, how much it varies from run to run, and the
 * relative threshold a warning and a critical would need to stay quiet on that variation.
 *
 * <p>Noise is estimated robustly: σ = 1.4826 × MAD of the runs' values (at least one rounding step of the source),
 * relative to their median. A comparison of
 * two runs sees the difference of two such values, σ√2. A threshold of {@code kWarning} (default 3) and
 * {@code kCritical} (default 5) times that, rounded up to a whole percent and never below the floor, leaves an
 * expected false-alarm rate per check of 1 − Φ(k) under normal noise (one-sided): about 0.13% and 0.00003%. Both
 * the expected rate and the rate measured over every ordered pair of the given runs are reported, since real
 * noise has heavier tails than the normal.
 */
public final class Calibration {

    /** Metrics calibrated: those whose thresholds are relative amounts in every sensible configuration. */
    public static final List<Metric> METRICS = List.of(Metric.P50, Metric.P95, Metric.P99, Metric.MEAN, Metric.THROUGHPUT);
    /** At least this many runs with a value are needed to estimate its noise. */
    public static final int MIN_RUNS = 3;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Calibration() {
    }

    /**
     * One metric of one endpoint.
     *
     * @param service the service
     * @param endpoint the endpoint key, or empty for the service's total
     * @param metric the metric
     * @param runs how many runs had it
     * @param median their median
     * @param noisePercent the run-to-run noise of one value, 1.4826 × MAD, in percent of the median
     * @param warningPercent the suggested warning threshold, relative, in percent
     * @param criticalPercent the suggested critical threshold, relative, in percent
     * @param expectedFalseAlarmPercent the expected chance, per comparison, that this check warns by noise alone
     * @param measuredFalseAlarmPercent the share of ordered pairs of the given runs in which it would have warned
     */
    public record Suggestion(String service, Optional<String> endpoint, Metric metric, int runs, double median,
                             double noisePercent, int warningPercent, int criticalPercent,
                             double expectedFalseAlarmPercent, double measuredFalseAlarmPercent) {
    }

    /**
     * @param runs the runs of one unchanged build, at least two
     * @param kWarning the warning threshold in standard deviations of a two-run difference
     * @param kCritical the critical threshold, likewise
     * @param floorPercent the smallest threshold suggested, in percent
     */
    public static List<Suggestion> of(List<Baseline> runs, double kWarning, double kCritical, int floorPercent) {
        Baseline latest = runs.get(runs.size() - 1);
        List<Suggestion> out = new ArrayList<>();
        for (ServiceStats s : latest.run().services()) {
            List<Optional<String>> endpoints = new ArrayList<>();
            endpoints.add(Optional.empty());
            for (EndpointStats e : s.endpoints()) {
                endpoints.add(Optional.of(e.id().key()));
            }
            for (Optional<String> endpoint : endpoints) {
                for (Metric metric : METRICS) {
                    suggest(runs, s.name(), endpoint, metric, kWarning, kCritical, floorPercent).ifPresent(out::add);
                }
            }
        }
        return out;
    }

    private static Optional<Suggestion> suggest(List<Baseline> runs, String service, Optional<String> endpoint, Metric metric,
                                                double kWarning, double kCritical, int floorPercent) {
        MetricHistory h = MetricHistory.of(runs, service, endpoint, metric);
        int n = h.values().length;
        if (n < MIN_RUNS) {
            return Optional.empty();
        }
        double median = h.median().getAsDouble();
        if (!(median > 0)) {
            return Optional.empty();
        }
        // A source that rounds (whole ms, Locust's 2 digits) can make every run report the same value: MAD 0.
        // One rounding step is the least noise such a value has.
        double sigma = Math.max(NoiseBandCalculator.sigma(h), NoiseBandCalculator.step(h, runs.get(runs.size() - 1).run()));
        double noise = sigma / median * 100;
        double pairNoise = noise * Math.sqrt(2);
        int warning = Math.max(floorPercent, (int) Math.ceil(kWarning * pairNoise));
        int critical = Math.max(warning + 1, Math.max(floorPercent, (int) Math.ceil(kCritical * pairNoise)));
        double expected = pairNoise == 0 ? 0 : STANDARD_NORMAL.survivalProbability(warning / pairNoise) * 100;
        double[] values = h.values();
        int pairs = 0;
        int alarms = 0;
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values.length; j++) {
                if (i != j) {
                    pairs++;
                    double worse = metric.direction().badAmount(values[i], values[j]);
                    if (values[i] > 0 && worse / values[i] * 100 > warning) {
                        alarms++;
                    }
                }
            }
        }
        return Optional.of(new Suggestion(service, endpoint, metric, n, median, noise, warning, critical, expected,
                100.0 * alarms / pairs));
    }

    /** The suggestions as a loadverdict.yml fragment: per service, its total's metrics and one block per endpoint. */
    public static String yaml(List<Suggestion> suggestions) {
        StringBuilder y = new StringBuilder("# loadverdict calibrate: thresholds from measured run-to-run noise; review before use\nservices:\n");
        Map<String, List<Suggestion>> byService = new LinkedHashMap<>();
        suggestions.forEach(s -> byService.computeIfAbsent(s.service(), k -> new ArrayList<>()).add(s));
        for (Map.Entry<String, List<Suggestion>> service : byService.entrySet()) {
            y.append("  ").append(quote(service.getKey())).append(":\n");
            List<Suggestion> total = service.getValue().stream().filter(s -> s.endpoint().isEmpty()).toList();
            if (!total.isEmpty()) {
                y.append("    metrics:\n");
                total.forEach(s -> y.append(metricLine("      ", s)));
            }
            Map<String, List<Suggestion>> byEndpoint = new LinkedHashMap<>();
            service.getValue().stream().filter(s -> s.endpoint().isPresent())
                    .forEach(s -> byEndpoint.computeIfAbsent(s.endpoint().get(), k -> new ArrayList<>()).add(s));
            if (!byEndpoint.isEmpty()) {
                y.append("    endpoints:\n");
                for (Map.Entry<String, List<Suggestion>> e : byEndpoint.entrySet()) {
                    y.append("      ").append(quote(e.getKey())).append(":\n        metrics:\n");
                    e.getValue().forEach(s -> y.append(metricLine("          ", s)));
                }
            }
        }
        return y.toString();
    }

    private static String metricLine(String indent, Suggestion s) {
        return indent + s.metric().key() + ": { warning: { relative: " + s.warningPercent() + "% }, critical: { relative: "
                + s.criticalPercent() + "% } }   # noise ±" + String.format(java.util.Locale.ROOT, "%.1f", s.noisePercent())
                + "% over " + s.runs() + " runs\n";
    }

    /** A YAML double-quoted scalar: endpoint keys come from result files. */
    private static String quote(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        q.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
