package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.config.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.loadverdict.comparator.Fixtures.both;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.relative;
import static dev.loadverdict.comparator.Fixtures.relativeAndDelta;
import static dev.loadverdict.comparator.Fixtures.rules;
import static dev.loadverdict.comparator.Fixtures.run;
import static dev.loadverdict.comparator.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

class DriftGateTest {

    private static final RuleSet P95_RULES = rules(Metric.P95, both(relative(10), relativeAndDelta(20, 10), "loadverdict.yml"));
    private static final String SEARCH = DriftGate.key("shop", Optional.of("GET /search"), Metric.P95);

    private static Run searchAt(double p95) {
        return run(service("shop").endpoint(endpoint("GET /search").requests(1000).percentile(95, p95)));
    }

    private static DriftGate.Reference reference(double... window) {
        return new DriftGate.Reference("v21 (8984005)", "median of v21–v25", Map.of(SEARCH, window));
    }

    private static List<Finding> search(List<Finding> findings) {
        return findings.stream().filter(f -> f.endpoint().equals(Optional.of("GET /search"))).toList();
    }

    @Test
    void aSlideBeyondTheCriticalThresholdsIsACriticalDriftFinding() {
        List<Finding> found = search(DriftGate.check(searchAt(125), reference(100, 101, 99, 100, 102), P95_RULES, 3));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.DRIFT);
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.baseline()).hasValue(100);
            assertThat(f.relativePercent().getAsDouble()).isCloseTo(25, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.scopeLabel()).isEqualTo("drift since v21 (8984005) / shop");
            assertThat(f.reasons().get(0)).contains("+25.0 ms (+25.0%) since v21 (8984005) (median of v21–v25: 100 ms)").contains("20% and 10 ms");
        });
    }

    @Test
    void everyConditionOfASeverityMustHold() {
        // +15%: the warning's 10% holds, the critical's 20% does not
        assertThat(search(DriftGate.check(searchAt(115), reference(100, 100, 100, 100, 100), P95_RULES, 3)))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        // +21% but only +4.2 ms: below the critical delta of 10 ms
        assertThat(search(DriftGate.check(searchAt(24.2), reference(20, 20, 20, 20, 20), P95_RULES, 3)))
                .singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
    }

    @Test
    void withinThresholdsGivesNoFinding() {
        assertThat(search(DriftGate.check(searchAt(108), reference(100, 100, 100, 100, 100), P95_RULES, 3))).isEmpty();
    }

    @Test
    void aDriftInsideTheReferencesNoiseIsNoRegression() {
        List<Finding> found = search(DriftGate.check(searchAt(125), reference(80, 100, 120, 90, 110), P95_RULES, 3));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.outcome()).isEqualTo(Outcome.WITHIN_NOISE);
            assertThat(f.severity()).isEqualTo(Severity.NONE);
        });
    }

    @Test
    void throughputDriftsDownward() {
        RuleSet rules = rules(Metric.THROUGHPUT, both(relative(10), relative(30), "loadverdict.yml"));
        String key = DriftGate.key("shop", Optional.of("GET /search"), Metric.THROUGHPUT);
        Run run = run(service("shop").endpoint(endpoint("GET /search").requests(1000).throughput(80)));
        List<Finding> found = search(DriftGate.check(run, new DriftGate.Reference("v1", "v1", Map.of(key, new double[] {100})), rules, 3));
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.change()).hasValue(20);
        });
        Run faster = run(service("shop").endpoint(endpoint("GET /search").requests(1000).throughput(130)));
        assertThat(search(DriftGate.check(faster, new DriftGate.Reference("v1", "v1", Map.of(key, new double[] {100})), rules, 3))).isEmpty();
    }

    @Test
    void oneSlowRunAmongRecentRunsAtTheOldLevelIsNoDrift() {
        DriftGate.Reference ref = new DriftGate.Reference("v1", "median of v1–v5", Map.of(SEARCH, new double[] {100, 100, 100, 100, 100}),
                "v6–v9", Map.of(SEARCH, new double[] {101, 99, 100, 102}));
        assertThat(search(DriftGate.check(searchAt(180), ref, P95_RULES, 3))).isEmpty();
    }

    @Test
    void aLevelThatMovedIsDriftAndTheFindingShowsTheLevelNow() {
        DriftGate.Reference ref = new DriftGate.Reference("v1", "median of v1–v5", Map.of(SEARCH, new double[] {100, 100, 100, 100, 100}),
                "v26–v29", Map.of(SEARCH, new double[] {121, 123, 122, 126}));
        assertThat(search(DriftGate.check(searchAt(124), ref, P95_RULES, 3))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.current()).hasValue(123);
            assertThat(f.reasons().get(0)).startsWith("critical: the median of this run (124 ms) and v26–v29, +23.0 ms (+23.0%) since v1");
        });
        // back at the old level: the recent runs alone do not make this run a drift
        assertThat(search(DriftGate.check(searchAt(101), ref, P95_RULES, 3))).isEmpty();
    }

    @Test
    void aSeriesTheReferenceLacksIsNotJudged() {
        assertThat(DriftGate.check(searchAt(500), new DriftGate.Reference("v1", "v1", Map.of()), P95_RULES, 3)).isEmpty();
    }
}
