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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.LongStream;

import static dev.loadverdict.comparator.Fixtures.compareWithTests;
import static dev.loadverdict.comparator.Fixtures.config;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants over random runs and random relative/delta rules (no limits, whose breach may fail a finding
 * whatever its change). 400 seeds drawn from seed 42, fixed; each invocation's seed is its display name and
 * {@code new Random(seed)} regenerates its runs and rules, so a failure reproduces.
 */
class RegressionDetectorPropertiesTest {

    private static final List<Metric> RULED = List.of(Metric.P50, Metric.P95, Metric.P99, Metric.MEAN, Metric.MAX,
            Metric.ERROR_RATE, Metric.THROUGHPUT);

    static LongStream seeds() {
        return new Random(42).longs(400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void findingsHoldOnlyFiniteNumbersAndRegressionsAreWorse(long seed) {
        withSeed(seed, () -> findingsHoldOnlyFiniteNumbersAndRegressionsAreWorse(new Random(seed)));
    }

    private static void findingsHoldOnlyFiniteNumbersAndRegressionsAreWorse(Random random) {
        Side current = side(random);
        Side baseline = side(random);
        RuleSet defaults = rules(random);
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

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void swappingARegressionYieldsNoFailure(long seed) {
        withSeed(seed, () -> swappingARegressionYieldsNoFailure(new Random(seed)));
    }

    private static void swappingARegressionYieldsNoFailure(Random random) {
        Side a = side(random);
        Side b = side(random);
        RuleSet defaults = rules(random);
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

    /** Runs {@code body}, naming the seed in any failure, so that {@code new Random(seed)} reproduces it. */
    private static void withSeed(long seed, Runnable body) {
        try {
            body.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
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

    /** Requests 0 to 5000 (0, 99 and 100 often), a failed fraction of them, and each value present four times in five. */
    static Side side(Random random) {
        long requests = switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> 99;
            case 2 -> 100;
            default -> random.nextInt(5001);
        };
        double fraction = switch (random.nextInt(10)) {
            case 0 -> 0.0;
            case 1 -> 1.0;
            default -> random.nextDouble();
        };
        return new Side(requests, Math.round(requests * fraction), optional(random, 0.8, () -> value(random)),
                optional(random, 0.8, () -> value(random)), optional(random, 0.8, () -> value(random)),
                optional(random, 0.8, () -> value(random)));
    }

    private static final double[] EXTREME = {0.0, Double.MIN_VALUE, 1e-300, 0.001, 1e300, Double.MAX_VALUE};

    /** An ordinary value (0 to 2000) eight times in ten, else an extreme one. */
    private static double value(Random random) {
        return random.nextInt(10) < 8 ? random.nextDouble() * 2000 : EXTREME[random.nextInt(EXTREME.length)];
    }

    private static <T> Optional<T> optional(Random random, double presence, java.util.function.Supplier<T> value) {
        return random.nextDouble() < presence ? Optional.of(value.get()) : Optional.empty();
    }

    /** A minimum request count half the time, and a warning and/or critical rule for each ruled metric six times in ten. */
    static RuleSet rules(Random random) {
        Optional<Long> min = optional(random, 0.5, () -> (long) random.nextInt(201));
        Map<Metric, MetricRule> metrics = new EnumMap<>(Metric.class);
        for (Metric metric : RULED) {
            optional(random, 0.6, () -> metricRule(random)).ifPresent(rule -> metrics.put(metric, rule));
        }
        return new RuleSet(min.map(OptionalLong::of).orElse(OptionalLong.empty()), false, metrics);
    }

    private static MetricRule metricRule(Random random) {
        Optional<Conditions> warning = optional(random, 0.7, () -> conditions(random));
        Optional<Conditions> critical = optional(random, 0.7, () -> conditions(random));
        return MetricRule.of(warning, critical, "random");
    }

    /** A relative and/or an absolute amount (0 to 100, 0 often), and a minimum request count three times in ten. */
    private static Conditions conditions(Random random) {
        while (true) {
            Optional<Double> rel = optional(random, 0.6, () -> amount(random));
            Optional<Double> delta = optional(random, 0.6, () -> amount(random));
            Optional<Long> min = optional(random, 0.3, () -> (long) random.nextInt(201));
            if (rel.isPresent() || delta.isPresent()) {
                return new Conditions(
                        rel.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                        delta.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                        OptionalDouble.empty(),
                        min.map(OptionalLong::of).orElse(OptionalLong.empty()));
            }
        }
    }

    private static double amount(Random random) {
        return random.nextInt(10) == 0 ? 0.0 : random.nextDouble() * 100;
    }
}
