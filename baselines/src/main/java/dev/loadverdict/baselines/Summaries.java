package dev.loadverdict.baselines;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;

import java.util.Optional;

/** A run without its distributions: what retention keeps of an old run. */
final class Summaries {

    private Summaries() {
    }

    /** The run with every latency histogram and time series left out, stages included; the same run when it has none. */
    static Run of(Run run) {
        return new Run(run.metadata(), run.total().map(Summaries::of),
                run.services().stream().map(s -> new ServiceStats(s.name(), of(s.total()),
                        s.endpoints().stream().map(Summaries::of).toList())).toList(),
                run.stages().stream().map(Summaries::of).toList());
    }

    private static EndpointStats of(EndpointStats e) {
        return e.histogram().isEmpty() && e.timeSeries().isEmpty() ? e
                : new EndpointStats(e.id(), e.requests(), e.failures(), e.failuresByKind(), e.throughput(), e.latency(),
                        Optional.empty(), Optional.empty());
    }
}
