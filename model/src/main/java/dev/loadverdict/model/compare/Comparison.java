package dev.loadverdict.model.compare;

import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.history.HistoryAnalysis;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of comparing a run with a baseline: every finding with its numbers, the endpoints present on
 * one side only, and the verdict.
 *
 * @param current metadata of the run compared
 * @param baseline the baseline it was compared against; empty when there was none, so that only absolute limits
 *                 were checked
 * @param configSource the configuration file used, or empty for the built-in defaults
 * @param findings one per (service, endpoint or total, metric) compared
 * @param endpointChanges endpoints new in or missing from the current run
 * @param verdict PASS, WARN or FAIL from the worst regression
 * @param warnings what makes the comparison itself doubtful (e.g. the runs' load profiles differ), one
 *                 sentence each; every report shows them
 * @param notes what a reader needs to weigh the findings (e.g. whether a noise band was available), one
 *              sentence each
 * @param matching what was found in both runs, only in the baseline, only in the run; empty when there was no
 *                 baseline, or for a comparison saved before it was recorded
 * @param history the change points of the baseline suite's history, when the baseline is a suite with enough runs
 */
public record Comparison(RunMetadata current, Optional<BaselineRef> baseline, Optional<String> configSource,
                         List<Finding> findings, List<EndpointChange> endpointChanges, Verdict verdict,
                         List<String> warnings, List<String> notes, Optional<Matching> matching,
                         Optional<HistoryAnalysis> history) {

    /** A comparison without a suite's change points. */
    public Comparison(RunMetadata current, Optional<BaselineRef> baseline, Optional<String> configSource,
                      List<Finding> findings, List<EndpointChange> endpointChanges, Verdict verdict,
                      List<String> warnings, List<String> notes, Optional<Matching> matching) {
        this(current, baseline, configSource, findings, endpointChanges, verdict, warnings, notes, matching, Optional.empty());
    }

    /** A comparison without a record of what matched. */
    public Comparison(RunMetadata current, Optional<BaselineRef> baseline, Optional<String> configSource,
                      List<Finding> findings, List<EndpointChange> endpointChanges, Verdict verdict,
                      List<String> warnings, List<String> notes) {
        this(current, baseline, configSource, findings, endpointChanges, verdict, warnings, notes, Optional.empty());
    }

    /** A comparison with a baseline, without warnings. */
    public Comparison(RunMetadata current, BaselineRef baseline, Optional<String> configSource,
                      List<Finding> findings, List<EndpointChange> endpointChanges, Verdict verdict) {
        this(current, Optional.of(baseline), configSource, findings, endpointChanges, verdict, List.of(), List.of());
    }

    /** A comparison with a baseline. */
    public Comparison(RunMetadata current, BaselineRef baseline, Optional<String> configSource,
                      List<Finding> findings, List<EndpointChange> endpointChanges, Verdict verdict,
                      List<String> warnings, List<String> notes) {
        this(current, Optional.of(baseline), configSource, findings, endpointChanges, verdict, warnings, notes);
    }

    public Comparison {
        Objects.requireNonNull(current, "current == null");
        Objects.requireNonNull(baseline, "baseline == null");
        Objects.requireNonNull(configSource, "configSource == null");
        findings = List.copyOf(Objects.requireNonNull(findings, "findings == null"));
        endpointChanges = List.copyOf(Objects.requireNonNull(endpointChanges, "endpointChanges == null"));
        Objects.requireNonNull(verdict, "verdict == null");
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings == null"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes == null"));
        Objects.requireNonNull(matching, "matching == null");
        Objects.requireNonNull(history, "history == null");
        if (verdict != Verdict.of(worstSeverity(findings))) {
            throw new IllegalArgumentException("verdict " + verdict + " does not follow from the findings");
        }
    }

    /** The same comparison with these warnings added. */
    public Comparison withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new Comparison(current, baseline, configSource, findings, endpointChanges, verdict, all, notes, matching, history);
    }

    /** The same comparison with these notes added. */
    public Comparison withNotes(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Comparison(current, baseline, configSource, findings, endpointChanges, verdict, warnings, all, matching, history);
    }

    /** The same comparison with this record of what matched. */
    public Comparison withMatching(Matching what) {
        return new Comparison(current, baseline, configSource, findings, endpointChanges, verdict, warnings, notes,
                Optional.of(what), history);
    }

    /** The same comparison with the baseline suite's change points. */
    public Comparison withHistory(HistoryAnalysis analysis) {
        return new Comparison(current, baseline, configSource, findings, endpointChanges, verdict, warnings, notes,
                matching, Optional.of(analysis));
    }

    /** The same comparison with more findings (the drift gate's), and the verdict they give together. */
    public Comparison withFindingsAdded(List<Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        return new Comparison(current, baseline, configSource, all, endpointChanges, Verdict.of(worstSeverity(all)),
                warnings, notes, matching, history);
    }

    /** The most serious severity among the findings. */
    public Severity worstSeverity() {
        return worstSeverity(findings);
    }

    /** Regressions, most serious first, then by relative change. */
    public List<Finding> regressions() {
        return findings.stream()
                .filter(f -> f.outcome() == Outcome.REGRESSION)
                .sorted(Comparator.comparing(Finding::severity).reversed()
                        .thenComparing(f -> -f.relativePercent().orElse(Double.MAX_VALUE)))
                .toList();
    }

    /** The services in the order they first appear among the findings. */
    public List<String> services() {
        return findings.stream().map(Finding::service).distinct().toList();
    }

    /**
     * The services, each after its stage when the runs were split into stages ({@code "steady / checkout"}),
     * in the order they first appear among the findings: the groups a report shows.
     */
    public List<String> scopes() {
        return findings.stream().map(Finding::scopeLabel).distinct().toList();
    }

    /** The findings of one scope ({@link #scopes()}), in order. */
    public List<Finding> findingsIn(String scope) {
        return findings.stream().filter(f -> f.scopeLabel().equals(scope)).toList();
    }

    /**
     * The comparison narrowed to one scope, as its regression issue tells it: that scope's findings and endpoint
     * changes, and the verdict they give.
     */
    public Comparison narrowedTo(String scope) {
        List<Finding> in = findingsIn(scope);
        List<EndpointChange> changes = endpointChanges.stream().filter(c -> c.scopeLabel().equals(scope)).toList();
        Severity worst = in.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.NONE);
        return new Comparison(current, baseline, configSource, in, changes, Verdict.of(worst), warnings, notes);
    }

    /** Whether a scope has a critical regression: what opens or updates its issue. */
    public boolean criticalIn(String scope) {
        return findingsIn(scope).stream().anyMatch(f -> f.severity() == Severity.CRITICAL);
    }

    /**
     * Whether a scope passes in a way that shows a recovery: no critical regression left and every check comparable
     * (a warning does not keep an issue about a critical regression open; too few requests cannot show a recovery).
     */
    public boolean recoveredIn(String scope) {
        return findingsIn(scope).stream()
                .noneMatch(f -> f.severity() == Severity.CRITICAL || f.outcome() == Outcome.NOT_COMPARABLE);
    }

    /** The stages compared, in order; empty when the runs were not split into stages. */
    public List<String> stages() {
        return java.util.stream.Stream.concat(findings.stream().map(Finding::stage),
                        endpointChanges.stream().map(EndpointChange::stage))
                .flatMap(Optional::stream).distinct().toList();
    }

    private static Severity worstSeverity(List<Finding> findings) {
        return findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.NONE);
    }
}
