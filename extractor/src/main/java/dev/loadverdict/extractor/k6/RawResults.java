package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.RunFacts;
import dev.loadverdict.extractor.internal.SampleAggregator;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The result of k6's raw-sample formats (NDJSON, CSV), built the same way for both. */
final class RawResults {

    /** The longest {@code http_req_duration} read, in ms (k6's own timeouts are far below). */
    static final double MAX_DURATION_MS = ReadLimits.MAX_LATENCY_MS;

    private RawResults() {
    }

    /** Why an {@code http_req_duration} value is refused. */
    static String durationOutOfRange(double value) {
        return "http_req_duration of " + value + " ms is " + (value < 0 ? "negative" : Double.isNaN(value) ? "not a number"
                : "longer than any request (over " + (long) MAX_DURATION_MS + " ms, about 11.6 days)");
    }

    /**
     * k6 measures durations in nanoseconds and writes them as fractional milliseconds (NDJSON: Go's shortest
     * float, CSV: 6 decimals, both exact to the nanosecond); loadverdict keeps them in microsecond histograms.
     * So the run is precise to 1 µs, with no further rounding of large values.
     */
    static SourcePrecision precision() {
        return new SourcePrecision(0.001, OptionalInt.empty(), 0);
    }

    static ToolResult of(String file, SampleAggregator.Aggregate aggregate, OptionalInt maxVus, List<String> warnings) {
        // k6's executors can be open (arrival rate) or closed (looping VUs); the samples do not say which
        Workload workload = new Workload(Workload.Model.UNKNOWN, maxVus, OptionalDouble.empty());
        return aggregate.result(RunFacts.of(Tool.K6, file, workload, precision()), warnings);
    }
}
