package dev.loadverdict.baselines;

import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.EncodedHistogram;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Robust baselines and history statistics against values computed by hand. */
class MedianBaselineTest {

    /** p95 per run, oldest first: one unlucky run (500 ms) among five. */
    static final double[] P95 = {100, 120, 500, 110, 115};
    /** Failures per 1000 requests. */
    static final long[] FAILURES = {1, 2, 50, 1, 3};
    static final double[] THROUGHPUT = {50, 52, 20, 51, 49};

    static List<Baseline> history() {
        List<Baseline> runs = new ArrayList<>();
        for (int i = 0; i < P95.length; i++) {
            TreeMap<Double, Double> percentiles = new TreeMap<>();
            percentiles.put(95.0, P95[i]);
            percentiles.put(50.0, 40.0 + i);
            EndpointStats e = new EndpointStats(EndpointId.of("GET", "/x"), 1000, FAILURES[i], new TreeMap<>(),
                    OptionalDouble.of(THROUGHPUT[i]), new LatencyStats(1000, OptionalDouble.of(1), OptionalDouble.of(60 + i),
                    OptionalDouble.of(900 + i), percentiles),
                    Optional.of(new EncodedHistogram(new byte[] {(byte) i})), Optional.empty());
            Run run = new Run(RunMetadata.of(Tool.K6, Optional.empty(), List.of("run" + i), SourcePrecision.wholeMilliseconds()),
                    Optional.empty(), List.of(new ServiceStats("api", e, List.of(e))));
            runs.add(new Baseline(i + 1, Instant.parse("2026-11-0" + (i + 1) + "T02:00:00Z"),
                    new Baseline.Provenance(Optional.of("abcdef" + i + "99"), Optional.empty(), Optional.empty(), Optional.empty()),
                    run));
        }
        return runs;
    }

    @Test
    void thresholdValuesAreMediansWhileCountsAndHistogramAreTheLatestRuns() {
        Baseline robust = MedianBaseline.of(history());
        EndpointStats e = robust.run().services().get(0).endpoints().get(0);
        assertThat(e.latency().percentile(95)).hasValue(115.0);     // sorted 100 110 115 120 500
        assertThat(e.latency().percentile(50)).hasValue(42.0);      // 40..44
        assertThat(e.latency().mean()).hasValue(62.0);
        assertThat(e.throughput()).hasValue(50.0);                  // sorted 20 49 50 51 52
        assertThat(e.errorRatePercent().getAsDouble()).isCloseTo(0.2, within(1e-9)); // rates 0.1 0.2 5 0.1 0.3
        assertThat(e.requests()).isEqualTo(1000);                   // the latest run's n, not 5000
        assertThat(e.histogram()).contains(new EncodedHistogram(new byte[] {4}));
        assertThat(robust.version()).isEqualTo(5);
        assertThat(robust.provenance().gitSha()).contains("abcdef499");
    }

    @Test
    void historyTableHasOneRowPerRunWithMedianMadAndSparkline() {
        MetricHistory h = MetricHistory.of(history(), "api", Optional.of("GET /x"), Metric.P95);
        assertThat(h.table().rowCount()).isEqualTo(5);
        assertThat(h.table().columnNames()).containsExactly("version", "recorded", "commit", "requests", "value");
        assertThat(h.median()).hasValue(115.0);
        assertThat(h.mad()).hasValue(5.0);                          // |dev| 15 5 385 5 0 -> sorted 0 5 5 15 385
        assertThat(h.sparkline()).isEqualTo("▁▁█▁▁");
        assertThat(h.table().stringColumn("commit").get(0)).isEqualTo("abcdef0");
    }

    @Test
    void runsWithoutTheEndpointLeaveGapsNotZeros() {
        List<Baseline> runs = new ArrayList<>(history());
        Baseline first = runs.get(0);
        runs.set(0, new Baseline(1, first.created(), first.provenance(), new Run(first.run().metadata(), Optional.empty(),
                List.of())));
        MetricHistory h = MetricHistory.of(runs, "api", Optional.of("GET /x"), Metric.P95);
        assertThat(h.sparkline()).startsWith(" ");
        assertThat(h.median()).hasValue(117.5);                    // 110 115 120 500
        assertThat(h.table().longColumn("requests").get(0)).isZero();
    }
}
