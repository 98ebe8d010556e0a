package dev.loadverdict.reporter;

import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.compare.AppliedRule;
import dev.loadverdict.model.compare.BaselineRef;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.EndpointChange;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.compare.Significance;
import dev.loadverdict.model.compare.Verdict;
import dev.loadverdict.model.config.Conditions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Comparisons built by hand, and a small builder for findings. */
final class Fixtures {
    /** An endpoint name written to break tables, inject HTML and mention someone. */
    static final String HOSTILE_ENDPOINT = "GET /x|y <script>@octocat";
    static final String HOSTILE_NEW_ENDPOINT = "POST /admin\u001B[31m **bold** [link](http://evil) #1\n# title";
    static final String HOSTILE_SOURCE = "results/`rm -rf ~`_stats.csv";

    private Fixtures() {
    }

    /**
     * Every outcome, both severities, a limit breach, a zero baseline, a throughput drop, new and missing
     * endpoints and hostile names: the comparison the golden files show.
     */
    static Comparison full() {
        List<Finding> findings = new ArrayList<>();
        findings.add(finding("checkout", "GET /cart", Metric.P95).values(120, 180, 60, 50)
                .regression(Severity.CRITICAL, "critical: +50.0% > 25%", "critical: +60 ms > 20 ms").build());
        findings.add(finding("checkout", "GET /cart", Metric.P99).values(300, 320, 20, 6.67)
                .outcome(Outcome.WORSE_WITHIN_THRESHOLD).build());
        findings.add(finding("checkout", "GET /cart", Metric.THROUGHPUT).values(50, 65, -15, -30)
                .rule(block(10, null, null), block(30, null, null)).outcome(Outcome.IMPROVEMENT).build());
        findings.add(finding("checkout", "POST /order", Metric.ERROR_RATE).values(0.1, 0.45, 0.35, 350)
                .rule(block(null, 0.2, null), block(null, 0.5, null))
                .significance(new Significance(Significance.Status.SIGNIFICANT, OptionalDouble.of(0.003),
                        "Fisher exact, one-sided", ""))
                .regression(Severity.WARNING, "warning: +0.35 pp > 0.2 pp").build());
        findings.add(finding("checkout", null, Metric.P95).values(110, 112, 2, 1.82).build());
        findings.add(finding("checkout", "GET /search", Metric.P95).values(40.25, 40.5, 0.25, 0.62).build());
        findings.add(finding("checkout", HOSTILE_ENDPOINT, Metric.P95).values(20, 26.5, 6.5, 32.5)
                .regression(Severity.WARNING, "warning: +32.5% > 10%", "warning: +6.5 ms > 5 ms").build());
        findings.add(finding("payments", "POST /pay", Metric.P95).values(80, 140, 60, 75)
                .rule(block(10, null, null), block(null, null, 100.0))
                .regression(Severity.CRITICAL, "critical: 140 ms > limit 100 ms").build());
        findings.add(finding("payments", "GET /status", Metric.ERROR_RATE).values(0, 1.5, 1.5, null)
                .rule(block(null, 0.2, null), block(null, 0.5, null))
                .regression(Severity.WARNING, "warning: +1.5 pp > 0.2 pp (baseline 0)").build());
        findings.add(finding("payments", null, Metric.THROUGHPUT).values(200, 150, 50, 25)
                .rule(block(20, null, null), block(40, null, 50.0))
                .regression(Severity.WARNING, "warning: -25.0% < -20%").build());
        findings.add(finding("payments", "GET /refund", Metric.P99).values(90, null, null, null)
                .outcome(Outcome.NOT_COMPARABLE).build());
        findings.add(finding("payments", "GET /refund", Metric.P95).values(1234.5, 1180, -54.5, -4.41).build());
        List<EndpointChange> changes = List.of(
                new EndpointChange("checkout", "GET /wishlist", EndpointChange.Kind.NEW, 1250),
                new EndpointChange("payments", HOSTILE_NEW_ENDPOINT, EndpointChange.Kind.NEW, 1),
                new EndpointChange("payments", "DELETE /card", EndpointChange.Kind.MISSING, 87));
        return comparison(findings, changes);
    }

