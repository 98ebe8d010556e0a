package dev.loadverdict.reporter;

import dev.loadverdict.model.Run;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Severity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every report is rendered from, in every format and whichever templates render it: the comparison, the severity
 * from which the run fails, and — when the reporter has them — the two runs compared (the HTML report draws their
 * latency curves and p95 over time) and the suite's recorded runs (its trend).
 *
 * @param failOn the lowest severity that fails the run ({@link Severity#NONE}: none); JUnit marks those as failures
 * @param current the run compared, when at hand (not in a saved comparison)
 * @param baseline the baseline's run, when at hand
 * @param history the suite's recorded runs, oldest first (empty when none)
 */
public record ReportInput(Comparison comparison, Severity failOn, Optional<Run> current, Optional<Run> baseline,
                          List<Run> history) {

    public ReportInput {
        Objects.requireNonNull(comparison, "comparison == null");
        Objects.requireNonNull(failOn, "failOn == null");
        Objects.requireNonNull(current, "current == null");
        Objects.requireNonNull(baseline, "baseline == null");
        history = List.copyOf(history);
    }

    /** A comparison alone (a saved one), failing from critical up. */
    public static ReportInput of(Comparison comparison) {
        return of(comparison, Severity.CRITICAL);
    }

    /** A comparison alone, failing from {@code failOn} up. */
    public static ReportInput of(Comparison comparison, Severity failOn) {
        return new ReportInput(comparison, failOn, Optional.empty(), Optional.empty(), List.of());
    }

    /** The same, with the runs compared and the suite's recorded runs. */
    public ReportInput withRuns(Run current, Run baseline, List<Run> history) {
        return new ReportInput(comparison, failOn, Optional.of(current), Optional.of(baseline), history);
    }
}
