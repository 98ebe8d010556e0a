package dev.loadverdict.codec;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.config.Condition;
import dev.loadverdict.model.config.EndpointRules;
import dev.loadverdict.model.config.InheritedRules;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.config.RuleSet;
import dev.loadverdict.model.config.ServiceRules;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions are inherited key by key down defaults → service → endpoint ({@link InheritedRules}): a lower level adds
 * a condition, overrides one, or drops one with {@code off}; what it does not write is kept.
 */
class ConfigInheritanceTest {

    private static final String DEFAULTS = """
            defaults:
              metrics:
                p95: { warning: { relative: 10%, delta: 5ms }, critical: { relative: 25%, delta: 20ms } }
            services:
              api:
                endpoints:
                  "POST /x":
            """;

    /** The rules of {@code api}'s endpoint {@code POST /x}, with the endpoint's own {@code metrics:} as given. */
    private static InheritedRules.Rule p95(String endpointMetrics) {
        LoadverdictConfig config = ConfigParser.parse("loadverdict.yml", new StringReader(DEFAULTS
                + "        metrics:\n" + endpointMetrics.indent(10)));
        return p95(config, "api", "POST /x");
    }

    private static InheritedRules.Rule p95(LoadverdictConfig config, String service, String pattern) {
        ServiceRules s = config.service(service).orElseThrow();
        RuleSet endpoint = s.endpoints().stream().filter(e -> e.pattern().equals(pattern)).map(EndpointRules::rules)
                .findFirst().orElseThrow();
        return InheritedRules.of(List.of(config.defaults(), s.rules(), endpoint)).rules().get(Metric.P95);
    }

    @Test
    void aLimitAddsToTheInheritedRelativeAndDelta() {
        InheritedRules.Block critical = p95("p95: { critical: { limit: 300ms } }").critical().orElseThrow();

        assertThat(critical.conditions().relativePercent()).hasValue(25);
        assertThat(critical.conditions().delta()).hasValue(20);
        assertThat(critical.conditions().limit()).hasValue(300);
        assertThat(critical.settings().get(Condition.LIMIT).location())
                .isEqualTo("loadverdict.yml:9 services.api.endpoints.POST /x.metrics.p95.critical.limit");
        assertThat(critical.settings().get(Condition.RELATIVE).location())
                .isEqualTo("loadverdict.yml:3 defaults.metrics.p95.critical.relative");
        assertThat(critical.source()).isEqualTo("loadverdict.yml:9 services.api.endpoints.POST /x.metrics.p95"
                + " + loadverdict.yml:3 defaults.metrics.p95");
    }

    @Test
    void aConditionWrittenLowerOverridesOnlyThatCondition() {
        InheritedRules.Rule rule = p95("p95: { critical: { relative: 50% } }");

        assertThat(rule.critical().orElseThrow().conditions().relativePercent()).hasValue(50);
        assertThat(rule.critical().orElseThrow().conditions().delta()).as("inherited").hasValue(20);
        assertThat(rule.warning().orElseThrow().conditions().relativePercent()).as("other severity untouched")
                .hasValue(10);
    }

    @Test
    void offDropsAnInheritedCondition() {
        InheritedRules.Block critical = p95("p95: { critical: { relative: off, delta: off, limit: 300ms } }")
                .critical().orElseThrow();

        assertThat(critical.conditions().relativePercent()).isEmpty();
        assertThat(critical.conditions().delta()).isEmpty();
        assertThat(critical.conditions().limit()).hasValue(300);
        assertThat(critical.source()).isEqualTo("loadverdict.yml:9 services.api.endpoints.POST /x.metrics.p95");
    }

    @Test
    void aBlockWithEveryConditionOffIsGone() {
        InheritedRules.Rule rule = p95("p95: { warning: { relative: off, delta: off } }");

        assertThat(rule.warning()).isEmpty();
        assertThat(rule.critical()).isPresent();
    }

    @Test
    void offIsAlsoAcceptedAsFalse() {
        assertThat(p95("p95: { critical: { relative: false } }").critical().orElseThrow().conditions()
                .relativePercent()).isEmpty();
    }

    @Test
    void aLowerLevelCanBringADroppedConditionBack() {
        LoadverdictConfig config = ConfigParser.parse("loadverdict.yml", new StringReader("""
                defaults:
                  metrics:
                    p95: { critical: { relative: 25%, delta: 20ms } }
                services:
                  api:
                    metrics:
                      p95: { critical: { delta: off } }
                    endpoints:
                      "POST /x":
                        metrics:
                          p95: { critical: { delta: 50ms } }
                      "GET /y": {}
                """));

        assertThat(p95(config, "api", "POST /x").critical().orElseThrow().conditions().delta()).hasValue(50);
        assertThat(p95(config, "api", "GET /y").critical().orElseThrow().conditions().delta()).isEmpty();
    }

    @Test
    void aBlockMinRequestsAddsToTheInheritedConditions() {
        InheritedRules.Block warning = p95("p95: { warning: { minRequests: 500 } }").warning().orElseThrow();

        assertThat(warning.conditions().relativePercent()).hasValue(10);
        assertThat(warning.conditions().minRequests()).hasValue(500);
    }

    @Test
    void theExampleConfigsCheckoutEndpointKeepsItsInheritedConditions() throws IOException {
        String file = "examples/loadverdict.yml";
        LoadverdictConfig config = ConfigParser.parse(file, new StringReader(Files.readString(Path.of("..", file))));

        InheritedRules.Block critical = p95(config, "default", "POST /api/checkout").critical().orElseThrow();

        assertThat(critical.conditions().limit()).hasValue(300);
        assertThat(critical.conditions().relativePercent()).as("inherited from defaults").hasValue(25);
        assertThat(critical.conditions().delta()).as("inherited from defaults").hasValue(20);
    }
}
