package dev.loadverdict.comparator;

import dev.loadverdict.model.Direction;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.compare.Verdict;
import dev.loadverdict.model.config.Conditions;
import dev.loadverdict.model.config.MetricRule;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.config.RuleSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static dev.loadverdict.comparator.Fixtures.compareWithTests;
import static dev.loadverdict.comparator.Fixtures.config;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants over random runs and random relative/delta rules (no limits, whose breach may fail a finding
 * whatever its change). Seed 42, fixed, so a failure reproduces.
 */
class RegressionDetectorPropertiesTest {

    private static final List<Metric> RULED = List.of(Metric.P50, Metric.P95, Metric.P99, Metric.MEAN, Metric.MAX,
            Metric.ERROR_RATE, Metric.THROUGHPUT);

    @Property(seed = "42", tries = 400)
    void findingsHoldOnlyFiniteNumbersAndRegressionsAreWorse(@ForAll("sides") Side current,
                                                             @ForAll("sides") Side baseline,
                                                             @ForAll("rules") RuleSet defaults) {
        Comparison c = compareWithTests(current.run(), baseline.run(), config(defaults));

        if (current.requests() > 0 || baseline.requests() > 0) {
            assertThat(c.findings()).as("error rate is always ruled and known on one side").isNotEmpty();
        }
        for (Finding f : c.findings()) {
            assertFinite(f.baseline(), f);
            assertFinite(f.current(), f);
            assertFinite(f.change(), f);
            assertFinite(f.relativePercent(), f);
            assertThat(f.reasons()).noneMatch(r -> r.contains("Infinity") || r.contains("NaN"));
            if (f.outcome() == Outcome.REGRESSION) {
                double change = f.change().orElseThrow();
                assertThat(change).as("%s", f).isPositive();
                double b = f.baseline().orElseThrow();
                double cur = f.current().orElseThrow();
                if (f.metric().direction() == Direction.LOWER_IS_BETTER) {
                    assertThat(cur).as("%s", f).isGreaterThan(b);
                } else {
                    assertThat(cur).as("%s", f).isLessThan(b);
                }
            }
            if (f.outcome() == Outcome.IMPROVEMENT) {
                assertThat(f.change().orElseThrow()).as("%s", f).isNegative();
                assertThat(f.severity()).isEqualTo(Severity.NONE);
            }
        }
    }

    @Property(seed = "42", tries = 400)
    void swappingARegressionYieldsNoFailure(@ForAll("sides") Side a, @ForAll("sides") Side b,
                                            @ForAll("rules") RuleSet defaults) {
        LoadverdictConfig config = config(defaults);
        Comparison forward = compareWithTests(a.run(), b.run(), config);
        Comparison backward = compareWithTests(b.run(), a.run(), config);

        assertThat(backward.findings()).hasSameSizeAs(forward.findings());
        for (int i = 0; i < forward.findings().size(); i++) {
            Finding there = forward.findings().get(i);
            Finding back = backward.findings().get(i);
            if (there.outcome() == Outcome.REGRESSION) {
                assertThat(back.severity()).as("%s swapped: %s", there, back).isEqualTo(Severity.NONE);
                assertThat(back.outcome()).as("%s swapped: %s", there, back)
                        .isIn(Outcome.IMPROVEMENT, Outcome.UNCHANGED, Outcome.NOT_COMPARABLE);
                assertThat(back.change().orElseThrow()).isEqualTo(-there.change().orElseThrow());
            }
        }
        boolean onlyBetterOrSame = forward.findings().stream()
                .allMatch(f -> f.outcome() == Outcome.IMPROVEMENT || f.outcome() == Outcome.UNCHANGED);
        if (onlyBetterOrSame) {
            assertThat(forward.verdict()).isEqualTo(Verdict.PASS);
        }
    }

    private static void assertFinite(OptionalDouble value, Finding f) {
        value.ifPresent(v -> assertThat(Double.isFinite(v)).as("finite %s in %s", v, f).isTrue());
    }

    /** One run: service {@code api} whose total and endpoint {@code GET /x} carry the same random stats. */
    record Side(long requests, long failures, Optional<Double> throughput, Optional<Double> p95,
                Optional<Double> p99, Optional<Double> mean) {

        Run run() {
            return Fixtures.run(service("api").total(stats("Aggregated")).endpoint(stats("GET /x")));
        }

        private Fixtures.EndpointBuilder stats(String key) {
            Fixtures.EndpointBuilder e = endpoint(key).requests(requests).failures(failures);
            throughput.ifPresent(e::throughput);
            p95.ifPresent(e::p95);
            p99.ifPresent(e::p99);
            mean.ifPresent(v -> e.mean(v).percentile(50.0, v).max(v));
            return e;
        }
    }

    @Provide
    Arbitrary<Side> sides() {
        Arbitrary<Long> requests = Arbitraries.longs().between(0, 5000).edgeCases(c -> c.add(0L, 99L, 100L));
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 1).edgeCases(c -> c.add(0.0, 1.0));
        return Combinators.combine(requests, fraction, value().optional(0.8), value().optional(0.8),
                        value().optional(0.8), value().optional(0.8))
                .as((r, fr, tp, p95, p99, mean) -> new Side(r, Math.round(r * fr), tp, p95, p99, mean));
    }

    private static Arbitrary<Double> value() {
        Arbitrary<Double> ordinary = Arbitraries.doubles().between(0, 2000);
        Arbitrary<Double> extreme = Arbitraries.of(0.0, Double.MIN_VALUE, 1e-300, 0.001, 1e300, Double.MAX_VALUE);
        return Arbitraries.frequencyOf(Tuple.<Integer, Arbitrary<? extends Double>>of(8, ordinary),
                Tuple.<Integer, Arbitrary<? extends Double>>of(2, extreme));
    }

    @Provide
    Arbitrary<RuleSet> rules() {
        Arbitrary<Optional<Long>> minRequests = Arbitraries.longs().between(0, 200).optional(0.5);
        Arbitrary<List<Optional<MetricRule>>> perMetric = metricRule().optional(0.6).list().ofSize(RULED.size());
        return Combinators.combine(minRequests, perMetric).as((min, ruleList) -> {
            Map<Metric, MetricRule> metrics = new EnumMap<>(Metric.class);
            for (int i = 0; i < RULED.size(); i++) {
                Metric metric = RULED.get(i);
                ruleList.get(i).ifPresent(rule -> metrics.put(metric, rule));
            }
            return new RuleSet(min.map(OptionalLong::of).orElse(OptionalLong.empty()), false, metrics);
        });
    }

    private static Arbitrary<MetricRule> metricRule() {
        return Combinators.combine(conditions().optional(0.7), conditions().optional(0.7))
                .as((w, c) -> new MetricRule(w, c, "random"));
    }

    private static Arbitrary<Conditions> conditions() {
        Arbitrary<Optional<Double>> amount = Arbitraries.doubles().between(0, 100)
                .edgeCases(c -> c.add(0.0)).optional(0.6);
        Arbitrary<Optional<Long>> min = Arbitraries.longs().between(0, 200).optional(0.3);
        return Combinators.combine(amount, amount, min)
                .filter((rel, delta, m) -> rel.isPresent() || delta.isPresent())
                .as((rel, delta, m) -> new Conditions(
                        rel.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                        delta.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                        OptionalDouble.empty(),
                        m.map(OptionalLong::of).orElse(OptionalLong.empty())));
    }
}
