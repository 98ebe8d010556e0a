package dev.loadverdict.model.scaling;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One capacity curve: a service total's or an endpoint's figures at each load level where it had requests, lowest
 * level first, with its saturation knee and the level at which errors begin.
 *
 * @param id the service total or endpoint
 * @param points one per level, by ascending load, each load once
 * @param knee where throughput stops growing
 * @param errorOnset the lowest level from which errors rise clearly, or empty when they never do up to the highest
 */
public record ScalingCurve(CurveId id, List<ScalingPoint> points, Knee knee, OptionalDouble errorOnset) {
    public ScalingCurve {
        Objects.requireNonNull(id, "id == null");
        points = List.copyOf(Objects.requireNonNull(points, "points == null"));
        for (int i = 1; i < points.size(); i++) {
            if (!(points.get(i).load() > points.get(i - 1).load())) {
                throw new IllegalArgumentException("the points of " + id.endpointLabel() + " are not by ascending load");
            }
        }
        Objects.requireNonNull(knee, "knee == null");
        Objects.requireNonNull(errorOnset, "errorOnset == null");
    }

    /** The point at a level, if the curve has one. */
    public java.util.Optional<ScalingPoint> at(double load) {
        return points.stream().filter(p -> p.load() == load).findFirst();
    }

    /**
     * A percentile at the i-th point as a multiple of the same percentile at the lowest point ({@code 2.5} for 2.5
     * times); empty when either is missing or the lowest is 0.
     */
    public OptionalDouble growth(int i, Percentile percentile) {
        OptionalDouble first = percentile.of(points.get(0));
        OptionalDouble here = percentile.of(points.get(i));
        return first.isPresent() && here.isPresent() && first.getAsDouble() > 0
                ? OptionalDouble.of(here.getAsDouble() / first.getAsDouble()) : OptionalDouble.empty();
    }

    /** The percentiles a curve follows. */
    public enum Percentile {
        P50, P95, P99;

        public OptionalDouble of(ScalingPoint point) {
            return switch (this) {
                case P50 -> point.p50();
                case P95 -> point.p95();
                case P99 -> point.p99();
            };
        }
    }
}
