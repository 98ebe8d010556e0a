package dev.loadverdict.codec;

import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.config.Conditions;
import dev.loadverdict.model.config.MappingRule;
import dev.loadverdict.model.config.Naming;
import dev.loadverdict.model.config.LoadverdictConfig;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigParserTest {

    /** The example from DESIGN.md, verbatim. */
    static final String DESIGN_EXAMPLE = """
            defaults:
              minRequests: 100
              alpha: 0.05
              metrics:
                p95:        { warning: { relative: 10%, delta: 5ms },  critical: { relative: 25%, delta: 20ms } }
                p99:        { warning: { relative: 15% },              critical: { relative: 40% } }
                error_rate: { warning: { delta: 0.2pp },               critical: { delta: 0.5pp } }
                throughput: { warning: { relative: 10% },              critical: { relative: 30% } }   # a drop
            services:
              api_gateway:
                metrics:
                  p95: { critical: { limit: 100ms } }      # a block at a lower level replaces the inherited one
                endpoints:
                  "GET /api/graph/categories/*": { ignore: true }    # globs; "re:^GET /v[0-9]+/" for a regex
            mapping:                      # used at extract time: label/URL/tag -> service, endpoint templating
              - match: { url: "^/api/graph/" }
                service: graph_api
                endpoint: { template: "/api/graph/{id}" }
            """;

    static LoadverdictConfig parse(String yaml) {
        return ConfigParser.parse("loadverdict.yml", new StringReader(yaml));
    }

    static InputException failure(String yaml) {
        try {
            parse(yaml);
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void issueSettingsAreReadAndCheckedWithTheirLines() {
        LoadverdictConfig config = parse("issues:\n  labels: [perf, nightly]\n  assignees: [oncall]\n"
                + "  title: \"Slow {service}\"\n  confirmRuns: 2\n");
        assertThat(config.issues().labels()).containsExactly("perf", "nightly");
        assertThat(config.issues().assignees()).containsExactly("oncall");
        assertThat(config.issues().title()).contains("Slow {service}");
        assertThat(config.issues().confirmRuns()).hasValue(2);
        assertThat(failure("issues:\n  confirmRuns: 0\n").getMessage()).contains("loadverdict.yml:2").contains("from 1 to 100");
        assertThat(failure("issues:\n  label: [x]\n").getMessage()).contains("unknown key");
    }

    @Test
    void matchingSharesAreReadWithDefaultsAndCheckedWithTheirLines() {
        assertThat(parse("services: {}\n").matching()).isEqualTo(dev.loadverdict.model.config.MatchingSettings.defaults());
        var matching = parse("matching:\n  minMatched: 60%\n  warnMissing: 0\n").matching();
        assertThat(matching.minMatchedPercent()).isEqualTo(60);
        assertThat(matching.warnMissingPercent()).isZero();
        assertThat(parse("matching:\n  warnMissing: 5%\n").matching().minMatchedPercent())
                .isEqualTo(dev.loadverdict.model.config.MatchingSettings.DEFAULT_MIN_MATCHED_PERCENT);
        assertThat(failure("matching:\n  minMatched: 120%\n").getMessage()).contains("loadverdict.yml:2").contains("0% to 100%");
        assertThat(failure("matching:\n  warnMissing: 5ms\n").getMessage()).contains("loadverdict.yml:2");
        assertThat(failure("matching:\n  minMatch: 5%\n").getMessage()).contains("unknown key");
    }

    @Test
    void builtInRulesAreOnUnlessTheFileTurnsThemOff() {
        assertThat(parse("defaults:\n  minRequests: 50\n").builtInRules()).isTrue();
        assertThat(parse("services: {}\n").builtInRules()).isTrue();
        LoadverdictConfig slo = parse("defaults:\n  builtInRules: false\n  metrics:\n    p95: { critical: { limit: 100ms } }\n");
        assertThat(slo.builtInRules()).isFalse();
        assertThat(slo.defaults().metrics()).containsOnlyKeys(Metric.P95);
        assertThat(failure("defaults:\n  builtInRules: nope\n").getMessage()).contains("loadverdict.yml:2");
        assertThat(failure("services:\n  api:\n    builtInRules: false\n").getMessage()).contains("unknown key");
    }

    @Test
    void aKeyMetricMakesItsWarningConditionsCritical() {
        LoadverdictConfig config = parse("services:\n  checkout:\n    metrics:\n"
                + "      error_rate: { warning: { delta: 0.1pp }, critical: true }\n");
        var service = config.service("checkout").orElseThrow().rules();
        var inheritedCritical = dev.loadverdict.model.config.MetricRule.of(java.util.Optional.empty(),
                java.util.Optional.of(new Conditions(java.util.OptionalDouble.of(50), java.util.OptionalDouble.of(0.5),
                        java.util.OptionalDouble.empty(), java.util.OptionalLong.empty())), "above");
        var above = new dev.loadverdict.model.config.RuleSet(java.util.OptionalLong.empty(), false,
                java.util.Map.of(Metric.ERROR_RATE, inheritedCritical));
        var rule = dev.loadverdict.model.config.InheritedRules.of(java.util.List.of(above, service))
                .rules().get(Metric.ERROR_RATE);
        assertThat(rule.critical().orElseThrow().conditions()).as("exactly the warning's conditions, none inherited")
                .isEqualTo(rule.warning().orElseThrow().conditions());
        assertThat(failure("defaults:\n  metrics:\n    p95: { critical: true }\n").getMessage())
                .contains("loadverdict.yml:3").contains("has no warning block here");
        assertThat(failure("defaults:\n  metrics:\n    p95: { warning: { relative: 5% }, critical: false }\n").getMessage())
                .contains("only 'critical: true'");
    }

    @Test
    void readsTheDesignExample() {
        LoadverdictConfig config = parse(DESIGN_EXAMPLE);
        assertThat(config.alpha()).isEqualTo(0.05);
        assertThat(config.defaults().minRequests()).hasValue(100);
        Conditions p95Critical = config.defaults().metrics().get(Metric.P95).critical().orElseThrow().conditions().orElseThrow();
        assertThat(p95Critical.relativePercent()).hasValue(25);
        assertThat(p95Critical.delta()).hasValue(20);
        assertThat(config.defaults().metrics().get(Metric.ERROR_RATE).warning().orElseThrow().conditions().orElseThrow().delta()).hasValue(0.2);
        var gateway = config.service("api_gateway").orElseThrow();
        assertThat(gateway.rules().metrics().get(Metric.P95).critical().orElseThrow().conditions().orElseThrow().limit()).hasValue(100);
        assertThat(gateway.rules().metrics().get(Metric.P95).warning()).isEmpty();
        assertThat(gateway.rules().metrics().get(Metric.P95).source()).isEqualTo("loadverdict.yml:12 services.api_gateway.metrics.p95");
        assertThat(gateway.endpoints()).singleElement().satisfies(e -> {
            assertThat(e.pattern()).isEqualTo("GET /api/graph/categories/*");
            assertThat(e.rules().ignore()).isTrue();
        });
        assertThat(config.mapping()).singleElement().satisfies(m -> {
            assertThat(m.service()).contains("graph_api");
            assertThat(m.match().get(MappingRule.Field.URL).pattern()).isEqualTo("^/api/graph/");
            assertThat(m.endpoint()).contains("/api/graph/{id}");
        });
    }

    @Test
    void unitsConvert() {
        LoadverdictConfig config = parse("""
                defaults:
                  metrics:
                    p99: { critical: { delta: 1.5s, limit: 2000 } }
                    throughput: { critical: { limit: 50req/s } }
                    error_rate: { critical: { limit: 1% } }
                """);
        assertThat(config.defaults().metrics().get(Metric.P99).critical().orElseThrow().conditions().orElseThrow().delta()).hasValue(1500);
        assertThat(config.defaults().metrics().get(Metric.P99).critical().orElseThrow().conditions().orElseThrow().limit()).hasValue(2000);
        assertThat(config.defaults().metrics().get(Metric.THROUGHPUT).critical().orElseThrow().conditions().orElseThrow().limit()).hasValue(50);
        assertThat(config.defaults().metrics().get(Metric.ERROR_RATE).critical().orElseThrow().conditions().orElseThrow().limit()).hasValue(1);
    }

    @Test
    void unknownKeyNamesLineAndAlternatives() {
        InputException e = failure("""
                defaults:
                  metrics:
                    p95: { warning: { relativ: 10% } }
                """);
        assertThat(e.getMessage()).isEqualTo("loadverdict.yml:3: defaults.metrics.p95.warning.relativ: unknown key "
                + "(expected one of: relative, delta, limit, minRequests)");
    }

    @Test
    void unknownMetricListsTheKnownOnes() {
        InputException e = failure("defaults:\n  metrics:\n    p42: { warning: { relative: 1% } }\n");
        assertThat(e.getMessage()).startsWith("loadverdict.yml:3: defaults.metrics.p42: unknown metric 'p42' (known: p50, p75");
    }

    @Test
    void wrongUnitForTheMetricIsRejected() {
        InputException e = failure("defaults:\n  metrics:\n    p95: { warning: { delta: 5pp } }\n");
        assertThat(e.getMessage()).contains("loadverdict.yml:3:").contains("'5pp' is not an amount for p95");
    }

    @Test
    void negativeAmountsAreRejectedBecauseDirectionIsImplied() {
        InputException e = failure("defaults:\n  metrics:\n    throughput: { warning: { relative: -10% } }\n");
        assertThat(e.getMessage()).contains("amounts are positive, measured in the metric's bad direction");
    }

    @Test
    void invalidRegexIsReported() {
        InputException e = failure("services:\n  a:\n    endpoints:\n      \"re:([\": { ignore: true }\n");
        assertThat(e.getMessage()).startsWith("loadverdict.yml:4:").contains("invalid regular expression");
    }

    @Test
    void brokenYamlNamesTheLine() {
        InputException e = failure("defaults:\n  metrics: [\n    p95\n");
        assertThat(e.getMessage()).startsWith("loadverdict.yml:").contains("not valid YAML");
    }

    @Test
    void tagsWrittenInsideMatchAreToldToMoveOutBesideIt() {
        InputException e = failure("""
                mapping:
                  - match:
                      url: "^/api/"
                      tags: { scenario: checkout }
                    service: checkout
                """);
        assertThat(e.getMessage()).startsWith("loadverdict.yml:4: mapping[0].match.tags: ")
                .contains("'tags' belongs beside 'match', not inside it").doesNotContain("go under 'tags:'");
    }

    @Test
    void aTagNameUsedAsAnAttributeIsToldToGoInTags() {
        InputException e = failure("mapping:\n  - match: { scenario: checkout }\n    service: checkout\n");
        assertThat(e.getMessage()).contains("unknown request attribute")
                .contains("a condition on a tag goes in the rule's 'tags:', beside 'match:'");
    }

    @Test
    void emptyBlockIsRejected() {
        InputException e = failure("defaults:\n  metrics:\n    p95: { warning: {} }\n");
        assertThat(e.getMessage()).contains("loadverdict.yml:3").contains("defaults.metrics.p95.warning: is empty");
    }

    @Test
    void emptyFileMeansBuiltInDefaults() {
        assertThat(ConfigParser.parse("loadverdict.yml", new StringReader("# nothing yet\n")).defaults().metrics()).isEmpty();
    }

    @Test
    void jsonIsAcceptedToo() {
        LoadverdictConfig config = ConfigParser.parse("loadverdict.json", new StringReader(
                "{\"defaults\": {\"metrics\": {\"p95\": {\"critical\": {\"relative\": \"25%\"}}}}}"));
        assertThat(config.defaults().metrics().get(Metric.P95).critical().orElseThrow().conditions().orElseThrow().relativePercent()).hasValue(25);
    }

    @Test
    void mappingRulesMatchAttributesAndTagsAndNameEndpoints() {
        LoadverdictConfig config = parse("""
                naming: { maxEndpointsPerService: 50, dropQueryStrings: false }
                mapping:
                  - match: { label: "^Login", threadGroup: "users" }
                    tags: { scenario: "^browse$" }
                    service: auth
                  - match: { url: "^/users/([0-9]+)" }
                    endpoint: "/users/{id}"
                """);
        assertThat(config.naming()).isEqualTo(new Naming(true, false, 50));
        MappingRule first = config.mapping().get(0);
        assertThat(first.match()).containsOnlyKeys(MappingRule.Field.NAME, MappingRule.Field.THREAD_GROUP);
        assertThat(first.tags()).containsOnlyKeys("scenario");
        assertThat(config.mapping().get(1).service()).isEmpty();
        assertThat(config.mapping().get(1).endpoint()).contains("/users/{id}");
    }

    @Test
    void mappingRuleWithoutTargetIsRejected() {
        InputException e = failure("mapping:\n  - match: { name: x }\n");
        assertThat(e.getMessage()).startsWith("loadverdict.yml:2:").contains("must set 'service', 'endpoint', or both");
    }

    @Test
    void duplicateKeysAreRejected() {
        InputException e = failure("defaults:\n  minRequests: 1\n  minRequests: 2\n");
        assertThat(e.getMessage()).contains("duplicate key 'minRequests'");
    }
}
