package dev.loadverdict.reporter;

import dev.loadverdict.model.EncodedHistogram;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.TimeSeries;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The HTML report's view: the same {@link View.Report} the other formats read, plus per service the charts — baseline
 * vs current p50/p95/p99 and error rate per endpoint, the latency percentile curves from the histograms (log-scale
 * percentile axis, as HdrHistogram plots are read) and the p95 over time — computed here as SVG primitives.
 * Curves and time series need the runs; a comparison re-rendered from its JSON has only the findings' numbers.
 */
final class HtmlViewBuilder {

    static final int WIDTH = 760;
    static final int LABEL = 250;
    static final int MAX_CURVES = 8;
    private static final double[] CURVE_TICKS = {0, 50, 90, 99, 99.9, 99.99};

    private HtmlViewBuilder() {
    }

    static View.Html build(Comparison comparison, Optional<Run> current, Optional<Run> baseline) {
        return build(comparison, current, baseline, List.of());
    }

    static View.Html build(Comparison comparison, Optional<Run> current, Optional<Run> baseline, List<Run> history) {
        View.Report report = ViewBuilder.build(comparison);
        Map<String, List<Finding>> byScope = new LinkedHashMap<>();
        comparison.findings().forEach(f -> byScope.computeIfAbsent(f.scopeLabel(), k -> new ArrayList<>()).add(f));
        List<View.ServiceCharts> charts = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> scope : byScope.entrySet()) {
            Finding first = scope.getValue().get(0);
            Optional<ServiceStats> cur = current.flatMap(r -> service(r, first.stage(), first.service()));
            Optional<ServiceStats> base = baseline.flatMap(r -> service(r, first.stage(), first.service()));
            List<View.Svg> curves = new ArrayList<>();
            for (String endpoint : curveEndpoints(scope.getValue())) {
                Optional<EndpointStats> c = cur.flatMap(s -> endpoint(s, endpoint));
                Optional<EndpointStats> b = base.flatMap(s -> endpoint(s, endpoint));
                if (curves.size() < MAX_CURVES && c.flatMap(EndpointStats::histogram).isPresent()
                        && b.flatMap(EndpointStats::histogram).isPresent()) {
                    curve(endpoint, b.get().histogram().get(), c.get().histogram().get()).ifPresent(curves::add);
                }
            }
            Optional<TimeSeries> series = cur.flatMap(s -> s.total().timeSeries())
                    .filter(ts -> ts.points().stream().anyMatch(p -> p.p95().isPresent()));
            Optional<View.Svg> timeline = series
                    .map(ts -> timeline(scope.getKey(), ts, base.flatMap(s -> s.total().timeSeries())));
            List<View.Svg> trend = new ArrayList<>(timeline.stream().toList());
            trend(first, history, cur).ifPresent(trend::add);
            String note = cur.isEmpty() || series.isPresent() ? "" : cur.get().total().timeSeries().isPresent()
                    ? "No p95 over time: this source records requests over time but no p95 of the moment"
                    + " (Locust writes one only with --csv-full-history)."
                    : "No p95 over time: this source has no time series (it holds the run's aggregates only).";
            charts.add(new View.ServiceCharts(UntrustedText.tidy(scope.getKey()), latency(scope.getValue()),
                    errors(scope.getValue()), curves, trend, note));
        }
        boolean runs = current.isPresent() && baseline.isPresent();
        return new View.Html(report, charts, runs ? ""
                : "Percentile curves and time series need the runs: render with loadverdict compare --report html.");
    }

    private static Optional<ServiceStats> service(Run run, Optional<String> stage, String name) {
        Run r = stage.flatMap(run::stage).orElse(run);
        return r.service(name);
    }

    private static Optional<EndpointStats> endpoint(ServiceStats s, String key) {
        return key.equals(Finding.TOTAL_LABEL) ? Optional.of(s.total()) : s.endpoint(key);
    }

    /** Endpoints that need attention first, then the total, then the rest, each once. */
    private static List<String> curveEndpoints(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        findings.stream().filter(f -> f.outcome() == Outcome.REGRESSION || f.outcome() == Outcome.WITHIN_NOISE)
                .map(Finding::endpointLabel).forEach(e -> addOnce(out, e));
        addOnce(out, Finding.TOTAL_LABEL);
        findings.stream().map(Finding::endpointLabel).forEach(e -> addOnce(out, e));
        return out;
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** Horizontal bars: per endpoint, p50, p95 and p99 of baseline and current. */
    private static View.Svg latency(List<Finding> findings) {
        List<Object[]> rows = new ArrayList<>(); // {label, baseline, current}
        for (Finding f : findings) {
            if (f.metric() == Metric.P50 || f.metric() == Metric.P95 || f.metric() == Metric.P99) {
                rows.add(new Object[] {f.endpointLabel() + " " + f.metric().key(), f.baseline(), f.current()});
            }
        }
        return bars("Latency percentiles (ms): baseline and current", rows, "ms");
    }

    private static View.Svg errors(List<Finding> findings) {
        List<Object[]> rows = new ArrayList<>();
        for (Finding f : findings) {
            if (f.metric() == Metric.ERROR_RATE) {
                rows.add(new Object[] {f.endpointLabel(), f.baseline(), f.current()});
            }
        }
        return bars("Error rate (%): baseline and current", rows, "%");
    }

    private static View.Svg bars(String title, List<Object[]> rows, String unit) {
        int rowHeight = 22;
        int height = 30 + Math.max(1, rows.size()) * rowHeight;
        double max = 0;
        for (Object[] r : rows) {
            max = Math.max(max, Math.max(((OptionalDouble) r[1]).orElse(0), ((OptionalDouble) r[2]).orElse(0)));
        }
        double scale = max > 0 ? (WIDTH - LABEL - 90) / max : 0;
        SvgChart chart = new SvgChart(title, WIDTH, height);
        chart.text(4, 14, "start", "title", title);
        if (rows.isEmpty()) {
            chart.text(LABEL, 40, "start", "muted", "no values on both sides");
        }
        double y = 26;
        for (Object[] r : rows) {
            OptionalDouble b = (OptionalDouble) r[1];
            OptionalDouble c = (OptionalDouble) r[2];
            chart.text(LABEL - 6, y + 13, "end", "label", (String) r[0]);
            String tip = UntrustedText.tidy((String) r[0]) + ": baseline " + value(b, unit) + ", current " + value(c, unit);
            chart.rect(LABEL, y + 2, b.orElse(0) * scale, 8, "bar-baseline", tip);
            chart.rect(LABEL, y + 11, c.orElse(0) * scale, 8, "bar-current", tip);
            chart.text(LABEL + c.orElse(0) * scale + 4, y + 19, "start", "value", value(c, unit));
            y += rowHeight;
        }
        chart.line(LABEL, 24, LABEL, height - 2, "axis");
        return chart.build();
    }

    private static String value(OptionalDouble v, String unit) {
        return v.isPresent() ? String.format(Locale.ROOT, v.getAsDouble() >= 100 ? "%.0f %s" : "%.1f %s", v.getAsDouble(), unit) : "–";
    }

    /** The latency by percentile of both runs, percentile axis in log scale of 1 / (1 − p). */
    private static Optional<View.Svg> curve(String endpoint, EncodedHistogram baseline, EncodedHistogram current) {
        Optional<Histogram> b = decode(baseline);
        Optional<Histogram> c = decode(current);
        if (b.isEmpty() || c.isEmpty() || b.get().getTotalCount() == 0 || c.get().getTotalCount() == 0) {
            return Optional.empty();
        }
        int width = 360;
        int height = 220;
        double left = 50;
        double bottom = height - 30;
        double top = 28;
        double plotWidth = width - left - 28; // room for the last tick's label
        double maxX = 4; // 99.99th percentile
        double maxMs = Math.max(b.get().getMaxValue(), c.get().getMaxValue()) / 1000.0;
        double yScale = maxMs > 0 ? (bottom - top) / maxMs : 0;
        SvgChart chart = new SvgChart(endpoint, width, height);
        chart.text(4, 14, "start", "title", endpoint);
        chart.line(left, top, left, bottom, "axis").line(left, bottom, width - 10, bottom, "axis");
        for (double tick : CURVE_TICKS) {
            double x = left + Math.log10(1 / (1 - tick / 100)) / maxX * plotWidth;
            chart.line(x, bottom, x, bottom + 4, "axis");
            chart.text(x, bottom + 16, "middle", "tick", tick == 0 ? "0" : (tick == Math.rint(tick) ? String.format(Locale.ROOT, "%.0f", tick)
                    : String.valueOf(tick)));
        }
        chart.text(left - 4, top + 4, "end", "tick", String.format(Locale.ROOT, "%.0f ms", maxMs));
        chart.text(left - 4, bottom, "end", "tick", "0");
        chart.polyline(points(b.get(), left, bottom, plotWidth, maxX, yScale), "curve-baseline", UntrustedText.tidy(endpoint) + ": baseline");
        chart.polyline(points(c.get(), left, bottom, plotWidth, maxX, yScale), "curve-current", UntrustedText.tidy(endpoint) + ": current");
        return Optional.of(chart.build());
    }

    private static List<double[]> points(Histogram h, double left, double bottom, double plotWidth, double maxX, double yScale) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i <= 80; i++) {
            double x = maxX * i / 80;
            double percentile = 100 * (1 - Math.pow(10, -x));
            double ms = h.getValueAtPercentile(percentile) / 1000.0;
            points.add(new double[] {left + x / maxX * plotWidth, bottom - ms * yScale});
        }
        return points;
    }

    /** The p95 of each interval over time, current and baseline, from each run's start. */
    private static View.Svg timeline(String scope, TimeSeries current, Optional<TimeSeries> baseline) {
        int height = 200;
        double left = 50;
        double bottom = height - 30;
        double top = 28;
        double plotWidth = WIDTH - left - 12;
        double span = Math.max(seconds(current), baseline.map(HtmlViewBuilder::seconds).orElse(0.0));
        double max = Math.max(maxP95(current), baseline.map(HtmlViewBuilder::maxP95).orElse(0.0));
        SvgChart chart = new SvgChart(UntrustedText.tidy(scope) + ": p95 over time", WIDTH, height);
        chart.text(4, 14, "start", "title", "p95 over time (ms), from each run's start");
        chart.line(left, top, left, bottom, "axis").line(left, bottom, WIDTH - 10, bottom, "axis");
        chart.text(left - 4, top + 4, "end", "tick", String.format(Locale.ROOT, "%.0f", max));
        chart.text(WIDTH - 10, bottom + 16, "end", "tick", String.format(Locale.ROOT, "%.0f s", span));
        baseline.ifPresent(b -> chart.polyline(series(b, left, bottom, top, plotWidth, span, max), "curve-baseline", "baseline"));
        chart.polyline(series(current, left, bottom, top, plotWidth, span, max), "curve-current", "current");
        return chart.build();
    }

    /** The service total's p95 across the suite's recorded runs, the current run last (marked). */
    private static Optional<View.Svg> trend(Finding scope, List<Run> history, Optional<ServiceStats> current) {
        List<Double> values = new ArrayList<>();
        for (Run r : history) {
            service(r, scope.stage(), scope.service()).flatMap(s -> asOptional(s.total().latency().percentile(95))).ifPresent(values::add);
        }
        if (values.size() < 2) {
            return Optional.empty();
        }
        Optional<Double> now = current.flatMap(s -> asOptional(s.total().latency().percentile(95)));
        List<Double> all = new ArrayList<>(values);
        now.ifPresent(all::add);
        int height = 160;
        double left = 50;
        double bottom = height - 26;
        double top = 28;
        double plotWidth = WIDTH - left - 20;
        double max = all.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        SvgChart chart = new SvgChart(UntrustedText.tidy(scope.scopeLabel()) + ": p95 trend", WIDTH, height);
        chart.text(4, 14, "start", "title", "p95 of the total across the suite's " + values.size() + " recorded runs"
                + (now.isPresent() ? ", this run last" : "") + " (ms)");
        chart.line(left, top, left, bottom, "axis").line(left, bottom, WIDTH - 10, bottom, "axis");
        chart.text(left - 4, top + 4, "end", "tick", String.format(Locale.ROOT, "%.0f", max));
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            double x = left + (all.size() == 1 ? 0 : i * plotWidth / (all.size() - 1));
            points.add(new double[] {x, bottom - all.get(i) / max * (bottom - top)});
        }
        chart.polyline(points.subList(0, values.size()), "curve-baseline", "recorded runs");
        if (now.isPresent()) {
            double[] last = points.get(points.size() - 1);
            chart.polyline(points.subList(values.size() - 1, points.size()), "curve-current", "this run");
            chart.rect(last[0] - 3, last[1] - 3, 6, 6, "bar-current", String.format(Locale.ROOT, "this run: %.1f ms", now.get()));
        }
        return Optional.of(chart.build());
    }

    private static Optional<Double> asOptional(OptionalDouble v) {
        return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
    }

    private static double seconds(TimeSeries ts) {
        if (ts.points().isEmpty()) {
            return 0;
        }
        return (ts.points().get(ts.points().size() - 1).start().toEpochMilli() - ts.points().get(0).start().toEpochMilli()) / 1000.0
                + ts.interval().toMillis() / 1000.0;
    }

    private static double maxP95(TimeSeries ts) {
        return ts.points().stream().mapToDouble(p -> p.p95().orElse(0)).max().orElse(0);
    }

    private static List<double[]> series(TimeSeries ts, double left, double bottom, double top, double plotWidth, double span, double max) {
        List<double[]> points = new ArrayList<>();
        if (ts.points().isEmpty() || span <= 0 || max <= 0) {
            return points;
        }
        long start = ts.points().get(0).start().toEpochMilli();
        for (TimeSeries.Point p : ts.points()) {
            if (p.p95().isPresent()) {
                double x = left + (p.start().toEpochMilli() - start) / 1000.0 / span * plotWidth;
                points.add(new double[] {x, bottom - p.p95().getAsDouble() / max * (bottom - top)});
            }
        }
        return points;
    }

    private static Optional<Histogram> decode(EncodedHistogram encoded) {
        try {
            return Optional.of(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded.compressedV2()), 0));
        } catch (java.util.zip.DataFormatException | RuntimeException e) {
            return Optional.empty(); // a damaged histogram costs its chart, not the report
        }
    }
}
