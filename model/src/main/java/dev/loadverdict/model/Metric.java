package dev.loadverdict.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The metrics loadverdict compares. Each knows its configuration key, unit and direction, and how to read
 * itself from an {@link EndpointStats}. A percentile metric yields a value only when the source really
 * reported that percentile; it is never derived from an average.
 */
public enum Metric {
    P50("p50", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 50.0),
    P75("p75", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 75.0),
    P90("p90", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 90.0),
    P95("p95", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 95.0),
    P99("p99", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 99.0),
    P999("p99.9", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, 99.9),
    MEAN("mean", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, Double.NaN),
    MAX("max", Unit.MILLISECONDS, Direction.LOWER_IS_BETTER, Double.NaN),
    ERROR_RATE("error_rate", Unit.PERCENT, Direction.LOWER_IS_BETTER, Double.NaN),
    THROUGHPUT("throughput", Unit.REQUESTS_PER_SECOND, Direction.HIGHER_IS_BETTER, Double.NaN);

    private final String key;
    private final Unit unit;
    private final Direction direction;
    private final double percent;

    Metric(String key, Unit unit, Direction direction, double percent) {
        this.key = key;
        this.unit = unit;
        this.direction = direction;
        this.percent = percent;
    }

    /** The key used in configuration and JSON, e.g. {@code p95} or {@code error_rate}. */
    public String key() {
        return key;
    }

    public Unit unit() {
        return unit;
    }

    public Direction direction() {
        return direction;
    }

    /** The percentile (in percent, e.g. {@code 99.9}) of a percentile metric; empty for the others. */
    public OptionalDouble percent() {
        return Double.isNaN(percent) ? OptionalDouble.empty() : OptionalDouble.of(percent);
    }

    /**
     * This metric's value for an endpoint, or empty when the source did not report it. Error rate is
     * in percent; throughput in requests per second.
     */
    public OptionalDouble valueOf(EndpointStats stats) {
        return switch (this) {
            case MEAN -> stats.latency().mean();
            case MAX -> stats.latency().max();
            case ERROR_RATE -> stats.errorRatePercent();
            case THROUGHPUT -> stats.throughput();
            default -> stats.latency().percentile(percent);
        };
    }

    /** The metric with the given configuration key ({@code p95}, {@code P95}, {@code error_rate}). */
    public static Optional<Metric> fromKey(String key) {
        String wanted = key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.key.equals(wanted)).findFirst();
    }
}
