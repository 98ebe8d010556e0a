package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.Workload;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.config.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;
import java.util.OptionalInt;

import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.finding;
import static dev.loadverdict.comparator.Fixtures.run;
import static dev.loadverdict.comparator.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

/** In a closed workload the request rate follows latency: only the endpoint that changed is the regression. */
class ClosedWorkloadTest {

    // one endpoint 25% slower; with 20 fixed users every endpoint's rate falls by about 10%
    private static Run baseline() {
        return run(service("api")
                .endpoint(endpoint("GET /slow").requests(2000).throughput(20).percentile(50, 90).p95(100).percentile(99, 110).max(150))
                .endpoint(endpoint("GET /fast").requests(2000).throughput(20).percentile(50, 9).p95(10).percentile(99, 11).max(15)));
    }

    private static Run current() {
        return run(service("api")
                .endpoint(endpoint("GET /slow").requests(1800).throughput(18).percentile(50, 112).p95(125).percentile(99, 140).max(190))
                .endpoint(endpoint("GET /fast").requests(1790).throughput(17.9).percentile(50, 9).p95(10).percentile(99, 11).max(15)));
    }

    private static Run with(Run run, Workload.Model model) {
        RunMetadata m = run.metadata();
        Workload workload = new Workload(model, model == Workload.Model.CLOSED ? OptionalInt.of(20) : OptionalInt.empty(),
                model == Workload.Model.OPEN ? OptionalDouble.of(40) : OptionalDouble.empty());
        return new Run(new RunMetadata(m.tool(), m.toolVersion(), m.sources(), m.start(), m.end(), m.duration(), m.stage(),
                workload, m.scriptHash(), m.labels(), m.mappingHash(), m.precision()), run.total(), run.services());
    }

    private static Comparison compare(Workload.Model model) {
        Run b = with(baseline(), model);
        Run c = with(current(), model);
        return RegressionDetector.compare(c, Fixtures.ref(b), b, Fixtures.config(RuleSet.empty()));
    }

    @Test
    void anUnchangedEndpointIsNotWarnedForTheRateItLosesToAnother() {
        Finding fast = finding(compare(Workload.Model.CLOSED), "api", "GET /fast", Metric.THROUGHPUT);
        assertThat(fast.severity()).isEqualTo(Severity.NONE);
        assertThat(fast.reasons()).anyMatch(r -> r.startsWith("closed workload (fixed users)"));
        Finding slow = finding(compare(Workload.Model.CLOSED), "api", "GET /slow", Metric.THROUGHPUT);
        assertThat(slow.reasons()).noneMatch(r -> r.startsWith("closed workload"));
    }

    @Test
    void anOpenWorkloadKeepsEveryThroughputCheck() {
        Finding fast = finding(compare(Workload.Model.OPEN), "api", "GET /fast", Metric.THROUGHPUT);
        assertThat(fast.severity()).isEqualTo(Severity.WARNING);
        assertThat(fast.reasons()).noneMatch(r -> r.startsWith("closed workload"));
    }
}
