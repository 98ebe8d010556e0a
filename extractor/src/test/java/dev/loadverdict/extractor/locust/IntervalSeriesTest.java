package dev.loadverdict.extractor.locust;

import dev.loadverdict.model.TimeSeries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalSeriesTest {

    @Test
    void aLongRunIsCoarsenedToAtMost300AlignedIntervalsKeepingEveryCount() {
        IntervalSeries series = new IntervalSeries();
        long start = 1_795_432_208_000L;
        for (int s = 0; s < 1000; s++) {
            series.add(start + s * 1000L, 3, s % 10 == 0 ? 1 : 0, OptionalDouble.of(s));
        }
        TimeSeries built = series.build().orElseThrow();
        assertThat(built.points()).hasSizeLessThanOrEqualTo(TimeSeries.MAX_INTERVALS);
        assertThat(built.interval()).isEqualTo(Duration.ofSeconds(4));
        assertThat(built.points().stream().mapToLong(TimeSeries.Point::requests).sum()).isEqualTo(3000);
        assertThat(built.points().stream().mapToLong(TimeSeries.Point::failures).sum()).isEqualTo(100);
        for (TimeSeries.Point p : built.points()) {
            assertThat(p.start().toEpochMilli() % 4000).as("aligned to the interval").isZero();
        }
        // the last p95 Locust reported inside an interval is the interval's
        TimeSeries.Point last = built.points().get(built.points().size() - 1);
        assertThat(last.p95()).hasValue(999);
    }

    @Test
    void laterP95WinsWhateverTheOrderOfAdding() {
        IntervalSeries series = new IntervalSeries();
        series.add(2500, 1, 0, OptionalDouble.of(20));
        series.add(2100, 1, 0, OptionalDouble.of(10));
        series.add(2900, 1, 0, OptionalDouble.empty());
        TimeSeries.Point p = series.build().orElseThrow().points().get(0);
        assertThat(p.start()).isEqualTo(Instant.ofEpochMilli(2000));
        assertThat(p.requests()).isEqualTo(3);
        assertThat(p.p95()).hasValue(20);
    }
}
