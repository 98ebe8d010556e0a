package dev.loadverdict.baselines.series;

import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.comparator.ProfileGuard;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.history.RunRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A suite's history as series: for each service, endpoint (or total) and metric, one value per recorded run
 * ({@code NaN} where a run lacks it), plus each run's reference and load profile. Runs are read one at a time and
 * only these numbers kept, so 1,000 runs × 200 endpoints × 5 metrics take about 8 MB whatever the runs' size.
 */
public final class SuiteSeries {

    /**
     * One series.
     *
     * @param service the service
     * @param endpoint the endpoint key, or empty for the service's total
     * @param metric the metric
     */
    public record Key(String service, Optional<String> endpoint, Metric metric) {
        public Key {
            Objects.requireNonNull(service, "service == null");
            Objects.requireNonNull(endpoint, "endpoint == null");
            Objects.requireNonNull(metric, "metric == null");
        }
    }

    private final List<RunRef> runs = new ArrayList<>();
    private final List<String> profiles = new ArrayList<>();
    /** Each run's metadata, for the profile check; empty for series given as numbers. */
    private final List<RunMetadata> metadata = new ArrayList<>();
    private final Map<Key, double[]> values = new LinkedHashMap<>();
    private final List<Metric> metrics;

    private SuiteSeries(List<Metric> metrics) {
        this.metrics = List.copyOf(metrics);
    }

    /** Reads every run of a suite's history. */
    public static SuiteSeries read(SuiteStore store, String suite, List<Metric> metrics) {
        SuiteSeries series = new SuiteSeries(metrics);
        store.forEach(suite, series::add);
        return series;
    }

    /** Series of the given runs, oldest first (for tests and for runs not in a store). */
    public static SuiteSeries of(List<RunRef> refs, List<Baseline> runs, List<Metric> metrics) {
        SuiteSeries series = new SuiteSeries(metrics);
        for (int i = 0; i < runs.size(); i++) {
            series.add(refs.get(i), runs.get(i));
        }
        return series;
    }

    /** Series given as numbers (for tests of the analysis). */
    static SuiteSeries ofValues(List<RunRef> refs, List<String> profiles, Map<Key, double[]> values) {
        SuiteSeries series = new SuiteSeries(values.keySet().stream().map(Key::metric).distinct().toList());
        series.runs.addAll(refs);
        series.profiles.addAll(profiles);
        values.forEach((k, v) -> series.values.put(k, v.clone()));
        return series;
    }

    private void add(RunRef ref, Baseline baseline) {
        int index = runs.size();
        runs.add(ref);
        profiles.add(profile(baseline.run().metadata()));
        metadata.add(baseline.run().metadata());
        for (ServiceStats s : baseline.run().services()) {
            put(index, s.name(), Optional.empty(), s.total());
            for (EndpointStats e : s.endpoints()) {
                put(index, s.name(), Optional.of(e.id().key()), e);
            }
        }
    }

    private void put(int index, String service, Optional<String> endpoint, EndpointStats stats) {
        for (Metric m : metrics) {
            OptionalDouble v = m.valueOf(stats);
            if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
                double[] row = values.computeIfAbsent(new Key(service, endpoint, m), k -> nan(index + 1));
                if (row.length <= index) {
                    row = grow(row, Math.max(index + 1, row.length * 2));
                    values.put(new Key(service, endpoint, m), row);
                }
                row[index] = v.getAsDouble();
            }
        }
    }

    private static double[] nan(int n) {
        double[] a = new double[Math.max(16, n)];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double[] grow(double[] row, int n) {
        double[] a = Arrays.copyOf(row, n);
        Arrays.fill(a, row.length, n, Double.NaN);
        return a;
    }

    /** How a run was loaded ({@code jmeter, 12 users}): runs of different profiles are not compared as one series. */
    public static String profile(RunMetadata m) {
        StringBuilder p = new StringBuilder(m.tool().id());
        m.workload().users().ifPresent(u -> p.append(", ").append(u).append(u == 1 ? " user" : " users"));
        m.workload().arrivalRate().ifPresent(r -> p.append(", ").append(r).append(" arrivals/s"));
        return p.toString();
    }

    /**
     * How run {@code later}'s load profile differs from run {@code earlier}'s, the way {@code compare} judges it
     * ({@link ProfileGuard}: another tool or workload model, users, VUs or arrival rate more than
     * {@value #PROFILE_TOLERANCE} % apart, a duration more than twice that apart, another test script); empty when it
     * does not.
     */
    public Optional<String> profileChange(int earlier, int later) {
        if (metadata.isEmpty()) {
            return profiles.get(earlier).equals(profiles.get(later)) ? Optional.empty()
                    : Optional.of(profiles.get(earlier) + " → " + profiles.get(later));
        }
        List<String> differences = ProfileGuard.differences(metadata.get(later), metadata.get(earlier), PROFILE_TOLERANCE);
        return differences.isEmpty() ? Optional.empty()
                : Optional.of(differences.get(0).replace("the baseline", "the runs before it"));
    }

    /** How far load levels may differ before the profile counts as changed: {@code compare}'s default. */
    static final double PROFILE_TOLERANCE = 10;

    public List<RunRef> runs() {
        return List.copyOf(runs);
    }

    /** Each run's load profile, as a sentence fragment: {@code JMeter, 12 users}. */
    public List<String> profiles() {
        return List.copyOf(profiles);
    }

    public List<Metric> metrics() {
        return metrics;
    }

    /** The series, in the order they first appeared. */
    public List<Key> keys() {
        return List.copyOf(values.keySet());
    }

    /** The series' values, one per run, {@code NaN} where a run lacks it. */
    public double[] values(Key key) {
        double[] row = values.get(key);
        if (row == null) {
            double[] none = new double[runs.size()];
            Arrays.fill(none, Double.NaN);
            return none;
        }
        return Arrays.copyOf(row, runs.size());
    }
}
