package dev.loadverdict.model.compare;

import dev.loadverdict.model.Metric;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The comparison of one metric of one endpoint (or a service total) between baseline and current run,
 * with every number behind its verdict.
 *
 * @param stage the stage compared, when the runs were split into stages
 * @param service the service
 * @param endpoint the endpoint key ({@code "GET /x"}); empty for the service's total
 * @param metric the metric compared
 * @param baseline the baseline value in the metric's unit, when the baseline has it
 * @param current the current value, when the current run has it
 * @param change the change in the metric's bad direction (positive = worse), when both values exist
 * @param relativePercent that change relative to the baseline in percent; empty when the baseline is 0
 * @param baselineRequests requests behind the baseline value
 * @param currentRequests requests behind the current value
 * @param outcome what happened
 * @param severity how serious it is ({@link Severity#NONE} unless a regression)
 * @param rule the effective rule applied
 * @param reasons one line per condition checked, in words, e.g. {@code "critical: +31.2% > 25%"}
 * @param significance whether the change is more than noise
 * @param drift for a finding of the drift gate, the pinned reference it measures from ({@code v21 (8984005)}), whose
 *              level is {@code baseline}; empty for a comparison with the baseline
 */
public record Finding(Optional<String> stage, String service, Optional<String> endpoint, Metric metric,
                      OptionalDouble baseline, OptionalDouble current, OptionalDouble change,
                      OptionalDouble relativePercent, long baselineRequests, long currentRequests,
                      Outcome outcome, Severity severity, AppliedRule rule, List<String> reasons,
                      Significance significance, Optional<String> drift) {

    /** What a finding measures a change from. */
    public enum Kind {
        /** The baseline the run is compared with. */
        CHANGE,
        /** A pinned reference in the suite's history: the cumulative change since then ({@code history.drift}). */
        DRIFT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A comparison with the baseline. */
    public Finding(Optional<String> stage, String service, Optional<String> endpoint, Metric metric,
                   OptionalDouble baseline, OptionalDouble current, OptionalDouble change,
                   OptionalDouble relativePercent, long baselineRequests, long currentRequests,
                   Outcome outcome, Severity severity, AppliedRule rule, List<String> reasons,
                   Significance significance) {
        this(stage, service, endpoint, metric, baseline, current, change, relativePercent, baselineRequests,
                currentRequests, outcome, severity, rule, reasons, significance, Optional.empty());
    }

    public Finding {
        Objects.requireNonNull(stage, "stage == null");
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        Objects.requireNonNull(metric, "metric == null");
        Objects.requireNonNull(baseline, "baseline == null");
        Objects.requireNonNull(current, "current == null");
        Objects.requireNonNull(change, "change == null");
        Objects.requireNonNull(relativePercent, "relativePercent == null");
        Objects.requireNonNull(outcome, "outcome == null");
        Objects.requireNonNull(severity, "severity == null");
        Objects.requireNonNull(rule, "rule == null");
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons == null"));
        Objects.requireNonNull(significance, "significance == null");
        Objects.requireNonNull(drift, "drift == null");
        if (severity != Severity.NONE && outcome != Outcome.REGRESSION) {
            throw new IllegalArgumentException("only a regression has a severity, not " + outcome);
        }
    }

    /** A finding of runs not split into stages. */
    public Finding(String service, Optional<String> endpoint, Metric metric,
                   OptionalDouble baseline, OptionalDouble current, OptionalDouble change,
                   OptionalDouble relativePercent, long baselineRequests, long currentRequests,
                   Outcome outcome, Severity severity, AppliedRule rule, List<String> reasons,
                   Significance significance) {
        this(Optional.empty(), service, endpoint, metric, baseline, current, change, relativePercent,
                baselineRequests, currentRequests, outcome, severity, rule, reasons, significance);
    }

    public Kind kind() {
        return drift.isPresent() ? Kind.DRIFT : Kind.CHANGE;
    }

    /**
     * The service, after its stage when there is one ({@code "steady / checkout"}), or after the drift reference for a
     * drift finding ({@code "drift since v21 / checkout"}).
     */
    public String scopeLabel() {
        String scope = stage.map(s -> s + " / " + service).orElse(service);
        return drift.map(d -> "drift since " + d + " / " + scope).orElse(scope);
    }

    /** The endpoint key, or {@code "(total)"} for a service total. */
    public String endpointLabel() {
        return endpoint.orElse(TOTAL_LABEL);
    }

    /** How a service's total is labelled where an endpoint key would stand. */
    public static final String TOTAL_LABEL = "(total)";
}
