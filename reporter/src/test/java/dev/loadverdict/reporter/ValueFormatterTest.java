package dev.loadverdict.reporter;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Unit;
import dev.loadverdict.model.compare.Finding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Locale;
import java.util.OptionalDouble;

import static dev.loadverdict.model.Unit.MILLISECONDS;
import static dev.loadverdict.model.Unit.PERCENT;
import static dev.loadverdict.model.Unit.REQUESTS_PER_SECOND;
import static org.assertj.core.api.Assertions.assertThat;

class ValueFormatterTest {
    private Locale saved;

    @BeforeEach
    void germanDefaultLocale() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // decimal comma, dot grouping: none of it may leak
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @ParameterizedTest
    @CsvSource({
            "0,       0.0 ms",
            "12.34,   12.3 ms",
            "12.35,   12.4 ms",
            "99.94,   99.9 ms",
            "99.96,   100 ms",
            "100,     100 ms",
            "250.5,   251 ms",
            "1234567, 1234567 ms",
    })
    void millisecondsHaveOneDecimalBelow100AndNoneAbove(double value, String expected) {
        assertThat(ValueFormatter.value(MILLISECONDS, value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "0,      0.00%",
            "0.04,   0.04%",
            "0.995,  1.0%",
            "1.25,   1.3%",
            "12.345, 12.3%",
            "100,    100.0%",
    })
    void errorRatesKeepTwoDecimalsBelowOnePercent(double value, String expected) {
        assertThat(ValueFormatter.value(PERCENT, value)).isEqualTo(expected);
    }

    @Test
    void throughputHasOneDecimal() {
        assertThat(ValueFormatter.value(REQUESTS_PER_SECOND, 1234.56)).isEqualTo("1234.6 req/s");
    }

    @Test
    void missingAndNonFiniteValuesAreADash() {
        assertThat(ValueFormatter.value(MILLISECONDS, OptionalDouble.empty())).isEqualTo("—");
        assertThat(ValueFormatter.value(MILLISECONDS, Double.NaN)).isEqualTo("—");
        assertThat(ValueFormatter.value(PERCENT, Double.POSITIVE_INFINITY)).isEqualTo("—");
        assertThat(ValueFormatter.difference(MILLISECONDS, Double.NEGATIVE_INFINITY)).isEqualTo("—");
        assertThat(ValueFormatter.relative(Double.NaN)).isEqualTo("—");
    }

    @ParameterizedTest
    @CsvSource({
            "MILLISECONDS,        60,     +60.0 ms",
            "MILLISECONDS,        -150.4, -150 ms",
            "MILLISECONDS,        -0.04,  0.0 ms",
            "PERCENT,             0.35,   +0.35 pp",
            "PERCENT,             -2.25,  -2.3 pp",
            "REQUESTS_PER_SECOND, -50,    -50.0 req/s",
    })
    void differencesAreSignedWithTheDeltaSymbol(Unit unit, double value, String expected) {
        assertThat(ValueFormatter.difference(unit, value)).isEqualTo(expected);
    }

    @Test
    void changeIsCurrentMinusBaselineWithTheRelativeChange() {
        Finding slower = Fixtures.finding("s", "GET /a", Metric.P95).values(120, 180, 60, 50).build();
        assertThat(ValueFormatter.change(slower)).isEqualTo("+60.0 ms (+50.0%)");
        // the model holds a throughput drop as a positive (bad-direction) change: it shows as a drop
        Finding drop = Fixtures.finding("s", "GET /a", Metric.THROUGHPUT).values(200, 150, 50, 25).build();
        assertThat(ValueFormatter.change(drop)).isEqualTo("-50.0 req/s (-25.0%)");
    }

    @Test
    void zeroBaselineHasNoRelativeChange() {
        Finding fromZero = Fixtures.finding("s", "GET /a", Metric.ERROR_RATE).values(0, 1.5, 1.5, null).build();
        assertThat(ValueFormatter.change(fromZero)).isEqualTo("+1.5 pp");
    }

    @Test
    void missingSideHasNoChange() {
        Finding oneSided = Fixtures.finding("s", "GET /a", Metric.P99).values(90, null, null, null).build();
        assertThat(ValueFormatter.change(oneSided)).isEqualTo("—");
    }

    @Test
    void amountsCountsAndTimes() {
        assertThat(ValueFormatter.amount(25)).isEqualTo("25");
        assertThat(ValueFormatter.amount(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(ValueFormatter.amount(12.5)).isEqualTo("12.5");
        assertThat(ValueFormatter.count(1234567)).isEqualTo("1,234,567");
        assertThat(ValueFormatter.dateTime(Instant.parse("2024-05-01T23:59:59Z"))).isEqualTo("2024-05-01 23:59 UTC");
    }
}