    /** Nothing worse: a PASS. */
    static Comparison passing() {
        return comparison(List.of(
                finding("api", "GET /health", Metric.P95).values(5, 4.9, -0.1, -2).build(),
                finding("api", "GET /items", Metric.P95).values(50, 30, -20, -40).outcome(Outcome.IMPROVEMENT)
                        .build()), List.of());
    }

    static Comparison comparison(List<Finding> findings, List<EndpointChange> changes) {
        Severity worst = findings.stream().map(Finding::severity).max(Severity::compareTo).orElse(Severity.NONE);
        return new Comparison(currentRun(), baseline(), Optional.of("loadverdict.yml"), findings, changes,
                Verdict.of(worst));
    }

    static RunMetadata currentRun() {
        return RunMetadata.of(Tool.LOCUST, Optional.of("2.24.1"),
                List.of(HOSTILE_SOURCE, "results/run_stats_history.csv", "results/run_failures.csv",
                        "results/run_exceptions.csv", "results/run_extra.csv"),
                SourcePrecision.locust());
    }

    static BaselineRef baseline() {
        RunMetadata run = RunMetadata.of(Tool.LOCUST, Optional.of("2.20.0"), List.of("old/run_stats.csv"),
                SourcePrecision.locust());
        Baseline.Provenance provenance = new Baseline.Provenance(
                Optional.of("9f1c2ab4d5e6f708192a3b4c5d6e7f8091a2b3c4"), Optional.of("main"),
                Optional.empty(), Optional.of("promoted after the 1.4 release"));
        return new BaselineRef("baselines/checkout", 3, Instant.parse("2024-05-01T10:15:30Z"), provenance, run);
    }

    static Optional<Conditions> block(Number relative, Number delta, Number limit) {
        return Optional.of(new Conditions(opt(relative), opt(delta), opt(limit), OptionalLong.of(100)));
    }

    static FindingBuilder finding(String service, String endpoint, Metric metric) {
        return new FindingBuilder(service, endpoint, metric);
    }

    private static OptionalDouble opt(Number value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value.doubleValue());
    }

    /** A finding with a p95-style default rule, unchanged and untestable unless told otherwise. */
    static final class FindingBuilder {
        private final String service;
        private final String endpoint;
        private final Metric metric;
        private OptionalDouble baseline = OptionalDouble.empty();
        private OptionalDouble current = OptionalDouble.empty();
        private OptionalDouble change = OptionalDouble.empty();
        private OptionalDouble relative = OptionalDouble.empty();
        private Outcome outcome = Outcome.UNCHANGED;
        private Severity severity = Severity.NONE;
        private Optional<Conditions> warning = block(10, 5, null);
        private Optional<Conditions> critical = block(25, 20, null);
        private List<String> reasons = List.of();
        private Significance significance = Significance.notTestable("aggregates only");

        private FindingBuilder(String service, String endpoint, Metric metric) {
            this.service = service;
            this.endpoint = endpoint;
            this.metric = metric;
        }

        FindingBuilder values(Number baseline, Number current, Number change, Number relative) {
            this.baseline = opt(baseline);
            this.current = opt(current);
            this.change = opt(change);
            this.relative = opt(relative);
            return this;
        }

        FindingBuilder outcome(Outcome outcome) {
            this.outcome = outcome;
            return this;
        }

        FindingBuilder regression(Severity severity, String... reasons) {
            this.outcome = Outcome.REGRESSION;
            this.severity = severity;
            this.reasons = List.of(reasons);
            return this;
        }

        FindingBuilder rule(Optional<Conditions> warning, Optional<Conditions> critical) {
            this.warning = warning;
            this.critical = critical;
            return this;
        }

        FindingBuilder significance(Significance significance) {
            this.significance = significance;
            return this;
        }

        Finding build() {
            return new Finding(service, Optional.ofNullable(endpoint), metric, baseline, current, change, relative,
                    1000, 1000, outcome, severity,
                    new AppliedRule(warning, "defaults", critical, "services." + service), reasons, significance);
        }
    }

    /** The markers the issue bot puts around a part named {@code name} (its syntax pinned here as the goldens pin it). */
    static HiddenMarkers markers(String name) {
        return new HiddenMarkers("<!-- loadverdict:" + name + ":start -->", "<!-- loadverdict:" + name + ":end -->");
    }
}
