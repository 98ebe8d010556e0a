package dev.loadverdict.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelTest {

    @Test
    void metricsKnowTheirDirectionAndUnit() {
        assertThat(Metric.P95.direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(Metric.P95.unit()).isEqualTo(Unit.MILLISECONDS);
        assertThat(Metric.ERROR_RATE.unit().deltaSymbol()).isEqualTo("pp");
        assertThat(Metric.THROUGHPUT.direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
        assertThat(Metric.P999.percent()).hasValue(99.9);
        assertThat(Metric.MEAN.percent()).isEmpty();
        assertThat(Metric.fromKey(" P99.9 ")).contains(Metric.P999);
        assertThat(Metric.fromKey("p42")).isEmpty();
    }

    @Test
    void badAmountIsPositiveWhenWorse() {
        assertThat(Direction.LOWER_IS_BETTER.badAmount(100, 130)).isEqualTo(30);
        assertThat(Direction.HIGHER_IS_BETTER.badAmount(100, 70)).isEqualTo(30);
        assertThat(Direction.HIGHER_IS_BETTER.badAmount(100, 130)).isEqualTo(-30);
    }

    @Test
    void aPercentileIsOnlyWhatTheSourceGave() {
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        percentiles.put(50.0, 12.0);
        LatencyStats latency = new LatencyStats(10, OptionalDouble.of(1), OptionalDouble.of(20), OptionalDouble.of(90), percentiles);
        EndpointStats e = new EndpointStats(EndpointId.of("GET", "/a"), 10, 1, new TreeMap<>(), OptionalDouble.empty(),
                latency, Optional.empty(), Optional.empty());
        assertThat(Metric.P50.valueOf(e)).hasValue(12.0);
        assertThat(Metric.P95.valueOf(e)).isEmpty();
        assertThat(Metric.MEAN.valueOf(e)).hasValue(20.0);
        assertThat(Metric.ERROR_RATE.valueOf(e)).hasValue(10.0);
        assertThat(Metric.THROUGHPUT.valueOf(e)).isEmpty();
    }

    @Test
    void errorRateOfNoRequestsIsUnknownNotNaN() {
        EndpointStats e = new EndpointStats(EndpointId.of(null, "idle"), 0, 0, new TreeMap<>(), OptionalDouble.empty(),
                LatencyStats.empty(), Optional.empty(), Optional.empty());
        assertThat(e.errorRatePercent()).isEmpty();
        assertThat(e.id().key()).isEqualTo("idle");
    }

    @Test
    void validationNamesTheField() {
        assertThatThrownBy(() -> new EndpointStats(EndpointId.of("GET", "/a"), 1, 2, new TreeMap<>(),
                OptionalDouble.empty(), LatencyStats.empty(), Optional.empty(), Optional.empty()))
                .hasMessage("GET /a: failures (2) exceed requests (1)");
        assertThatThrownBy(() -> new LatencyStats(-1, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), new TreeMap<>())).hasMessage("count must be >= 0 but was -1");
        assertThatThrownBy(() -> new LatencyStats(1, OptionalDouble.of(Double.NaN), OptionalDouble.empty(),
                OptionalDouble.empty(), new TreeMap<>())).hasMessageStartingWith("min must be a finite number");
        assertThatThrownBy(() -> EndpointId.of("GET", null)).hasMessage("name == null");
    }

    @Test
    void collectionsAreDefensivelyCopied() {
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        LatencyStats latency = new LatencyStats(1, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), percentiles);
        percentiles.put(95.0, 1.0);
        assertThat(latency.percentiles()).isEmpty();
        byte[] bytes = {1, 2, 3};
        EncodedHistogram h = new EncodedHistogram(bytes);
        bytes[0] = 9;
        assertThat(h.compressedV2()[0]).isEqualTo((byte) 1);
        assertThat(EncodedHistogram.fromBase64(h.base64())).isEqualTo(h);
    }

    @ParameterizedTest(name = "{0} ms -> step {1} ms")
    @CsvSource({"5, 1", "99, 1", "100, 10", "140, 10", "999, 10", "1234, 100", "17000, 1000"})
    void locustQuantisationStepFollowsItsRounding(double value, double step) {
        assertThat(SourcePrecision.locust().quantisationStep(value)).isEqualTo(step);
        assertThat(SourcePrecision.wholeMilliseconds().quantisationStep(value)).isEqualTo(1);
    }

    @Test
    void precisionRejectsNonsense() {
        assertThatThrownBy(() -> new SourcePrecision(0, OptionalInt.empty(), 0)).hasMessageStartingWith("resolutionMs");
    }

    @Test
    void inputExceptionIsOneLine() {
        InputException e = new InputException("run.csv", 3, "bad\nvalue");
        assertThat(e.getMessage()).isEqualTo("run.csv:3: bad value");
        assertThat(e.source()).isEqualTo("run.csv");
        assertThat(e.line()).hasValue(3);
    }
}
