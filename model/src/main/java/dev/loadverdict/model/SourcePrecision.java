package dev.loadverdict.model;

import java.util.OptionalInt;

/**
 * How precisely the source recorded response times. Every value is a multiple of {@code resolutionMs};
 * when {@code significantDigits} is present, values of at least {@code roundedFromMs} were in addition
 * rounded to that many significant digits before aggregation (Locust: 2 digits from 100 ms, so 1234 ms
 * is stored as 1200 ms). Differences smaller than one {@link #quantisationStep(double) step} cannot be
 * told from rounding.
 *
 * @param resolutionMs the smallest distinguishable difference, in ms (e.g. 1 for whole milliseconds)
 * @param significantDigits significant digits kept for large values, when the source rounds them
 * @param roundedFromMs the value from which rounding to significant digits applies
 */
public record SourcePrecision(double resolutionMs, OptionalInt significantDigits, double roundedFromMs) {

    public SourcePrecision {
        if (!(resolutionMs > 0) || !Double.isFinite(resolutionMs)) {
            throw new IllegalArgumentException("resolutionMs must be > 0 but was " + resolutionMs);
        }
        Preconditions.requireNonNull(significantDigits, "significantDigits");
        significantDigits.ifPresent(d -> {
            if (d < 1) {
                throw new IllegalArgumentException("significantDigits must be >= 1 but was " + d);
            }
        });
        Preconditions.requireFiniteNonNegative(roundedFromMs, "roundedFromMs");
    }

    /** Whole milliseconds, no further rounding (JMeter, Gatling). */
    public static SourcePrecision wholeMilliseconds() {
        return new SourcePrecision(1, OptionalInt.empty(), 0);
    }

    /** Locust: whole milliseconds below 100 ms, two significant digits from 100 ms. */
    public static SourcePrecision locust() {
        return new SourcePrecision(1, OptionalInt.of(2), 100);
    }

    /** The size of one rounding step around {@code valueMs}: the smallest change the source can show there. */
    public double quantisationStep(double valueMs) {
        if (significantDigits.isEmpty() || valueMs < roundedFromMs || valueMs <= 0) {
            return resolutionMs;
        }
        double magnitude = Math.floor(Math.log10(valueMs));
        return Math.max(resolutionMs, Math.pow(10, magnitude - significantDigits.getAsInt() + 1));
    }
}
