package dev.loadverdict.model.scaling;

import java.util.List;
import java.util.Objects;

/**
 * Capacity curves compared with baseline curves of the same kind of load.
 *
 * @param baseline the baseline's curves
 * @param throughputDropPercent the drop of throughput at a shared level, in percent, beyond which it is a regression
 * @param changes one per curve both sides have, in the current analysis's order
 */
public record ScalingComparison(ScalingAnalysis baseline, double throughputDropPercent, List<CurveChange> changes) {
    public ScalingComparison {
        Objects.requireNonNull(baseline, "baseline == null");
        if (!(throughputDropPercent >= 0) || !Double.isFinite(throughputDropPercent)) {
            throw new IllegalArgumentException("throughputDropPercent is finite and >= 0, not " + throughputDropPercent);
        }
        changes = List.copyOf(Objects.requireNonNull(changes, "changes == null"));
    }

    /** Whether a service total lost capacity: a lower knee, an earlier error onset or a throughput drop. */
    public boolean regressed() {
        return changes.stream().anyMatch(c -> c.id().isTotal() && c.regressed());
    }
}
