package dev.loadverdict.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A run's activity over time, in equal intervals (at most {@value #MAX_INTERVALS} a run).
 *
 * @param interval the length of every interval
 * @param points one point per interval, in time order
 */
public record TimeSeries(Duration interval, List<Point> points) {

    /** The most intervals a run's time series holds. */
    public static final int MAX_INTERVALS = 300;

    public TimeSeries {
        Preconditions.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive but was " + interval);
        }
        points = List.copyOf(Preconditions.requireNonNull(points, "points"));
        if (points.size() > MAX_INTERVALS) {
            throw new IllegalArgumentException("at most " + MAX_INTERVALS + " intervals but got " + points.size());
        }
        for (int i = 1; i < points.size(); i++) {
            if (!points.get(i).start().isAfter(points.get(i - 1).start())) {
                throw new IllegalArgumentException("points must be in strictly increasing time order");
            }
        }
    }

    /**
     * One interval.
     *
     * @param start the interval's start
     * @param requests requests completed in it
     * @param failures failed requests among them
     * @param p95 the interval's 95th percentile in ms (from a 2-significant-digit histogram), when known
     */
    public record Point(Instant start, long requests, long failures, OptionalDouble p95) {
        public Point {
            Preconditions.requireNonNull(start, "start");
            Preconditions.requireNonNegative(requests, "requests");
            Preconditions.requireNonNegative(failures, "failures");
            Preconditions.requireNonNull(p95, "p95");
            p95.ifPresent(v -> Preconditions.requireFiniteNonNegative(v, "p95"));
        }
    }
}
