package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.Finding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static dev.loadverdict.comparator.Fixtures.compareEndpoint;
import static dev.loadverdict.comparator.Fixtures.endpoint;
import static dev.loadverdict.comparator.Fixtures.finding;
import static org.assertj.core.api.Assertions.assertThat;

/** The wording of reasons: numbers, units and a verdict per check, independent of the default locale. */
class ReasonsTest {

    private Locale saved;

    @BeforeEach
    void useALocaleWithDecimalCommas() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @Test
    void aCriticalRegressionListsEveryConditionOfBothBlocks() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(201.5), endpoint("GET /x").p95(153.5)),
                Metric.P95);

        assertThat(f.reasons()).containsExactly(
                "warning: relative +31.3% > 10% ✓, delta +48.0 ms > 5 ms ✓",
                "critical: relative +31.3% > 25% ✓, delta +48.0 ms > 20 ms ✓",
                "critical: resolution not known: the source tabulates no percentile around the p95");
    }

    @Test
    void aFailedConditionIsMarked() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(13), endpoint("GET /x").p95(10)), Metric.P95);

        assertThat(f.reasons()).containsExactly(
                "warning: relative +30.0% > 10% ✓, delta +3.0 ms > 5 ms ✗",
                "critical: relative +30.0% > 25% ✓, delta +3.0 ms > 20 ms ✗");
    }

    @Test
    void errorRateDeltasAreInPercentagePoints() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").failures(4), endpoint("GET /x").failures(1)),
                Metric.ERROR_RATE);

        assertThat(f.reasons()).containsExactly(
                "warning: delta +0.30 pp > 0.2 pp ✓",
                "critical: delta +0.30 pp > 0.5 pp ✗");
    }

    @Test
    void throughputDropsReadAsPositiveChanges() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").throughput(85.5), endpoint("GET /x").throughput(100)),
                Metric.THROUGHPUT);

        assertThat(f.reasons()).containsExactly(
                "warning: relative drop +14.5% > 10% ✓",
                "critical: relative drop +14.5% > 30% ✗");
    }

    @Test
    void anImprovementSaysWhichAmountsItMeets() {
        Finding f = finding(compareEndpoint(endpoint("GET /x").p95(100), endpoint("GET /x").p95(150)), Metric.P95);

        assertThat(f.reasons()).contains(
                "improvement by warning amounts: relative -33.3% < -10% ✓, delta -50.0 ms < -5 ms ✓");
    }

    @Test
    void largeValuesHaveNoDecimalsAndSmallOnesTwoSignificantDigits() {
        assertThat(Numbers.measured(1234.56)).isEqualTo("1235");
        assertThat(Numbers.measured(48.04)).isEqualTo("48.0");
        assertThat(Numbers.measured(0.1234)).isEqualTo("0.12");
        assertThat(Numbers.measured(0.000012)).isEqualTo("1.2e-05");
        assertThat(Numbers.measured(-0.0)).isEqualTo("0");
        assertThat(Numbers.signed(0.0)).isEqualTo("0");
        assertThat(Numbers.signed(2.5)).isEqualTo("+2.5");
        assertThat(Numbers.configured(20.0)).isEqualTo("20");
        assertThat(Numbers.configured(0.2)).isEqualTo("0.2");
        assertThat(Numbers.configured(1e6)).isEqualTo("1000000");
    }
}
