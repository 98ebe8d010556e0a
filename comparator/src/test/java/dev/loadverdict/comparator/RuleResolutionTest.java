package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.AppliedRule;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.compare.Verdict;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.config.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.loadverdict.comparator.Fixtures.compare;
import static dev.loadverdict.comparator.Fixtures.compareEndpoint;
import static dev.loadverdict.comparator.Fixtures.config;
import static dev.loadverdict.comparator.Fixtures.critical;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.endpointRules;
import static dev.loadverdict.comparator.Fixtures.finding;
import static dev.loadverdict.comparator.Fixtures.ignored;
import static dev.loadverdict.comparator.Fixtures.limit;
import static dev.loadverdict.comparator.Fixtures.minRequests;
import static dev.loadverdict.comparator.Fixtures.relative;
import static dev.loadverdict.comparator.Fixtures.rules;
import static dev.loadverdict.comparator.Fixtures.run;
import static dev.loadverdict.comparator.Fixtures.service;
import static dev.loadverdict.comparator.Fixtures.serviceRules;
import static dev.loadverdict.comparator.Fixtures.warning;
import static dev.loadverdict.comparator.Fixtures.withMinRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inheritance through built-in defaults, defaults, service and endpoint pattern; ignore; sources. */
class RuleResolutionTest {

    private static final String SERVICE_P95 = "loadverdict.yml services.api.metrics.p95";
    private static final String ENDPOINT_P95 = "loadverdict.yml services.api.endpoints.pattern.metrics.p95";

