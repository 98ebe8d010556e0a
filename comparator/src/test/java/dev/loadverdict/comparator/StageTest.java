package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.EndpointChange;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.compare.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.loadverdict.comparator.Fixtures.compare;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.metadata;
import static dev.loadverdict.comparator.Fixtures.run;
import static dev.loadverdict.comparator.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs split into stages are compared stage by stage, matched by name. */
class StageTest {

    @Test
    void eachStageIsComparedWithTheBaselinesStageOfTheSameName() {
        Run baseline = staged(stage("ramp", 100), stage("steady", 100));
        // steady regressed; ramp did not. Listed in another order: matching is by name.
        Run current = staged(stage("steady", 300), stage("ramp", 100));
        Comparison c = compare(current, baseline);
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.regressions()).isNotEmpty().allMatch(f -> f.stage().equals(Optional.of("steady")));
        assertThat(c.findings()).filteredOn(f -> f.stage().equals(Optional.of("ramp")))
                .isNotEmpty().allMatch(f -> f.severity() == Severity.NONE);
        assertThat(c.stages()).containsExactly("steady", "ramp");
        assertThat(c.scopes()).containsExactly("steady / api", "ramp / api");
    }

    @Test
    void aStageOnOneSideOnlyMakesItsEndpointsNewOrMissing() {
        Run baseline = staged(stage("ramp", 100), stage("stress", 100));
        Run current = staged(stage("ramp", 100), stage("soak", 100));
        Comparison c = compare(current, baseline);
        assertThat(c.verdict()).isEqualTo(Verdict.PASS);
        assertThat(c.endpointChanges()).extracting(ch -> ch.stage().orElseThrow() + " " + ch.kind())
                .containsExactly("soak NEW", "stress MISSING");
        assertThat(c.stages()).containsExactly("ramp", "soak", "stress");
    }

    @Test
    void whenOnlyOneSideHasStagesTheWholeRunsAreCompared() {
        Run baseline = run(service("api").endpoint(endpoint("GET /x").p95(100)));
        Run current = staged(stage("steady", 300));
        Comparison c = compare(current, baseline);
        assertThat(c.findings()).isNotEmpty().allMatch(f -> f.stage().isEmpty());
        assertThat(c.endpointChanges()).allMatch(ch -> ch.stage().isEmpty());
    }

    @Test
    void unstagedFindingsKeepTheirServiceAsScope() {
        Comparison c = compare(run(service("api").endpoint(endpoint("GET /x").p95(100))),
                run(service("api").endpoint(endpoint("GET /x").p95(100))));
        assertThat(c.findings()).extracting(Finding::scopeLabel).containsOnly("api");
        assertThat(c.endpointChanges()).extracting(EndpointChange::scopeLabel).isEmpty();
        assertThat(c.stages()).isEmpty();
    }

    private static Run stage(String name, double p95) {
        Run r = run(service("api").endpoint(endpoint("GET /x").p95(p95)));
        RunMetadata m = r.metadata();
        RunMetadata staged = new RunMetadata(m.tool(), m.toolVersion(), m.sources(), m.start(), m.end(), m.duration(),
                Optional.of(name), m.workload(), m.scriptHash(), m.labels(), m.mappingHash(), m.precision());
        return new Run(staged, r.total(), r.services());
    }

    private static Run staged(Run... stages) {
        Run whole = run(service("api").endpoint(endpoint("GET /x").p95(Metric.P95.ordinal())));
        return new Run(metadata(), whole.total(), whole.services(), List.of(stages));
    }
}
