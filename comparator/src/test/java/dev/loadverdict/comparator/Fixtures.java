package dev.loadverdict.comparator;

import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.EncodedHistogram;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.compare.BaselineRef;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Significance;
import dev.loadverdict.model.config.Conditions;
import dev.loadverdict.model.config.EndpointRules;
import dev.loadverdict.model.config.MetricRule;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.config.RuleSet;
import dev.loadverdict.model.config.ServiceRules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Small hand-built runs, rules and configurations for the comparator's tests. */
final class Fixtures {

    static final String CONFIG_FILE = "loadverdict.yml";

    private Fixtures() {
    }

    // ---- runs ----

    static EndpointBuilder endpoint(String key) {
        return new EndpointBuilder(key);
    }

    static ServiceBuilder service(String name) {
        return new ServiceBuilder(name);
    }

    static Run run(ServiceBuilder... services) {
        List<ServiceStats> built = new ArrayList<>();
        for (ServiceBuilder s : services) {
            built.add(s.build());
        }
        return new Run(metadata(), Optional.empty(), built);
    }

    static RunMetadata metadata() {
        return RunMetadata.of(Tool.LOCUST, Optional.of("2.31"), List.of("stats.csv"), SourcePrecision.locust());
    }

    static BaselineRef ref(Run baselineRun) {
        return new BaselineRef("baselines/shop@v1", 1, Instant.parse("2024-01-01T00:00:00Z"),
                Baseline.Provenance.none(), baselineRun.metadata());
    }

    /** Compares two runs under the given configuration. */
    /**
     * Compares two runs under the given configuration by thresholds alone: these fixtures' small hand-made
     * counts are about threshold semantics, not significance (see {@code StatisticsTest} for that).
     */
    static Comparison compare(Run current, Run baseline, LoadverdictConfig config) {
        return new RegressionDetector(THRESHOLDS_ONLY).detect(current, ref(baseline), baseline, config);
    }

    /** Every change untestable: thresholds alone decide. */
    static final SignificanceAssessor THRESHOLDS_ONLY = comparisons -> comparisons.stream()
            .map(c -> Significance.notTestable("thresholds only (test fixture)")).toList();

    /** Compares two runs as loadverdict does, statistical tests included. */
    static Comparison compareWithTests(Run current, Run baseline, LoadverdictConfig config) {
        return RegressionDetector.compare(current, ref(baseline), baseline, config);
    }

    /** Compares two runs under the built-in defaults only. */
    static Comparison compare(Run current, Run baseline) {
        return compare(current, baseline, config(RuleSet.empty()));
    }

    /** Compares one endpoint {@code GET /x} of service {@code api} in both runs. */
    static Comparison compareEndpoint(EndpointBuilder current, EndpointBuilder baseline, LoadverdictConfig config) {
        return compare(run(service("api").endpoint(current)), run(service("api").endpoint(baseline)), config);
    }

    static Comparison compareEndpoint(EndpointBuilder current, EndpointBuilder baseline) {
        return compareEndpoint(current, baseline, config(RuleSet.empty()));
    }

