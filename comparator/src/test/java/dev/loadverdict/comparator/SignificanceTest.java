package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Significance;
import dev.loadverdict.model.config.RuleSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import static dev.loadverdict.comparator.Fixtures.config;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.ref;
import static dev.loadverdict.comparator.Fixtures.run;
import static dev.loadverdict.comparator.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The significance seam: which changes can be tested, and how an assessor's answers land in the findings. */
class SignificanceTest {

    private static Finding finding(Fixtures.EndpointBuilder current, Fixtures.EndpointBuilder baseline, Metric metric) {
        Comparison c = Fixtures.compareWithTests(run(service("api").endpoint(current)),
                run(service("api").endpoint(baseline)),
                config(Fixtures.rules(metric, Fixtures.critical(Fixtures.relative(10), "test"))));
        return Fixtures.finding(c, metric);
    }

    @Test
    void aPercentileTableIsTestedByTheShareAboveTheBaselinesValueBoundedConservatively() {
        // the current run's table cannot show more than 50 of 1,000 above 100 ms: as many as the baseline allows
        Finding same = finding(endpoint("GET /x").p95(200), endpoint("GET /x").histogram().p95(100), Metric.P95);
        assertThat(same.significance().status()).isEqualTo(Significance.Status.NOT_SIGNIFICANT);
        assertThat(same.significance().test()).contains("the share of requests above the baseline's p95 (100 ms): at most 50 of 1,000 before, at least 50 of 1,000 now")
                .contains("bounded from the percentile table");
        // its median is above the baseline's p95: at least 500 of 1,000 above 100 ms against at most 50
        Finding shifted = finding(endpoint("GET /x").percentile(50, 150).p95(300), endpoint("GET /x").p95(100), Metric.P95);
        assertThat(shifted.significance().status()).isEqualTo(Significance.Status.SIGNIFICANT);
        assertThat(shifted.significance().test()).contains("at least 500 of 1,000 now");
    }

    @Test
    void aTableThatIsNotMonotonicGivesNoBoundAndSaysSo() {
        // Locust writes N/A early in a run, and tables stitched from such rows can fall: no honest bound from them
        Finding f = finding(endpoint("GET /x").percentile(50, 300).percentile(90, 120).p95(250),
                endpoint("GET /x").percentile(50, 50).p95(100), Metric.P95);
        assertThat(f.significance().status()).isEqualTo(Significance.Status.NOT_TESTABLE);
        assertThat(f.significance().note()).contains("no percentile table that bounds");
    }

    @Test
    void aPercentileTheBaselineDoesNotReportIsNotTestable() {
        Finding f = finding(endpoint("GET /x").p95(200), endpoint("GET /x").mean(100), Metric.P95);
        assertThat(f.significance().status()).isEqualTo(Significance.Status.NOT_TESTABLE);
    }

    @Test
    void errorRatesAreTestedFromCountsEvenInAggregates() {
        Finding f = finding(endpoint("GET /x").failures(40), endpoint("GET /x").failures(1), Metric.ERROR_RATE);
        assertThat(f.significance().status()).isEqualTo(Significance.Status.SIGNIFICANT);
        assertThat(f.significance().test()).contains("one-sided");
    }

    @Test
    void aMaximumIsNeverTested() {
        Finding f = finding(endpoint("GET /x").max(900), endpoint("GET /x").max(100), Metric.MAX);
        assertThat(f.significance().note()).startsWith("a maximum is a single request");
    }

    @Test
    void anAssessorSeesEveryComparisonAtOnceAndItsAnswersLandInTheFindings() {
        Significance significant = new Significance(Significance.Status.SIGNIFICANT, OptionalDouble.of(0.001),
                "test", "");
        List<Integer> seen = new ArrayList<>();
        SignificanceAssessor assessor = comparisons -> {
            seen.add(comparisons.size());
            return comparisons.stream().map(c -> significant).toList();
        };
        var current = run(service("api").endpoint(endpoint("GET /x").p95(200)));
        var baseline = run(service("api").endpoint(endpoint("GET /x").p95(100)));

        Comparison c = new RegressionDetector(assessor).detect(current, ref(baseline), baseline, config(RuleSet.empty()));

        assertThat(seen).containsExactly(c.findings().size());
        assertThat(c.findings()).allMatch(f -> f.significance().equals(significant));
    }

    @Test
    void anAssessorMustAnswerEveryComparison() {
        var current = run(service("api").endpoint(endpoint("GET /x").p95(200)));
        var baseline = run(service("api").endpoint(endpoint("GET /x").p95(100)));
        RegressionDetector detector = new RegressionDetector(comparisons -> List.of());

        assertThatThrownBy(() -> detector.detect(current, ref(baseline), baseline, config(RuleSet.empty())))
                .isInstanceOf(IllegalStateException.class);
    }
}
