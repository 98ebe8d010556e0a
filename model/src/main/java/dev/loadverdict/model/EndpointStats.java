package dev.loadverdict.model;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one endpoint (or a total over several) did during a run.
 *
 * @param id the endpoint's identity; for a total, the name of the total (e.g. {@code Aggregated})
 * @param requests requests made, failed ones included
 * @param failures failed requests ({@code <= requests})
 * @param failuresByKind failure kind (an error message, status or exception name) to count; may be
 *     empty even when there are failures, when the source does not say why
 * @param throughput requests per second over the run, when known
 * @param latency response-time statistics
 * @param histogram the full latency distribution, when the source had raw samples
 * @param timeSeries activity per interval, when the source had timestamps
 */
public record EndpointStats(EndpointId id, long requests, long failures, SortedMap<String, Long> failuresByKind,
                            OptionalDouble throughput, LatencyStats latency,
                            Optional<EncodedHistogram> histogram, Optional<TimeSeries> timeSeries) {

    public EndpointStats {
        Preconditions.requireNonNull(id, "id");
        Preconditions.requireNonNegative(requests, "requests");
        Preconditions.requireNonNegative(failures, "failures");
        if (failures > requests) {
            throw new IllegalArgumentException(
                    id.key() + ": failures (" + failures + ") exceed requests (" + requests + ")");
        }
        TreeMap<String, Long> kinds = new TreeMap<>();
        for (Map.Entry<String, Long> e : Preconditions.requireNonNull(failuresByKind, "failuresByKind").entrySet()) {
            kinds.put(Preconditions.requireNonNull(e.getKey(), "failure kind"),
                    Preconditions.requireNonNegative(e.getValue(), "failures of " + e.getKey()));
        }
        failuresByKind = Collections.unmodifiableSortedMap(kinds);
        Preconditions.requireNonNull(throughput, "throughput");
        throughput.ifPresent(v -> Preconditions.requireFiniteNonNegative(v, "throughput"));
        Preconditions.requireNonNull(latency, "latency");
        Preconditions.requireNonNull(histogram, "histogram");
        Preconditions.requireNonNull(timeSeries, "timeSeries");
    }

    /** Failed requests as a percentage of all requests (0–100); empty when there were no requests. */
    public OptionalDouble errorRatePercent() {
        return requests == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * failures / requests);
    }
}
