package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.config.Naming;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SampleAggregator#absorb} merges only what it can prove equal to one aggregator's result: each case where the
 * order of samples decides the result is refused, and the file is then read on one thread (see {@link SplitReading}).
 */
class SampleAggregatorAbsorbTest {

    private static final long START = 1_700_000_000_000L;

    private static SampleAggregator aggregator(Naming naming) {
        return new SampleAggregator(new EndpointResolver(List.of(), naming), TimeWindow.all());
    }

    private static void add(SampleAggregator a, String endpoint, long startMs, boolean ok, String kind) {
        a.add(RequestLabels.of("GET", endpoint), startMs, 10_000, ok, kind);
    }

    @Test
    void endpointsWithinTheirCapsMerge() {
        SampleAggregator earlier = aggregator(Naming.defaults());
        SampleAggregator later = aggregator(Naming.defaults());
        add(earlier, "/a", START, true, null);
        add(later, "/b", START + 1000, false, "HTTP 500");
        assertThat(earlier.absorb(later)).isTrue();
    }

    @Test
    void endpointsBeyondTheCapAreRefused() {
        Naming two = new Naming(true, true, 200, 100, 2);
        SampleAggregator earlier = aggregator(two);
        SampleAggregator later = aggregator(two);
        add(earlier, "/a", START, true, null);
        add(earlier, "/b", START, true, null);
        add(later, "/c", START + 1000, true, null); // one pass would count it under (other endpoints)
        assertThat(earlier.absorb(later)).isFalse();

        SampleAggregator capped = aggregator(two);
        add(capped, "/a", START, true, null);
        add(capped, "/b", START, true, null);
        add(capped, "/c", START, true, null);
        assertThat(capped.absorb(aggregator(two))).as("a part that capped already").isFalse();
    }

    @Test
    void servicesBeyondTheCapAreRefused() {
        Naming one = new Naming(true, true, 200, 1, 1_000);
        SampleAggregator earlier = aggregator(one);
        SampleAggregator later = aggregator(one);
        earlier.add(new RequestLabels("GET", "/a", null, null, null, java.util.Map.of("service", "shop")), START, 1000,
                true, null);
        later.add(new RequestLabels("GET", "/a", null, null, null, java.util.Map.of("service", "cart")), START, 1000,
                true, null);
        assertThat(earlier.absorb(later)).isFalse();
    }

    @Test
    void failureKindsBeyondTheirCapAreRefused() {
        SampleAggregator earlier = aggregator(Naming.defaults());
        SampleAggregator later = aggregator(Naming.defaults());
        for (int i = 0; i < 30; i++) {
            add(earlier, "/a", START, false, "error " + i);
            add(later, "/a", START + 1000, false, "other error " + i);
        }
        assertThat(earlier.absorb(later)).as("60 kinds together, 50 kept by one pass").isFalse();

        SampleAggregator few = aggregator(Naming.defaults());
        SampleAggregator more = aggregator(Naming.defaults());
        for (int i = 0; i < 20; i++) {
            add(few, "/a", START, false, "error " + i);
            add(more, "/a", START + 1000, false, "error " + (i + 10));
        }
        assertThat(few.absorb(more)).as("30 kinds together").isTrue();
    }

    @Test
    void timeSeriesThatMayHaveMetTheBudgetAreRefused() {
        // 30 endpoints over 20 minutes: every series outgrows its 300 one-second intervals, and a series that coarsened
        // may once have held up to 300 histogram intervals (3 MB): 30 of them could have met the 64 MB budget
        SampleAggregator earlier = aggregator(Naming.defaults());
        SampleAggregator later = aggregator(Naming.defaults());
        for (int e = 0; e < 30; e++) {
            for (int s = 0; s < 1200; s++) {
                add(s < 600 ? earlier : later, "/e" + e, START + s * 1000L, true, null);
            }
        }
        assertThat(earlier.absorb(later)).isFalse();

        SampleAggregator shortRun = aggregator(Naming.defaults());
        SampleAggregator rest = aggregator(Naming.defaults());
        for (int e = 0; e < 30; e++) {
            for (int s = 0; s < 200; s++) {
                add(s < 100 ? shortRun : rest, "/e" + e, START + s * 1000L, true, null);
            }
        }
        assertThat(shortRun.absorb(rest)).as("200 one-second intervals each: far below the budget").isTrue();
    }

    @Test
    void aPartWhoseBudgetCoarsenedIsRefused() {
        SampleAggregator earlier = new SampleAggregator(new EndpointResolver(List.of(), Naming.defaults()),
                TimeWindow.all(), 10_000);
        for (int s = 0; s < 200; s++) {
            add(earlier, "/a", START + s * 1000L, true, null);
        }
        assertThat(earlier.absorb(aggregator(Naming.defaults()))).isFalse();
    }

    @Test
    void windowsPlacedOnTheRunsStartAreRefused() {
        SampleAggregator placed = new SampleAggregator(new EndpointResolver(List.of(), Naming.defaults()),
                start -> List.of(TimeWindow.all()));
        add(placed, "/a", START, true, null);
        assertThat(placed.absorb(aggregator(Naming.defaults()))).isFalse();
    }
}
