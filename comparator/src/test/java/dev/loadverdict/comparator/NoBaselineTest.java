package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.compare.Verdict;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.config.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.loadverdict.comparator.Fixtures.both;
import static dev.loadverdict.comparator.Fixtures.config;
import static dev.loadverdict.comparator.Fixtures.critical;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.limit;
import static dev.loadverdict.comparator.Fixtures.relative;
import static dev.loadverdict.comparator.Fixtures.rules;
import static dev.loadverdict.comparator.Fixtures.run;
import static dev.loadverdict.comparator.Fixtures.service;
import static dev.loadverdict.comparator.Fixtures.serviceRules;
import static org.assertj.core.api.Assertions.assertThat;

/** Without a baseline only absolute limits can judge a run, and they must: the first run of a suite is gated too. */
class NoBaselineTest {

    private static final Run RUN = run(service("api").endpoint(endpoint("GET /slow").p95(260))
            .endpoint(endpoint("GET /fast").p95(8)));

    private static final LoadverdictConfig SLO = config(new RuleSet(OptionalLong.empty(), false,
            Map.of(Metric.P95, both(limit(10), limit(100), "loadverdict.yml defaults.metrics.p95"))));

    @Test
    void aBreachedLimitFailsARunThatHasNoBaseline() {
        Comparison c = RegressionDetector.checkLimits(RUN, SLO);

        assertThat(c.baseline()).isEmpty();
        assertThat(c.endpointChanges()).as("nothing is 'new' when there is nothing to compare with").isEmpty();
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        Finding slow = only(c, "GET /slow");
        assertThat(slow.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(slow.baseline()).isEmpty();
        assertThat(slow.reasons()).contains("critical: limit 100 ms breached (current 260 ms)");
        Finding fast = only(c, "GET /fast");
        assertThat(fast.outcome()).isEqualTo(Outcome.WITHIN_LIMITS);
        assertThat(fast.severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void onlyLimitedMetricsAreChecked() {
        Comparison c = RegressionDetector.checkLimits(RUN, SLO);

        assertThat(c.findings()).extracting(Finding::metric).containsOnly(Metric.P95);
    }

    @Test
    void withoutLimitsThereIsNothingToCheckAndTheRunPasses() {
        Comparison c = RegressionDetector.checkLimits(RUN, config(RuleSet.empty()));

        assertThat(c.findings()).isEmpty();
        assertThat(c.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void builtInRulesOffLeavesOnlyWhatTheFileSays() {
        // a doubling breaks the built-in +25% / +20 ms critical p95 rule; with the built-ins off, a limit alone decides
        Run baseline = run(service("api").endpoint(endpoint("GET /slow").p95(130)));
        Run current = run(service("api").endpoint(endpoint("GET /slow").percentile(50, 200).p95(260)));
        LoadverdictConfig onlyLimit = withoutBuiltIns(config(new RuleSet(OptionalLong.empty(), false,
                Map.of(Metric.P95, critical(limit(1000), "loadverdict.yml defaults.metrics.p95")))));
        Comparison c = RegressionDetector.compare(current, Fixtures.ref(baseline), baseline, onlyLimit);
        assertThat(c.findings()).extracting(Finding::metric).containsOnly(Metric.P95);
        assertThat(c.verdict()).isEqualTo(Verdict.PASS);

        LoadverdictConfig withBuiltIns = config(new RuleSet(OptionalLong.empty(), false,
                Map.of(Metric.P95, critical(limit(1000), "loadverdict.yml defaults.metrics.p95"))));
        assertThat(RegressionDetector.compare(current, Fixtures.ref(baseline), baseline, withBuiltIns).verdict())
                .as("the built-in critical conditions still apply beside the limit when built-ins are on")
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void builtInRulesOffKeepsTheFilesRelativeRules() {
        Run baseline = run(service("api").endpoint(endpoint("GET /slow").requests(1000).p95(130)));
        Run current = run(service("api").endpoint(endpoint("GET /slow").requests(1000).percentile(50, 200).p95(260)));
        LoadverdictConfig relativeOnly = withoutBuiltIns(config(RuleSet.empty(), serviceRules("api",
                rules(Metric.P95, critical(relative(50), "loadverdict.yml services.api.metrics.p95")))));
        Comparison c = RegressionDetector.compare(current, Fixtures.ref(baseline), baseline, relativeOnly);
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
    }

    private static Finding only(Comparison c, String endpoint) {
        List<Finding> found = c.findings().stream().filter(f -> f.endpoint().equals(Optional.of(endpoint))).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static LoadverdictConfig withoutBuiltIns(LoadverdictConfig c) {
        return new LoadverdictConfig(c.defaults(), c.services(), c.mapping(), c.naming(), c.alpha(), c.alphaCritical(),
                c.source(), c.issues(), false);
    }
}
