package dev.loadverdict.model.scaling;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How one curve changed against the baseline's curve of the same service total or endpoint.
 *
 * @param id the curve
 * @param baselineKnee the baseline curve's knee
 * @param currentKnee the current curve's knee
 * @param baselineOnset the baseline curve's error onset, empty for none
 * @param currentOnset the current curve's error onset, empty for none
 * @param levels the levels both curves measured, by ascending load
 * @param regressions how this curve lost capacity, each kind once; empty when it did not. Only service totals decide
 *                    the verdict; an endpoint's regressions are reported for reading.
 */
public record CurveChange(CurveId id, Knee baselineKnee, Knee currentKnee, OptionalDouble baselineOnset,
                          OptionalDouble currentOnset, List<LevelChange> levels, List<Regression> regressions) {
    public CurveChange {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(baselineKnee, "baselineKnee == null");
        Objects.requireNonNull(currentKnee, "currentKnee == null");
        Objects.requireNonNull(baselineOnset, "baselineOnset == null");
        Objects.requireNonNull(currentOnset, "currentOnset == null");
        levels = List.copyOf(Objects.requireNonNull(levels, "levels == null"));
        regressions = List.copyOf(Objects.requireNonNull(regressions, "regressions == null"));
    }

    /** The ways a curve loses capacity. */
    public enum Regression {
        /** The knee lies at a lower load than the baseline's (or below the highest level of a baseline without one). */
        KNEE_AT_LOWER_LOAD,
        /** Errors begin at a lower load than in the baseline (or within the levels where the baseline had none). */
        ERRORS_AT_LOWER_LOAD,
        /** Throughput at a shared level fell by more than the threshold ({@link LevelChange#throughputDropped()}). */
        THROUGHPUT_DROP
    }

    public boolean regressed() {
        return !regressions.isEmpty();
    }
}