    static Finding finding(Comparison comparison, String service, String endpoint, Metric metric) {
        return comparison.findings().stream()
                .filter(f -> f.service().equals(service) && f.endpoint().equals(Optional.ofNullable(endpoint))
                        && f.metric() == metric)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + service + " " + endpoint + " " + metric
                        + " among " + comparison.findings().stream()
                        .map(f -> f.service() + " " + f.endpointLabel() + " " + f.metric().key()).toList()));
    }

    /** The finding of {@code api GET /x} for a metric. */
    static Finding finding(Comparison comparison, Metric metric) {
        return finding(comparison, "api", "GET /x", metric);
    }

    // ---- rules ----

    static LoadverdictConfig config(RuleSet defaults, ServiceRules... services) {
        return new LoadverdictConfig(defaults, List.of(services), List.of(), dev.loadverdict.model.config.Naming.defaults(), LoadverdictConfig.DEFAULT_ALPHA,
                Optional.of(CONFIG_FILE));
    }

    static ServiceRules serviceRules(String name, RuleSet rules, EndpointRules... endpoints) {
        return new ServiceRules(name, rules, List.of(endpoints));
    }

    static EndpointRules endpointRules(String pattern, RuleSet rules) {
        return new EndpointRules(pattern, rules);
    }

    static RuleSet rules(Metric metric, MetricRule rule) {
        return new RuleSet(OptionalLong.empty(), false, Map.of(metric, rule));
    }

    static RuleSet minRequests(long minRequests) {
        return new RuleSet(OptionalLong.of(minRequests), false, Map.of());
    }

    static RuleSet ignored() {
        return new RuleSet(OptionalLong.empty(), true, Map.of());
    }

    static MetricRule warning(Conditions warning, String source) {
        return MetricRule.of(Optional.of(warning), Optional.empty(), source);
    }

    /** A warning block that also writes {@code off} for each of {@code dropped}. */
    static MetricRule warningDropping(Conditions warning, String source, dev.loadverdict.model.config.Condition... dropped) {
        java.util.Map<dev.loadverdict.model.config.Condition, dev.loadverdict.model.config.Setting> settings =
                new java.util.EnumMap<>(dev.loadverdict.model.config.SeverityBlock.of(warning, source).settings());
        for (dev.loadverdict.model.config.Condition c : dropped) {
            settings.put(c, dev.loadverdict.model.config.Setting.off(source, source));
        }
        return new MetricRule(Optional.of(new dev.loadverdict.model.config.SeverityBlock(settings)), Optional.empty(),
                source);
    }

    static MetricRule critical(Conditions critical, String source) {
        return MetricRule.of(Optional.empty(), Optional.of(critical), source);
    }

    static MetricRule both(Conditions warning, Conditions critical, String source) {
        return MetricRule.of(Optional.of(warning), Optional.of(critical), source);
    }

    static Conditions relative(double percent) {
        return new Conditions(OptionalDouble.of(percent), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalLong.empty());
    }

    static Conditions delta(double delta) {
        return new Conditions(OptionalDouble.empty(), OptionalDouble.of(delta), OptionalDouble.empty(),
                OptionalLong.empty());
    }

    static Conditions relativeAndDelta(double percent, double delta) {
        return new Conditions(OptionalDouble.of(percent), OptionalDouble.of(delta), OptionalDouble.empty(),
                OptionalLong.empty());
    }

    static Conditions limit(double limit) {
        return new Conditions(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(limit),
                OptionalLong.empty());
    }

    static Conditions withMinRequests(Conditions c, long minRequests) {
        return new Conditions(c.relativePercent(), c.delta(), c.limit(), OptionalLong.of(minRequests));
    }

    /** Builds one {@link EndpointStats}; 1000 requests, no failures and nothing else unless told. */
    static final class EndpointBuilder {
        private final EndpointId id;
        private long requests = 1000;
        private long failures;
        private OptionalDouble throughput = OptionalDouble.empty();
        private OptionalDouble mean = OptionalDouble.empty();
        private OptionalDouble max = OptionalDouble.empty();
        private final TreeMap<Double, Double> percentiles = new TreeMap<>();
        private Optional<EncodedHistogram> histogram = Optional.empty();

        EndpointBuilder(String key) {
            int space = key.indexOf(' ');
            id = space < 0 ? EndpointId.of(null, key) : EndpointId.of(key.substring(0, space), key.substring(space + 1));
        }

        EndpointBuilder requests(long requests) {
            this.requests = requests;
            return this;
        }

        EndpointBuilder failures(long failures) {
            this.failures = failures;
            return this;
        }

        EndpointBuilder throughput(double rps) {
            this.throughput = OptionalDouble.of(rps);
            return this;
        }

        EndpointBuilder mean(double ms) {
            this.mean = OptionalDouble.of(ms);
            return this;
        }

        EndpointBuilder max(double ms) {
            this.max = OptionalDouble.of(ms);
            return this;
        }

        EndpointBuilder p95(double ms) {
            return percentile(95.0, ms);
        }

        EndpointBuilder p99(double ms) {
            return percentile(99.0, ms);
        }

        EndpointBuilder percentile(double percent, double ms) {
            percentiles.put(percent, ms);
            return this;
        }

        EndpointBuilder histogram() {
            this.histogram = Optional.of(new EncodedHistogram(new byte[] {1, 2, 3}));
            return this;
        }

        EndpointBuilder histogram(EncodedHistogram encoded) {
            this.histogram = Optional.of(encoded);
            return this;
        }

        EndpointStats build() {
            return new EndpointStats(id, requests, failures, new TreeMap<>(), throughput,
                    new LatencyStats(requests, OptionalDouble.empty(), mean, max, percentiles), histogram,
                    Optional.empty());
        }
    }

    /** Builds one {@link ServiceStats}; its total has no requests (so never compares) unless told. */
    static final class ServiceBuilder {
        private final String name;
        private EndpointBuilder total = new EndpointBuilder("Aggregated").requests(0);
        private final List<EndpointBuilder> endpoints = new ArrayList<>();

        ServiceBuilder(String name) {
            this.name = name;
        }

        ServiceBuilder total(EndpointBuilder total) {
            this.total = total;
            return this;
        }

        ServiceBuilder endpoint(EndpointBuilder endpoint) {
            endpoints.add(endpoint);
            return this;
        }

        ServiceStats build() {
            return new ServiceStats(name, total.build(), endpoints.stream().map(EndpointBuilder::build).toList());
        }
    }
}
