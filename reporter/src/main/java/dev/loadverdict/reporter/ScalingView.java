package dev.loadverdict.reporter;

import java.util.List;

/**
 * The view model of the capacity-curve report ({@code loadverdict scaling}), everything formatted: a {@code String}
 * is untrusted (a service, endpoint or source name, escaped by the template's output format), a {@link Trusted} is
 * loadverdict's own text. Public records only because FreeMarker reads their accessors.
 */
final class ScalingView {
    private ScalingView() {
    }

    /**
     * The whole report.
     *
     * @param verdict {@code PASS} or {@code FAIL} against a baseline, else empty
     * @param summary one line: the first service's knee and onset, or what regressed
     * @param unit what the levels count: {@code users} or {@code arrivals/s}
     * @param levels every level and its source
     * @param totals the service totals' curves (they decide the verdict)
     * @param endpoints the endpoints' curves
     * @param changes against the baseline, one per curve both sides have (totals first); empty without a baseline
     * @param baselineLevels the baseline's levels, empty without one
     * @param definitions how the knee, the onset and a regression are defined, one sentence each
     */
    public record Report(Trusted verdict, Trusted summary, Trusted unit, List<Level> levels, List<Curve> totals,
                         List<Curve> endpoints, boolean hasBaseline, List<Change> changes, List<Level> baselineLevels,
                         List<Trusted> definitions) {
    }

    /** A level and where it was read from. */
    public record Level(Trusted load, String source) {
    }

    /**
     * One curve: a service total ({@code endpoint} is {@code (total)}) or an endpoint.
     *
     * @param knee where throughput stops growing, in words ({@code 20 users}, {@code not reached up to 50 users})
     * @param onset where errors begin, in words
     */
    public record Curve(String service, String endpoint, Trusted knee, Trusted onset, List<Row> rows) {
    }

    /**
     * One level of a curve; {@code okThroughput} counts successful requests only (the knee's measure); growth is the
     * percentile as a multiple of the lowest level's ({@code ×2.4}).
     *
     * @param mark {@code knee}, {@code onset}, {@code knee, onset} or empty
     */
    public record Row(Trusted load, Trusted requests, Trusted throughput, Trusted okThroughput, Trusted p50, Trusted p95, Trusted p95Growth,
                      Trusted p99, Trusted p99Growth, Trusted errorRate, Trusted mark) {
    }

    /**
     * A curve against the baseline's.
     *
     * @param knee {@code 40 → 20 users}
     * @param onset {@code none up to 50 → 20 users}
     * @param outcome {@code regression}, {@code regression (endpoint, not failed)} or {@code ok}
     * @param reasons why it is a regression, one sentence each
     */
    public record Change(String service, String endpoint, Trusted knee, Trusted onset, Trusted outcome,
                         List<Trusted> reasons, List<LevelRow> levels) {
    }

    /** One level both curves measured; throughputs count successful requests. */
    public record LevelRow(Trusted load, Trusted baselineThroughput, Trusted currentThroughput, Trusted throughputChange,
                           Trusted baselineP95, Trusted currentP95, Trusted p95Change, Trusted mark) {
    }

    /** The HTML report: the report and, per service total, its three charts. */
    public record Html(Report report, List<Charts> charts) {
    }

    /** The charts of one service total: throughput, p95/p99 and error rate against load. */
    public record Charts(String service, View.Svg throughput, View.Svg latency, View.Svg errors) {
    }
}
