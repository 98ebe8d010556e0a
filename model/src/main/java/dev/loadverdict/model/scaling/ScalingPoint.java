package dev.loadverdict.model.scaling;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one service total or endpoint did at one load level.
 *
 * @param load the level (users, or arrivals per second)
 * @param requests requests made, failed ones included
 * @param failures failed requests ({@code <= requests})
 * @param throughput requests per second at that level, when known
 * @param p50 the median response time in ms, when the source gives it
 * @param p95 the 95th percentile in ms, when the source gives it
 * @param p99 the 99th percentile in ms, when the source gives it
 */
public record ScalingPoint(double load, long requests, long failures, OptionalDouble throughput, OptionalDouble p50,
                           OptionalDouble p95, OptionalDouble p99) {
    public ScalingPoint {
        if (!(load > 0) || !Double.isFinite(load)) {
            throw new IllegalArgumentException("a load level is finite and above 0, not " + load);
        }
        if (requests < 0 || failures < 0 || failures > requests) {
            throw new IllegalArgumentException("requests " + requests + " and failures " + failures
                    + " are not 0 <= failures <= requests");
        }
        Objects.requireNonNull(throughput, "throughput == null");
        Objects.requireNonNull(p50, "p50 == null");
        Objects.requireNonNull(p95, "p95 == null");
        Objects.requireNonNull(p99, "p99 == null");
    }

    /**
     * Successful requests per second: the throughput less its failed share; empty without a throughput. Capacity is
     * what a system serves: a server that rejects fast (503s) raises throughput, not this.
     */
    public OptionalDouble okThroughput() {
        return throughput.isEmpty() || requests == 0 ? throughput
                : OptionalDouble.of(throughput.getAsDouble() * (requests - failures) / requests);
    }

    /** Failed requests in percent of all (0–100); empty without requests. */
    public OptionalDouble errorRatePercent() {
        return requests == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * failures / requests);
    }
}
