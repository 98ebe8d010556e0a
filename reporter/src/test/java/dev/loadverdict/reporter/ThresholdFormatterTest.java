package dev.loadverdict.reporter;

import dev.loadverdict.model.Metric;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.loadverdict.reporter.Fixtures.block;
import static org.assertj.core.api.Assertions.assertThat;

class ThresholdFormatterTest {

    @Test
    void latencyBlocks() {
        assertThat(ThresholdFormatter.describe(Metric.P95, block(25, 20, null))).isEqualTo("> +25% and > +20 ms");
        assertThat(ThresholdFormatter.describe(Metric.P95, block(null, null, 100))).isEqualTo("limit 100 ms");
        assertThat(ThresholdFormatter.describe(Metric.P99, block(12.5, null, 250)))
                .isEqualTo("> +12.5%, or limit 250 ms");
    }

    @Test
    void errorRateDeltasAreInPercentagePoints() {
        assertThat(ThresholdFormatter.describe(Metric.ERROR_RATE, block(null, 0.2, null))).isEqualTo("> +0.2 pp");
        assertThat(ThresholdFormatter.describe(Metric.ERROR_RATE, block(null, null, 1))).isEqualTo("limit 1%");
    }

    @Test
    void throughputBlocksDescribeADrop() {
        assertThat(ThresholdFormatter.describe(Metric.THROUGHPUT, block(30, 5, 50)))
                .isEqualTo("< -30% and < -5 req/s, or limit ≥ 50 req/s");
    }

    @Test
    void noBlockIsADash() {
        assertThat(ThresholdFormatter.describe(Metric.P95, Optional.empty())).isEqualTo("—");
    }
}
