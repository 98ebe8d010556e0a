package dev.loadverdict.model.compare;

import dev.loadverdict.model.Metric;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How much each metric varied across a suite's recorded runs: per (stage, service, endpoint, metric) the history's
 * median and the half-width of the band around it that counts as noise. A change that stays inside its band is
 * within noise, whatever a significance test says.
 *
 * @param runs how many recorded runs the bands come from
 * @param bands the bands, by {@link #key}
 */
public record NoiseBands(int runs, Map<String, Band> bands) {

    /**
     * One metric's band.
     *
     * @param median the history's median
     * @param halfWidth how far from the median a value is still noise (≥ 0)
     * @param values how many runs had the value
     */
    public record Band(double median, double halfWidth, int values) {
        public Band {
            if (!Double.isFinite(median) || !(halfWidth >= 0) || !Double.isFinite(halfWidth) || values < 1) {
                throw new IllegalArgumentException("invalid band: " + median + " ± " + halfWidth + " of " + values);
            }
        }

        public boolean contains(double value) {
            return Math.abs(value - median) <= halfWidth;
        }
    }

    public NoiseBands {
        bands = Map.copyOf(Objects.requireNonNull(bands, "bands == null"));
    }

    public static NoiseBands none() {
        return new NoiseBands(0, Map.of());
    }

    /** The key of one metric of one endpoint ({@code endpoint} empty for a service total). */
    public static String key(Optional<String> stage, String service, Optional<String> endpoint, Metric metric) {
        return stage.orElse("") + '\u0000' + service + '\u0000' + endpoint.orElse("") + '\u0000' + metric.key();
    }

    public Optional<Band> band(Optional<String> stage, String service, Optional<String> endpoint, Metric metric) {
        return Optional.ofNullable(bands.get(key(stage, service, endpoint, metric)));
    }

    /** Collects bands. */
    public static final class Builder {
        private final Map<String, Band> bands = new HashMap<>();

        public Builder put(Optional<String> stage, String service, Optional<String> endpoint, Metric metric, Band band) {
            bands.put(key(stage, service, endpoint, metric), band);
            return this;
        }

        public NoiseBands build(int runs) {
            return new NoiseBands(runs, bands);
        }
    }
}
