package dev.loadverdict.model.scaling;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Capacity curves of runs at several load levels.
 *
 * @param kind what the levels count
 * @param levels the levels, by ascending load, each once, with where each was read from
 * @param curves per service (in the order the runs name them) its total, then its endpoints by key; each once
 */
public record ScalingAnalysis(LoadKind kind, List<ScalingLevel> levels, List<ScalingCurve> curves) {
    public ScalingAnalysis {
        Objects.requireNonNull(kind, "kind == null");
        levels = List.copyOf(Objects.requireNonNull(levels, "levels == null"));
        for (int i = 1; i < levels.size(); i++) {
            if (!(levels.get(i).load() > levels.get(i - 1).load())) {
                throw new IllegalArgumentException("the levels are not by ascending load, each once");
            }
        }
        curves = List.copyOf(Objects.requireNonNull(curves, "curves == null"));
        Set<CurveId> seen = new HashSet<>();
        for (ScalingCurve c : curves) {
            if (!seen.add(c.id())) {
                throw new IllegalArgumentException("curve " + c.id().service() + " " + c.id().endpointLabel()
                        + " is listed twice");
            }
        }
    }

    public Optional<ScalingCurve> curve(CurveId id) {
        return curves.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The service totals, which decide a comparison's verdict. */
    public List<ScalingCurve> totals() {
        return curves.stream().filter(c -> c.id().isTotal()).toList();
    }
}
