package dev.loadverdict.comparator.scaling;

import dev.loadverdict.model.Run;
import dev.loadverdict.model.scaling.LoadKind;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A run read as one load level of a capacity curve.
 *
 * @param source what the run was read from, as the user named it (for messages and reports)
 * @param run the run (a whole run, one of its stages, or the stretch of it at a user-count plateau)
 * @param kind the kind of an explicit level, or empty to read the level from the run's workload
 * @param load the explicit level, present exactly when {@code kind} is
 */
public record LevelRun(String source, Run run, Optional<LoadKind> kind, OptionalDouble load) {
    public LevelRun {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(run, "run == null");
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(load, "load == null");
        if (kind.isPresent() != load.isPresent()) {
            throw new IllegalArgumentException("an explicit level needs both its kind and its load");
        }
        load.ifPresent(l -> {
            if (!(l > 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("a load level is finite and above 0, not " + l);
            }
        });
    }

    /** The run at the level its workload records. */
    public static LevelRun of(String source, Run run) {
        return new LevelRun(source, run, Optional.empty(), OptionalDouble.empty());
    }

    /** The run at a level given explicitly, whatever its workload records. */
    public static LevelRun at(String source, Run run, LoadKind kind, double load) {
        return new LevelRun(source, run, Optional.of(kind), OptionalDouble.of(load));
    }
}
