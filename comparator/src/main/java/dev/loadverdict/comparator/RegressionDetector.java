package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.compare.BaselineRef;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.EndpointChange;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Matching;
import dev.loadverdict.model.compare.NoiseBands;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.compare.Significance;
import dev.loadverdict.model.compare.Verdict;
import dev.loadverdict.model.config.LoadverdictConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a run with its baseline, metric by metric, under the threshold rules of a configuration.
 *
 * <p><b>Pairing.</b> Services are matched by name, endpoints by {@link dev.loadverdict.model.EndpointId#key()}.
 * An endpoint on one side only is reported as an {@link EndpointChange} ({@code NEW} or {@code MISSING}) and
 * never fails; so is every endpoint of a service on one side only. Each service's total is compared like an
 * endpoint; the run-level {@link Run#total()} is not compared. A <b>flat</b> baseline service (a total without
 * endpoints, as {@code baseline import} makes of a legacy file) is one endpoint, its total: compared with the run's
 * service of its name, whose endpoints it covers (they are not new), or else with the run's one endpoint of its name
 * (method and one leading {@code /} aside); unpaired, it is missing as {@code (total)}.
 *
 * <p><b>Rules.</b> Per service, endpoint and metric the rule is resolved through the levels
 * {@link BuiltInDefaults}, the configuration's {@code defaults}, the service, and the first endpoint pattern
 * in written order that matches (a glob against the whole key {@code "GET /x"} or the bare name {@code /x};
 * {@code re:} a regex found in either). A warning or critical block set at a lower level replaces the
 * inherited block of that severity only. {@code ignore} on a service or a matching endpoint pattern leaves
 * those endpoints (and, for a service, its total) out of findings and endpoint changes alike. Every metric
 * whose resolved rule has a block is compared.
 *
 * <p><b>Severity.</b> A block holds when its {@code limit} is breached by the current value (alone enough,
 * whatever the baseline and request counts), or when both values exist, both runs made at least
 * {@code minRequests} requests, the change is worse, and every set relative (% of the baseline) and delta
 * (the metric's unit; percentage points for the error rate) amount is exceeded. A zero baseline has no
 * relative change; there a relative condition counts as met by any worsening and delta decides. The
 * severity is critical if the critical block holds, else warning if the warning block holds.
 *
 * <p><b>Outcome.</b> A regression has a severity; otherwise a finding with a value missing on either side
 * (never filled in from another statistic) or too few requests is not comparable; a worse value is worse
 * within threshold; a better value is an improvement when it would meet the warning block's amounts (else
 * the critical block's) in the bad direction, else unchanged. Improvements never fail.
 *
 * <p><b>Stages.</b> When both runs were split into stages ({@code --stages}), each stage is compared with the
 * baseline's stage of the same name, and every finding and endpoint change names its stage; a stage on one
 * side only makes all its endpoints new or missing. When only one side has stages, the whole runs are
 * compared.
 *
 * <p>Findings come in report order: stages in the current run's order, then baseline-only ones; within a stage services in the current run's order, then baseline-only services;
 * within a service the total first, then endpoints by key; metrics in {@link Metric} order. The verdict
 * follows from the worst severity. Pure: no I/O, no logging, deterministic.
 */
public final class RegressionDetector {

    private final SignificanceAssessor significance;

    RegressionDetector(SignificanceAssessor significance) {
        this.significance = Objects.requireNonNull(significance, "significance == null");
    }

    /**
     * Compares {@code current} with {@code baselineRun}.
     *
     * @param current the run under test
     * @param baselineRef how the baseline is referred to in the result
     * @param baselineRun the baseline's run
     * @param config the rules; the built-in defaults lie under them
     * @return every finding, the endpoint changes and the verdict
     * @throws IllegalArgumentException when an endpoint pattern of the configuration is not a valid regex
     */
    public static Comparison compare(Run current, BaselineRef baselineRef, Run baselineRun, LoadverdictConfig config) {
        return compare(current, baselineRef, baselineRun, config, Options.defaults());
    }

    /** As {@link #compare(Run, BaselineRef, Run, LoadverdictConfig)}, with options. */
    public static Comparison compare(Run current, BaselineRef baselineRef, Run baselineRun, LoadverdictConfig config,
                                     Options options) {
        return new RegressionDetector(new StatisticalAssessor(config.alpha()))
                .detect(current, baselineRef, baselineRun, config, options);
    }

    /**
     * Checks a run against absolute limits alone, for when there is no baseline (the first run of a suite, or a
     * baseline that is missing): every metric of every endpoint and service total whose resolved rule has a
     * {@code limit} is judged by it, as for an endpoint new in a comparison; nothing else can be judged without a
     * baseline. The result has no baseline and no endpoint changes; with stages, each stage is checked.
     *
     * @param current the run under test
     * @param config the rules; the built-in defaults (which set no limits) lie under them
     * @return the limit findings and the verdict they give
     * @throws IllegalArgumentException when an endpoint pattern of the configuration is not a valid regex
     */
    public static Comparison checkLimits(Run current, LoadverdictConfig config) {
        Objects.requireNonNull(current, "current == null");
        Objects.requireNonNull(config, "config == null");
        RuleResolver rules = new RuleResolver(config);
        List<MetricComparison> comparisons = new ArrayList<>();
        if (current.stages().isEmpty()) {
            addLimitChecks(Optional.empty(), current, rules, comparisons);
        } else {
            current.stages().forEach(s -> addLimitChecks(s.metadata().stage(), s, rules, comparisons));
        }
        RegressionDetector detector = new RegressionDetector(new StatisticalAssessor(config.alpha()));
        List<Finding> findings = detector.judge(comparisons, new FindingJudge.Judging(config.alpha(),
                config.alphaCritical(), false, NoiseBands.none()));
        Severity worst = findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.NONE);
        return new Comparison(current.metadata(), Optional.empty(), config.source(), findings, List.of(),
                Verdict.of(worst), List.of(), List.of());
    }

    private static void addLimitChecks(Optional<String> stage, Run current, RuleResolver rules,
                                       List<MetricComparison> out) {
        for (Matched matched : RunPairing.pair(current, empty(current))) {
            ResolvedRules resolved = rules.resolve(matched.service(), matched.endpoint());
            if (!resolved.ignored()) {
                SourcePrecision[] precision = {current.metadata().precision(), current.metadata().precision()};
                matched.current().ifPresent(c -> addLimitChecks(stage, matched, c, resolved, precision, out));
            }
        }
    }

    /**
     * How to compare beyond the configuration.
     *
     * @param requireSignificance whether a change whose significance cannot be tested (aggregates only) can be a
     *                            warning at most; limits still raise any severity
     * @param noiseBands the history's noise band per metric: a value inside its band is within noise, whatever
     *                   the significance test says (limits still apply)
     */
    public record Options(boolean requireSignificance, NoiseBands noiseBands) {
        public Options {
            java.util.Objects.requireNonNull(noiseBands, "noiseBands == null");
        }

        public Options(boolean requireSignificance) {
            this(requireSignificance, NoiseBands.none());
        }

        public static Options defaults() {
            return new Options(false);
        }
    }

    Comparison detect(Run current, BaselineRef baselineRef, Run baselineRun, LoadverdictConfig config) {
        return detect(current, baselineRef, baselineRun, config, Options.defaults());
    }

    Comparison detect(Run current, BaselineRef baselineRef, Run baselineRun, LoadverdictConfig config, Options options) {
        Objects.requireNonNull(current, "current == null");
        Objects.requireNonNull(baselineRef, "baselineRef == null");
        Objects.requireNonNull(baselineRun, "baselineRun == null");
        Objects.requireNonNull(config, "config == null");
        RuleResolver rules = new RuleResolver(config);
        List<MetricComparison> comparisons = new ArrayList<>();
        List<EndpointChange> changes = new ArrayList<>();
        MatchingTally tally = new MatchingTally();
        if (!current.stages().isEmpty() && !baselineRun.stages().isEmpty()) {
            for (String stage : stageNames(current, baselineRun)) {
                Run c = current.stage(stage).orElseGet(() -> empty(current));
                Run b = baselineRun.stage(stage).orElseGet(() -> empty(baselineRun));
                compareRuns(Optional.of(stage), c, b, rules, comparisons, changes, tally);
            }
        } else {
            compareRuns(Optional.empty(), current, baselineRun, rules, comparisons, changes, tally);
        }
        List<Finding> findings = TotalsFollowEndpoints.apply(ClosedWorkload.explain(judge(comparisons,
                new FindingJudge.Judging(config.alpha(), config.alphaCritical(), options.requireSignificance(),
                        options.noiseBands())), current.metadata().workload(), baselineRun.metadata().workload()));
        Severity worst = findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.NONE);
        Matching matching = tally.matching();
        List<String> warnings = new ArrayList<>();
        missingWarning(matching, tally.missingNames(), config).ifPresent(warnings::add);
        warnings.addAll(RuleCoverage.warnings(config, current, baselineRun));
        return new Comparison(current.metadata(), baselineRef, config.source(), findings, changes, Verdict.of(worst))
                .withMatching(matching).withWarnings(warnings);
    }

    /** The warning that more of the baseline's endpoints are missing than {@code matching.warnMissing} allows. */
    private static Optional<String> missingWarning(Matching matching, List<String> listed, LoadverdictConfig config) {
        double limit = config.matching().warnMissingPercent();
        if (matching.endpoints().missing() == 0 || !(matching.missingPercent() > limit)) {
            return Optional.empty();
        }
        int missing = matching.endpoints().missing();
        String more = missing > listed.size() ? " and " + (missing - listed.size()) + " more" : "";
        return Optional.of(missing + " of the baseline's " + matching.baselineEndpoints() + " endpoints ("
                + Numbers.percent(matching.missingPercent()) + ") " + (missing == 1 ? "is" : "are")
                + " missing from this run, more than matching.warnMissing " + Numbers.percent(limit) + ": "
                + String.join(", ", listed) + more);
    }

    /** The current run's stages in its order, then those only the baseline has. */
    private static List<String> stageNames(Run current, Run baseline) {
        Set<String> names = new LinkedHashSet<>();
        current.stages().forEach(s -> names.add(s.metadata().stage().orElseThrow()));
        baseline.stages().forEach(s -> names.add(s.metadata().stage().orElseThrow()));
        return List.copyOf(names);
    }

    /** A stage one side lacks: every endpoint of the other side is new or missing. */
    private static Run empty(Run like) {
        return new Run(like.metadata(), Optional.empty(), List.of());
    }

    private static void compareRuns(Optional<String> stage, Run current, Run baseline, RuleResolver rules,
                                    List<MetricComparison> comparisons, List<EndpointChange> changes,
                                    MatchingTally tally) {
        tally.services(current, baseline, rules);
        for (Matched matched : RunPairing.pair(current, baseline)) {
            ResolvedRules resolved = rules.resolve(matched.service(), matched.endpoint());
            if (resolved.ignored()) {
                continue;
            }
            tally.pair(stage, matched);
            SourcePrecision[] precision = {baseline.metadata().precision(), current.metadata().precision()};
            if (matched.covered()) {
                matched.current().ifPresent(c -> addLimitChecks(stage, matched, c, resolved, precision, comparisons));
            } else if (matched.bothSides()) {
                addComparisons(stage, matched, resolved, precision, comparisons);
            } else {
                changes.add(matched.change(stage));
                matched.current().ifPresent(c -> addLimitChecks(stage, matched, c, resolved, precision, comparisons));
            }
        }
    }

    private static void addComparisons(Optional<String> stage, Matched matched, ResolvedRules resolved,
                                       SourcePrecision[] precision, List<MetricComparison> out) {
        EndpointStats baseline = matched.baseline().orElseThrow();
        EndpointStats current = matched.current().orElseThrow();
        for (Metric metric : Metric.values()) {
            if (metric.valueOf(baseline).isEmpty() && metric.valueOf(current).isEmpty()) {
                continue; // neither run has it (e.g. percentiles of a combined total): nothing to report
            }
            resolved.rule(metric).ifPresent(rule -> out.add(new MetricComparison(stage, matched.service(),
                    matched.endpoint(), metric, rule, baseline, current, precision[0], precision[1])));
        }
    }

    /**
     * A new endpoint has no baseline, but an absolute limit (an SLO) applies whatever the baseline says:
     * its limited metrics are checked against an empty baseline side.
     */
    private static void addLimitChecks(Optional<String> stage, Matched matched, EndpointStats current, ResolvedRules resolved,
                                       SourcePrecision[] precision, List<MetricComparison> out) {
        EndpointStats absent = new EndpointStats(current.id(), 0, 0, new java.util.TreeMap<>(),
                java.util.OptionalDouble.empty(), dev.loadverdict.model.LatencyStats.empty(), java.util.Optional.empty(),
                java.util.Optional.empty());
        for (Metric metric : Metric.values()) {
            resolved.rule(metric).filter(EffectiveRule::hasLimit).filter(rule -> metric.valueOf(current).isPresent())
                    .ifPresent(rule -> out.add(new MetricComparison(stage, matched.service(), matched.endpoint(), metric,
                            rule, absent, current, precision[1], precision[1])));
        }
    }

    private List<Finding> judge(List<MetricComparison> comparisons, FindingJudge.Judging judging) {
        List<Significance> significances = significance.assess(comparisons);
        if (significances.size() != comparisons.size()) {
            throw new IllegalStateException("significance assessor returned " + significances.size()
                    + " results for " + comparisons.size() + " comparisons");
        }
        List<Finding> findings = new ArrayList<>(comparisons.size());
        for (int i = 0; i < comparisons.size(); i++) {
            findings.add(FindingJudge.judge(comparisons.get(i), significances.get(i), judging));
        }
        return findings;
    }
}
