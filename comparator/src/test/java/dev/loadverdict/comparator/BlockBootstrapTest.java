package dev.loadverdict.comparator;

import dev.loadverdict.model.TimeSeries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BlockBootstrapTest {

    /** n intervals of 100 requests, p95 around {@code level} with noise, plus a slow stretch when asked. */
    static TimeSeries series(long seed, int n, double level, int slowFrom, int slowTo, double slowLevel) {
        Random random = new Random(seed);
        List<TimeSeries.Point> points = new ArrayList<>();
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        for (int i = 0; i < n; i++) {
            double p95 = (i >= slowFrom && i < slowTo ? slowLevel : level) * (1 + 0.05 * random.nextGaussian());
            points.add(new TimeSeries.Point(start.plusSeconds(10L * i), 100, 0, OptionalDouble.of(p95)));
        }
        return new TimeSeries(Duration.ofSeconds(10), points);
    }

    @Test
    void aRunThatIsSlowerThroughoutIsSignificant() {
        var r = BlockBootstrap.p95Difference(series(1, 60, 100, 0, 0, 0), series(2, 60, 130, 0, 0, 0), 42, 0.05).orElseThrow();
        assertThat(r.pValue()).isLessThan(0.001);
        assertThat(r.observed()).isBetween(25.0, 35.0);
        assertThat(r.lowerBound()).isPositive();
    }

    @Test
    void oneSlowStretchIsNotEvidenceOfAWholeRunRegression() {
        // 6 of 60 intervals (one slow minute) at 3x: many slow requests, but one correlated event
        var r = BlockBootstrap.p95Difference(series(1, 60, 100, 0, 0, 0), series(2, 60, 100, 30, 36, 300), 42, 0.05)
                .orElseThrow();
        assertThat(r.lowerBound()).isLessThan(r.observed());
        assertThat(r.pValue()).isGreaterThan(0.001);
    }

    @Test
    void theSameSeedGivesTheSameAnswer() {
        TimeSeries a = series(1, 40, 100, 0, 0, 0);
        TimeSeries b = series(2, 40, 104, 0, 0, 0);
        assertThat(BlockBootstrap.p95Difference(a, b, 7, 0.05)).isEqualTo(BlockBootstrap.p95Difference(a, b, 7, 0.05));
    }

    @Test
    void tooFewIntervalsGiveNoBootstrap() {
        assertThat(BlockBootstrap.p95Difference(series(1, 9, 100, 0, 0, 0), series(2, 60, 100, 0, 0, 0), 1, 0.05)).isEmpty();
    }
}
