package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The numbers of one metric on both sides and the change between them. Every number is finite.
 *
 * @param baseline the baseline value, when the baseline reported it
 * @param current the current value, when the current run reported it
 * @param change the change in the metric's bad direction (positive = worse), when both values exist
 * @param relativePercent the change in percent of the baseline; empty when the baseline is 0 (or so close
 *     to 0 that the ratio is not a finite number)
 * @param baselineRequests requests behind the baseline value
 * @param currentRequests requests behind the current value
 */
record Measurement(OptionalDouble baseline, OptionalDouble current, OptionalDouble change,
                   OptionalDouble relativePercent, long baselineRequests, long currentRequests) {

    static Measurement of(Metric metric, EndpointStats baseline, EndpointStats current) {
        OptionalDouble b = metric.valueOf(baseline);
        OptionalDouble c = metric.valueOf(current);
        if (b.isEmpty() || c.isEmpty()) {
            return new Measurement(b, c, OptionalDouble.empty(), OptionalDouble.empty(), baseline.requests(),
                    current.requests());
        }
        // + 0.0 turns a -0.0 into 0.0, so "no change" always reads the same
        double change = metric.direction().badAmount(b.getAsDouble(), c.getAsDouble()) + 0.0;
        return new Measurement(b, c, OptionalDouble.of(change), relative(change, b.getAsDouble()),
                baseline.requests(), current.requests());
    }

    private static OptionalDouble relative(double change, double baseline) {
        if (baseline == 0) {
            return OptionalDouble.empty();
        }
        double percent = change / baseline * 100 + 0.0;
        return Double.isFinite(percent) ? OptionalDouble.of(percent) : OptionalDouble.empty();
    }

    boolean bothValues() {
        return change.isPresent();
    }

    double changeValue() {
        return change.orElseThrow();
    }

    /** Why no relative change exists although both values do; empty when it exists or a value is missing. */
    Optional<String> relativeUndefined() {
        if (!bothValues() || relativePercent.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(baseline.getAsDouble() == 0 ? "baseline is 0" : "baseline too close to 0");
    }

    /** The reason line for missing values, e.g. {@code "not compared: the baseline has no p95"}. */
    Optional<String> missingValues(Metric metric) {
        if (baseline.isPresent() && current.isPresent()) {
            return Optional.empty();
        }
        String who = baseline.isEmpty() && current.isEmpty() ? "neither run has"
                : baseline.isEmpty() ? "the baseline has no" : "the current run has no";
        return Optional.of("not compared: " + who + " " + metric.key());
    }
}
