package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.TimeSeries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeSeriesBuilderTest {

    @Test
    void anIntervalsP95NeverExceedsItsLargestSample() {
        TimeSeriesBuilder series = new TimeSeriesBuilder();
        for (int i = 0; i < 20; i++) {
            series.add(1_700_000_000_000L + i, 353_000, false);
        }
        TimeSeries built = series.build();
        assertThat(built.points()).singleElement().satisfies(p -> assertThat(p.p95()).hasValue(353.0));
    }

    @Test
    void intervalsDoubleToStayWithinTheCapAndKeepEveryRequest() {
        TimeSeriesBuilder series = new TimeSeriesBuilder();
        long start = 1_700_000_000_000L;
        for (int s = 0; s < 1000; s++) {
            series.add(start + s * 1000L, 10_000, s % 10 == 0);
        }
        TimeSeries built = series.build();
        assertThat(built.points()).hasSizeLessThanOrEqualTo(TimeSeries.MAX_INTERVALS);
        assertThat(built.interval().toMillis()).isEqualTo(4000);
        assertThat(built.points().stream().mapToLong(TimeSeries.Point::requests).sum()).isEqualTo(1000);
        assertThat(built.points().stream().mapToLong(TimeSeries.Point::failures).sum()).isEqualTo(100);
        assertThat(built.points().get(0).start().toEpochMilli() % 4000).isZero();
    }

    @Test
    void seriesOfDifferentIntervalsMergeIntoTheCoarserOne() {
        TimeSeriesBuilder fine = new TimeSeriesBuilder();
        TimeSeriesBuilder coarse = new TimeSeriesBuilder();
        long start = 1_700_000_000_000L;
        for (int s = 0; s < 10; s++) {
            fine.add(start + s * 1000L, 1000, false);
        }
        coarse.coarsen(8000);
        coarse.add(start, 1000, true);
        fine.addAll(coarse);
        TimeSeries built = fine.build();
        assertThat(built.interval().toMillis()).isEqualTo(8000);
        assertThat(built.points().stream().mapToLong(TimeSeries.Point::requests).sum()).isEqualTo(11);
        assertThat(built.points().stream().mapToLong(TimeSeries.Point::failures).sum()).isEqualTo(1);
    }

    @Test
    void mergingEqualsRecordingEverySampleInOneSeriesAndLeavesTheOtherAsItWas() {
        long start = 1_700_000_000_000L;
        TimeSeriesBuilder merged = new TimeSeriesBuilder();
        TimeSeriesBuilder other = new TimeSeriesBuilder();
        TimeSeriesBuilder all = new TimeSeriesBuilder();
        for (int i = 0; i < 200; i++) { // both have second 0; only other has seconds 1 and 2 (a histogram past 32)
            long at = start + (i % 3) * 1000L;
            long micros = 1000L + 37L * i;
            boolean failed = i % 7 == 0;
            all.add(at, micros, failed);
            if (i % 3 == 0 && i % 2 == 0) {
                merged.add(at, micros, failed);
            } else {
                other.add(at, micros, failed);
            }
        }
        TimeSeries otherBefore = other.build();

        merged.addAll(other);
        assertThat(merged.build()).isEqualTo(all.build());

        for (int i = 0; i < 100; i++) { // into the merged series' every interval, raw and histogram alike
            merged.add(start + (i % 3) * 1000L, 999_000, true);
        }
        assertThat(other.build()).isEqualTo(otherBefore);
    }
}
