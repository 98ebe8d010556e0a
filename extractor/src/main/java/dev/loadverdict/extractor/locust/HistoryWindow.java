package dev.loadverdict.extractor.locust;

import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.extractor.internal.ServiceMapper;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A Locust run cut to a time window from its stats history. What a window keeps, per endpoint and for the
 * total:
 * <ul>
 *   <li>requests and failures: exact, as differences of the cumulative totals at the window's edges, moved
 *       to the history's rows (see {@link HistoryCsv});</li>
 *   <li>mean response time: exact, from the cumulative averages at the edges ({@code avg × count} is
 *       Locust's total response time);</li>
 *   <li>throughput: the window's requests over the time between its edge rows;</li>
 *   <li>the time series inside the window;</li>
 *   <li>no percentiles, min or max: the history's percentile columns are Locust's own over a sliding window
 *       of a few seconds, which do not combine into a percentile of a longer window, and cumulative
 *       min and max say nothing about a window. (The time series carries those per-interval p95 values.)
 *       No failure kinds either: the failures file counts the whole run.</li>
 * </ul>
 * Per-endpoint figures need the history's endpoint rows, which Locust writes with {@code --csv-full-history}.
 */
final class HistoryWindow {

    private HistoryWindow() {
    }

    static ToolResult result(HistoryCsv.History history, String historyFile, String version, List<String> sources,
                             List<String> warnings, ReadContext context) {
        if (history.endpoints().isEmpty()) {
            throw new InputException(historyFile, "has only Aggregated rows, so the endpoints' figures in a time "
                    + "window are not known: run Locust with --csv-full-history to cut its runs to windows");
        }
        HistoryCsv.Track total = history.total();
        if (total.last == null) {
            return new ToolResult(RunMetadata.of(Tool.LOCUST, Optional.of(version), sources, SourcePrecision.locust()),
                    Optional.empty(), List.of(), warnings);
        }
        long from = total.before != null ? total.before.epochMs() : history.firstMs();
        long to = total.last.epochMs();
        List<ServiceMapper.Row> rows = new ArrayList<>();
        for (HistoryCsv.Track track : history.endpoints().values()) {
            if (track.requests() > 0) {
                rows.add(new ServiceMapper.Row(RequestLabels.of(track.id.method().orElse(null), track.id.name()),
                        stats(track, from, to)));
            }
        }
        RunMetadata metadata = timed(RunMetadata.of(Tool.LOCUST, Optional.of(version), sources, SourcePrecision.locust()),
                from, to, history.peakUsers());
        if (rows.isEmpty()) {
            return new ToolResult(metadata, Optional.empty(), List.of(), warnings);
        }
        EndpointStats runTotal = stats(total, from, to);
        return new ToolResult(metadata, Optional.of(runTotal), ServiceMapper.group(rows, Optional.of(runTotal),
                context.resolver()), warnings);
    }

    private static EndpointStats stats(HistoryCsv.Track track, long fromMs, long toMs) {
        long requests = track.requests();
        long failures = Math.min(track.failures(), requests);
        OptionalDouble throughput = toMs > fromMs ? OptionalDouble.of(requests * 1000.0 / (toMs - fromMs)) : OptionalDouble.empty();
        LatencyStats latency = requests == 0 ? LatencyStats.empty()
                : new LatencyStats(requests, OptionalDouble.empty(), track.mean(), OptionalDouble.empty(), new TreeMap<>());
        return new EndpointStats(track.id, requests, failures, new TreeMap<>(), throughput, latency, Optional.empty(),
                track.series.build());
    }

    /** The metadata with the run's time range and, when known, its peak user count (Locust runs users in a closed loop). */
    static RunMetadata timed(RunMetadata m, long startMs, long endMs, OptionalInt peakUsers) {
        Workload workload = peakUsers.isPresent()
                ? new Workload(Workload.Model.CLOSED, peakUsers, OptionalDouble.empty()) : m.workload();
        return new RunMetadata(m.tool(), m.toolVersion(), m.sources(), Optional.of(Instant.ofEpochMilli(startMs)),
                Optional.of(Instant.ofEpochMilli(endMs)), Optional.of(Duration.ofMillis(Math.max(0, endMs - startMs))),
                m.stage(), workload, m.scriptHash(), m.labels(), m.mappingHash(), m.precision());
    }
}