    @Test
    void aServiceConditionOverridesThatConditionOnlyAndTheRestIsInherited() {
        LoadverdictConfig config = config(RuleSet.empty(),
                serviceRules("api", rules(Metric.P95, critical(relative(100), SERVICE_P95))));

        // +50% and +50 ms: critical under the built-in rule, not under the service's 100%; the rest inherited
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(150), endpoint("GET /x").p95(100), config),
                Metric.P95);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.rule().criticalSource()).isEqualTo(SERVICE_P95 + " + " + BuiltInDefaults.SOURCE);
        assertThat(f.rule().warningSource()).isEqualTo(BuiltInDefaults.SOURCE);
        assertThat(f.rule().critical().orElseThrow().relativePercent().getAsDouble()).isEqualTo(100.0);
        assertThat(f.rule().critical().orElseThrow().delta().getAsDouble()).as("inherited").isEqualTo(20.0);
        assertThat(f.rule().warning().orElseThrow().delta().getAsDouble()).isEqualTo(5.0);
    }

    @Test
    void aServiceRuleAppliesToThatServiceOnly() {
        LoadverdictConfig config = config(RuleSet.empty(),
                serviceRules("api", rules(Metric.P95, critical(relative(100), SERVICE_P95))));
        Comparison c = compare(
                run(service("api").endpoint(endpoint("GET /x").p95(150)),
                        service("web").endpoint(endpoint("GET /x").p95(150))),
                run(service("api").endpoint(endpoint("GET /x").p95(100)),
                        service("web").endpoint(endpoint("GET /x").p95(100))),
                config);

        assertThat(finding(c, "web", "GET /x", Metric.P95).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding(c, "web", "GET /x", Metric.P95).rule().criticalSource()).isEqualTo(BuiltInDefaults.SOURCE);
    }

    @Test
    void configDefaultsSitBetweenBuiltInDefaultsAndServices() {
        LoadverdictConfig config = config(rules(Metric.P95, warning(relative(1), "loadverdict.yml defaults.metrics.p95")));

        // +3% and +6 ms: nothing under the built-in warning (10% and 5 ms); a warning under relative 1% (and 5 ms)
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(206), endpoint("GET /x").p95(200), config),
                Metric.P95);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.rule().warningSource()).isEqualTo("loadverdict.yml defaults.metrics.p95 + " + BuiltInDefaults.SOURCE);
        assertThat(f.rule().warning().orElseThrow().delta()).as("inherited from the built-in rule").hasValue(5.0);
    }

    @Test
    void aMetricWithoutABuiltInRuleIsComparedOnlyWhenConfigured() {
        LoadverdictConfig config = config(rules(Metric.MEAN, warning(relative(10), "loadverdict.yml defaults.metrics.mean")));

        Comparison builtInOnly = compareEndpoint(endpoint("GET /x").mean(200), endpoint("GET /x").mean(100));
        Comparison configured = compareEndpoint(endpoint("GET /x").mean(200), endpoint("GET /x").mean(100), config);

        assertThat(builtInOnly.findings()).noneMatch(f -> f.metric() == Metric.MEAN);
        assertThat(finding(configured, Metric.MEAN).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void anEndpointGlobOverridesTheServiceAndStarCrossesSlashes() {
        LoadverdictConfig config = config(RuleSet.empty(), serviceRules("api", RuleSet.empty(),
                endpointRules("GET /api/*", rules(Metric.P95, critical(limit(10), ENDPOINT_P95)))));

        Comparison c = compare(
                run(service("api").endpoint(endpoint("GET /api/items/42").p95(50))
                        .endpoint(endpoint("GET /other").p95(50))),
                run(service("api").endpoint(endpoint("GET /api/items/42").p95(50))
                        .endpoint(endpoint("GET /other").p95(50))),
                config);

        Finding matched = finding(c, "api", "GET /api/items/42", Metric.P95);
        assertThat(matched.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(matched.rule().criticalSource()).isEqualTo(ENDPOINT_P95 + " + " + BuiltInDefaults.SOURCE);
        assertThat(finding(c, "api", "GET /other", Metric.P95).severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void aGlobAlsoMatchesTheBareName() {
        LoadverdictConfig config = config(RuleSet.empty(), serviceRules("api", RuleSet.empty(),
                endpointRules("/items/?", rules(Metric.P95, critical(limit(10), ENDPOINT_P95)))));

        Comparison c = compare(
                run(service("api").endpoint(endpoint("GET /items/7").p95(50)).endpoint(endpoint("GET /items/77").p95(50))),
                run(service("api").endpoint(endpoint("GET /items/7").p95(50)).endpoint(endpoint("GET /items/77").p95(50))),
                config);

        assertThat(finding(c, "api", "GET /items/7", Metric.P95).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding(c, "api", "GET /items/77", Metric.P95).severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void aRegexPatternIsFoundAnywhereInTheKey() {
        LoadverdictConfig config = config(RuleSet.empty(), serviceRules("api", RuleSet.empty(),
                endpointRules("re:^POST /v[0-9]+/", rules(Metric.P95, critical(limit(10), ENDPOINT_P95))),
                endpointRules("re:orders", rules(Metric.P95, warning(limit(10), ENDPOINT_P95)))));

        Comparison c = compare(
                run(service("api").endpoint(endpoint("POST /v2/cart").p95(50))
                        .endpoint(endpoint("GET /v1/orders/9").p95(50))
                        .endpoint(endpoint("GET /v1/cart").p95(50))),
                run(service("api").endpoint(endpoint("POST /v2/cart").p95(50))
                        .endpoint(endpoint("GET /v1/orders/9").p95(50))
                        .endpoint(endpoint("GET /v1/cart").p95(50))),
                config);

        assertThat(finding(c, "api", "POST /v2/cart", Metric.P95).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding(c, "api", "GET /v1/orders/9", Metric.P95).severity()).isEqualTo(Severity.WARNING);
        assertThat(finding(c, "api", "GET /v1/cart", Metric.P95).severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void theFirstMatchingEndpointPatternWins() {
        LoadverdictConfig config = config(RuleSet.empty(), serviceRules("api", RuleSet.empty(),
                endpointRules("GET /x", rules(Metric.P95, warning(limit(10), "first"))),
                endpointRules("GET *", rules(Metric.P95, critical(limit(10), "second")))));

        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(50), endpoint("GET /x").p95(50), config),
                Metric.P95);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.rule().warningSource()).isEqualTo("first + " + BuiltInDefaults.SOURCE);
        assertThat(f.rule().criticalSource()).isEqualTo(BuiltInDefaults.SOURCE);
    }

    @Test
    void anEndpointPatternDoesNotApplyToTheServiceTotal() {
        LoadverdictConfig config = config(RuleSet.empty(), serviceRules("api", RuleSet.empty(),
                endpointRules("*", rules(Metric.P95, critical(limit(10), ENDPOINT_P95)))));

        Comparison c = compare(run(service("api").total(endpoint("Aggregated").p95(50))),
                run(service("api").total(endpoint("Aggregated").p95(50))), config);

        assertThat(finding(c, "api", null, Metric.P95).rule().criticalSource()).isEqualTo(BuiltInDefaults.SOURCE);
    }

    @Test
    void theTotalPatternAppliesToTheServiceTotalOnly() {
        LoadverdictConfig config = config(RuleSet.empty(), serviceRules("api", RuleSet.empty(),
                endpointRules("(total)", rules(Metric.P95, critical(limit(10), ENDPOINT_P95)))));

        Comparison c = compare(run(service("api").total(endpoint("Aggregated").p95(50)).endpoint(endpoint("GET /x").p95(50))),
                run(service("api").total(endpoint("Aggregated").p95(50)).endpoint(endpoint("GET /x").p95(50))), config);

        Finding total = finding(c, "api", null, Metric.P95);
        assertThat(total.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(total.rule().criticalSource()).startsWith(ENDPOINT_P95);
        assertThat(finding(c, "api", "GET /x", Metric.P95).severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void theTotalPatternMatchesNoEndpointEvenOneNamedLikeIt() {
        LoadverdictConfig config = config(RuleSet.empty(), serviceRules("api", RuleSet.empty(),
                endpointRules("(total)", rules(Metric.P95, critical(limit(10), ENDPOINT_P95)))));

        Finding f = finding(compareEndpoint(endpoint("(total)").p95(50), endpoint("(total)").p95(50), config),
                "api", "(total)", Metric.P95);

        assertThat(f.severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void anIgnoredEndpointHasNoFindingsAndIsNotReportedAsNew() {
        LoadverdictConfig config = config(RuleSet.empty(), serviceRules("api", RuleSet.empty(),
                endpointRules("GET /health*", ignored())));

        Comparison c = compare(
                run(service("api").endpoint(endpoint("GET /health").p95(900))
                        .endpoint(endpoint("GET /healthz").p95(900))
                        .endpoint(endpoint("GET /x").p95(100))),
                run(service("api").endpoint(endpoint("GET /health").p95(10))
                        .endpoint(endpoint("GET /x").p95(100))),
                config);

        assertThat(c.findings()).noneMatch(f -> f.endpointLabel().startsWith("GET /health"));
        assertThat(c.findings()).anyMatch(f -> f.endpointLabel().equals("GET /x"));
        assertThat(c.endpointChanges()).isEmpty();
        assertThat(c.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void anIgnoredServiceHasNoFindingsNotEvenItsTotal() {
        LoadverdictConfig config = config(RuleSet.empty(), serviceRules("api", ignored()));

        Comparison c = compare(
                run(service("api").total(endpoint("Aggregated").p95(900)).endpoint(endpoint("GET /x").p95(900)),
                        service("web").endpoint(endpoint("GET /x").p95(100))),
                run(service("api").total(endpoint("Aggregated").p95(10)).endpoint(endpoint("GET /x").p95(10)),
                        service("web").endpoint(endpoint("GET /x").p95(100))),
                config);

        assertThat(c.findings()).isNotEmpty().allMatch(f -> f.service().equals("web"));
        assertThat(c.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void theLowestLevelThatSetsMinRequestsWins() {
        LoadverdictConfig config = config(minRequests(1000), serviceRules("api", minRequests(10),
                endpointRules("GET /strict", minRequests(500))));

        Comparison c = compare(
                run(service("api").endpoint(endpoint("GET /x").requests(200).p95(200))
                        .endpoint(endpoint("GET /strict").requests(200).p95(200))),
                run(service("api").endpoint(endpoint("GET /x").requests(200).p95(100))
                        .endpoint(endpoint("GET /strict").requests(200).p95(100))),
                config);

        assertThat(finding(c, "api", "GET /x", Metric.P95).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding(c, "api", "GET /x", Metric.P95).rule().critical().orElseThrow().minRequests())
                .isEqualTo(OptionalLong.of(10));
        assertThat(finding(c, "api", "GET /strict", Metric.P95).outcome()).isEqualTo(Outcome.NOT_COMPARABLE);
    }

    @Test
    void aBlockMinRequestsOverridesTheLevelsForThatBlockOnly() {
        LoadverdictConfig config = config(new RuleSet(OptionalLong.of(100), false, java.util.Map.of(Metric.P95,
                warning(withMinRequests(relative(10), 20), "loadverdict.yml defaults.metrics.p95"))));

        // 50 requests: enough for the warning block (20), not for the critical block, which inherits 100
        Finding f = finding(compareEndpoint(endpoint("GET /x").requests(50).p95(200),
                endpoint("GET /x").requests(50).p95(100), config), Metric.P95);

        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.reasons()).contains("critical: not compared: baseline has 50 and current has 50 requests"
                + " < minRequests 100");
    }

    @Test
    void appliedRuleCarriesTheEffectiveMinRequestsAndSourcesOfBothBlocks() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(100), endpoint("GET /x").p95(100)), Metric.P95);

        AppliedRule rule = f.rule();
        assertThat(rule.warningSource()).isEqualTo(BuiltInDefaults.SOURCE);
        assertThat(rule.criticalSource()).isEqualTo(BuiltInDefaults.SOURCE);
        assertThat(rule.warning().orElseThrow().minRequests()).as("no minimum is built in").isEqualTo(OptionalLong.of(0));
        assertThat(rule.critical().orElseThrow().relativePercent().getAsDouble()).isEqualTo(25.0);
    }

    @Test
    void anAbsentBlockHasAnEmptySource() {
        LoadverdictConfig config = config(rules(Metric.MEAN, warning(relative(10), "loadverdict.yml defaults.metrics.mean")));

        Finding f = finding(compareEndpoint(endpoint("GET /x").mean(100), endpoint("GET /x").mean(100), config),
                Metric.MEAN);

        assertThat(f.rule().critical()).isEmpty();
        assertThat(f.rule().criticalSource()).isEmpty();
    }

    @Test
    void theComparisonNamesTheConfigFile() {
        Comparison c = compareEndpoint(endpoint("GET /x").p95(100), endpoint("GET /x").p95(100));

        assertThat(c.configSource()).isEqualTo(Optional.of(Fixtures.CONFIG_FILE));
    }

    @Test
    void anInvalidRegexNamesTheServiceAndPattern() {
        LoadverdictConfig config = config(RuleSet.empty(), serviceRules("api", RuleSet.empty(),
                endpointRules("re:(unclosed", new RuleSet(OptionalLong.empty(), true, Map.of()))));

        assertThatThrownBy(() -> compareEndpoint(endpoint("GET /x"), endpoint("GET /x"), config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("service api")
                .hasMessageContaining("re:(unclosed");
    }
}
