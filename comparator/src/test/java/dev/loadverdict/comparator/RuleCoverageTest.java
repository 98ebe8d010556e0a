package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.config.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.loadverdict.comparator.Fixtures.compare;
import static dev.loadverdict.comparator.Fixtures.config;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.endpointRules;
import static dev.loadverdict.comparator.Fixtures.relative;
import static dev.loadverdict.comparator.Fixtures.rules;
import static dev.loadverdict.comparator.Fixtures.run;
import static dev.loadverdict.comparator.Fixtures.service;
import static dev.loadverdict.comparator.Fixtures.serviceRules;
import static dev.loadverdict.comparator.Fixtures.warning;
import static org.assertj.core.api.Assertions.assertThat;

/** A rule that names a service, endpoint or metric found in neither run is one warning, once per comparison. */
class RuleCoverageTest {

    private static final RuleSet P95 = rules(Metric.P95, warning(relative(10), "loadverdict.yml:3"));

    private static Run shop() {
        return run(service("checkout").endpoint(endpoint("POST /pay").p95(100)).endpoint(endpoint("GET /cart").p95(40)));
    }

    @Test
    void rulesThatMatchSomethingGiveNoWarning() {
        LoadverdictConfig config = config(P95, serviceRules("checkout", P95, endpointRules("POST /p*", P95)));

        assertThat(compare(shop(), shop(), config).warnings()).isEmpty();
    }

    @Test
    void aServiceFoundInNeitherRunIsOneWarning() {
        Comparison c = compare(shop(), shop(), config(RuleSet.empty(), serviceRules("chekout", P95, endpointRules("POST /nothing", P95))));

        // its endpoint patterns are not warned about as well: the service is the one mistake
        assertThat(c.warnings()).containsExactly("loadverdict.yml: services.chekout names a service found in neither run"
                + " (services: checkout); its rules apply to nothing");
    }

    @Test
    void anEndpointPatternMatchingNoEndpointOfItsServiceIsOneWarning() {
        Comparison c = compare(shop(), shop(), config(RuleSet.empty(),
                serviceRules("checkout", RuleSet.empty(), endpointRules("GET /carts", P95), endpointRules("GET /cart", P95))));

        assertThat(c.warnings()).containsExactly("loadverdict.yml: services.checkout.endpoints \"GET /carts\" matches no"
                + " endpoint of checkout in either run; its rules apply to nothing");
    }

    @Test
    void anEndpointFoundInTheBaselineOnlyCountsAsFound() {
        Run current = run(service("checkout").endpoint(endpoint("GET /cart").p95(40)));
        Comparison c = compare(current, shop(), config(RuleSet.empty(),
                serviceRules("checkout", RuleSet.empty(), endpointRules("POST /pay", P95))));

        assertThat(c.warnings()).filteredOn(w -> w.startsWith("loadverdict.yml")).isEmpty();
    }

    @Test
    void aMetricNeitherRunHasIsOneWarning() {
        // neither run gives a p99.9, whichever level the rules are written at
        RuleSet p999 = rules(Metric.P999, warning(relative(10), "loadverdict.yml:9"));
        Comparison c = compare(shop(), shop(), config(p999, serviceRules("checkout", p999)));

        assertThat(c.warnings()).containsExactly("loadverdict.yml: rules for p99.9 apply to nothing: neither run has a"
                + " p99.9 for any endpoint");
    }

    @Test
    void eachWarningIsGivenOncePerComparisonNotOncePerStage() {
        Run current = staged(shop(), "ramp", "steady");
        Run baseline = staged(shop(), "ramp", "steady");
        Comparison c = compare(current, baseline, config(RuleSet.empty(), serviceRules("chekout", P95)));

        assertThat(c.stages()).containsExactly("ramp", "steady");
        assertThat(c.warnings()).singleElement().asString().contains("services.chekout");
    }

    private static Run staged(Run whole, String... names) {
        List<Run> stages = java.util.Arrays.stream(names).map(name -> {
            RunMetadata m = whole.metadata();
            return new Run(new RunMetadata(m.tool(), m.toolVersion(), m.sources(), m.start(), m.end(), m.duration(),
                    Optional.of(name), m.workload(), m.scriptHash(), m.labels(), m.mappingHash(), m.precision()),
                    whole.total(), whole.services());
        }).toList();
        return new Run(whole.metadata(), whole.total(), whole.services(), stages);
    }
}
