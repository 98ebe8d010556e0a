package dev.loadverdict.codec;

import dev.loadverdict.model.EncodedHistogram;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.TimeSeries;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/** A run with every field of the model set, to seal the JSON form. */
final class SampleRuns {

    private SampleRuns() {
    }

    static Run everyField() {
        TreeMap<Double, Double> percentiles = new TreeMap<>();
        percentiles.put(50.0, 12.5);
        percentiles.put(95.0, 48.0);
        percentiles.put(99.9, 120.0);
        TreeMap<String, Long> kinds = new TreeMap<>();
        kinds.put("HTTPError('500 Server Error')", 3L);
        kinds.put("ConnectionResetError(104, 'Connection reset by peer')", 1L);
        Instant start = Instant.parse("2026-11-23T08:39:00Z");
        TimeSeries series = new TimeSeries(Duration.ofSeconds(10), List.of(
                new TimeSeries.Point(start, 120, 1, OptionalDouble.of(45.0)),
                new TimeSeries.Point(start.plusSeconds(10), 130, 3, OptionalDouble.empty())));
        EndpointStats checkout = new EndpointStats(EndpointId.of("POST", "/api/checkout"), 250, 4, kinds,
                OptionalDouble.of(4.166666666666667),
                new LatencyStats(250, OptionalDouble.of(9.5), OptionalDouble.of(15.25), OptionalDouble.of(130.0), percentiles),
                Optional.of(new EncodedHistogram(new byte[] {0x1c, (byte) 0x84, (byte) 0x93, 0x14, 0x00, 0x7f})),
                Optional.of(series));
        EndpointStats idle = new EndpointStats(EndpointId.of(null, "grpc.Health/Check"), 0, 0, new TreeMap<>(),
                OptionalDouble.empty(), LatencyStats.empty(), Optional.empty(), Optional.empty());
        EndpointStats total = new EndpointStats(EndpointId.of(null, "Aggregated"), 250, 4, kinds,
                OptionalDouble.of(4.166666666666667),
                new LatencyStats(250, OptionalDouble.of(9.5), OptionalDouble.of(15.25), OptionalDouble.of(130.0), new TreeMap<>()),
                Optional.empty(), Optional.empty());
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("region", "eu-west-1");
        labels.put("branch", "main");
        RunMetadata metadata = new RunMetadata(Tool.LOCUST, Optional.of("2.12.1"),
                List.of("results/run_stats.csv", "results/run_failures.csv"),
                Optional.of(start), Optional.of(start.plusSeconds(60)), Optional.of(Duration.ofSeconds(60)),
                Optional.of("steady"), new Workload(Workload.Model.CLOSED, OptionalInt.of(20), OptionalDouble.empty()),
                Optional.of("sha256:0123abcd"), labels, Optional.of("sha256:feedbeef"), SourcePrecision.locust());
        return new Run(metadata, Optional.of(total), List.of(new ServiceStats("shop", total, List.of(checkout, idle))));
    }

    static RunMetadata withoutStageName(RunMetadata m) {
        return new RunMetadata(m.tool(), m.toolVersion(), m.sources(), m.start(), m.end(), m.duration(),
                Optional.empty(), m.workload(), m.scriptHash(), m.labels(), m.mappingHash(), m.precision());
    }
}
