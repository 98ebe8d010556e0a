package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Severity;
import org.junit.jupiter.api.Test;

import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.finding;
import static dev.loadverdict.comparator.Fixtures.compareWithTests;
import static dev.loadverdict.comparator.Fixtures.run;
import static dev.loadverdict.comparator.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

/** The error-rate cases of the project this tool was first built for, at the built-in rules. */
class SeedCasesTest {

    private static Finding errorRate(long failuresBefore, long requestsBefore, long failuresNow, long requestsNow) {
        return finding(compareWithTests(run(service("api").endpoint(endpoint("GET /x").requests(requestsNow).failures(failuresNow))),
                run(service("api").endpoint(endpoint("GET /x").requests(requestsBefore).failures(failuresBefore))),
                Fixtures.config(dev.loadverdict.model.config.RuleSet.empty())), Metric.ERROR_RATE);
    }

    @Test
    void oneFailureIn300AgainstFifteenIn1500IsNotCriticalAndSaysWhy() {
        Finding f = errorRate(1, 300, 15, 1500);   // 0.33% -> 1.0%: the 0.5-point delta holds
        assertThat(f.severity()).isNotEqualTo(Severity.CRITICAL);
        assertThat(f.reasons()).anyMatch(r -> r.startsWith("critical: delta +0.67 pp > 0.5 pp ✓"))
                .anyMatch(r -> r.startsWith("critical: not more than noise, p = "));
        assertThat(f.significance().pValue().getAsDouble()).isGreaterThan(0.1);
    }

    @Test
    void a033To3PercentRiseOver1500RequestsIsCriticalAndSaysWhy() {
        Finding f = errorRate(5, 1500, 45, 1500);   // 0.33% -> 3.0%
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.reasons()).anyMatch(r -> r.startsWith("critical: delta +2.7 pp > 0.5 pp ✓"))
                .anyMatch(r -> r.startsWith("critical: significant, p = "));
        assertThat(f.significance().pValue().getAsDouble()).isLessThan(1e-6);
    }
}
