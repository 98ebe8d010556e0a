package dev.loadverdict.reporter;

import dev.loadverdict.model.scaling.ScalingCurve;
import dev.loadverdict.model.scaling.ScalingPoint;
import dev.loadverdict.model.scaling.ScalingReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The capacity-curve report's charts, per service total: throughput against load with the knee marked, p95 and p99
 * against load, and error rate against load with the onset marked; the baseline's curve dashed beneath when there is
 * one. Load on a linear axis from 0, as capacity curves are read.
 */
final class ScalingCharts {

    private static final int WIDTH = 360;
    private static final int HEIGHT = 230;
    private static final double LEFT = 56;
    private static final double TOP = 28;
    private static final double BOTTOM = HEIGHT - 34;
    private static final double PLOT = WIDTH - LEFT - 20;

    private ScalingCharts() {
    }

    static ScalingView.Html build(ScalingReport report) {
        ScalingView.Report view = ScalingViewBuilder.build(report);
        String unit = report.current().kind().unit();
        List<ScalingView.Charts> charts = new ArrayList<>();
        for (ScalingCurve cur : report.current().totals()) {
            Optional<ScalingCurve> base = report.comparison().map(c -> c.baseline()).flatMap(b -> b.curve(cur.id()));
            double maxLoad = Math.max(maxLoad(cur), base.map(ScalingCharts::maxLoad).orElse(0.0));
            String name = cur.id().service();
            charts.add(new ScalingView.Charts(UntrustedText.tidy(name),
                    chart(name + ": throughput (req/s) by load", unit, maxLoad, cur, base,
                            List.of(new Series("ok req/s", ScalingPoint::okThroughput, "curve-current"),
                                    new Series("req/s", ScalingPoint::throughput, "curve-all")),
                            cur.knee().load(), base.flatMap(b -> asOptional(b.knee().load())), "knee", " req/s"),
                    chart(name + ": p95 and p99 (ms) by load", unit, maxLoad, cur, base,
                            List.of(new Series("p95", ScalingPoint::p95, "curve-current"),
                                    new Series("p99", ScalingPoint::p99, "curve-p99")),
                            OptionalDouble.empty(), Optional.empty(), "", " ms"),
                    chart(name + ": error rate (%) by load", unit, maxLoad, cur, base,
                            List.of(new Series("error rate", ScalingPoint::errorRatePercent, "curve-current")),
                            cur.errorOnset(), base.flatMap(b -> asOptional(b.errorOnset())), "errors begin", "%")));
        }
        return new ScalingView.Html(view, charts);
    }

    private record Series(String name, Function<ScalingPoint, OptionalDouble> value, String cssClass) {
    }

    private static View.Svg chart(String title, String unit, double maxLoad, ScalingCurve cur, Optional<ScalingCurve> base,
                                  List<Series> series, OptionalDouble mark, Optional<Double> baseMark, String markName,
                                  String valueUnit) {
        double max = 0;
        for (Series s : series) {
            max = Math.max(max, maxOf(cur, s));
            if (base.isPresent()) {
                max = Math.max(max, maxOf(base.get(), s));
            }
        }
        double yMax = max > 0 ? max * 1.1 : 1;
        SvgChart chart = new SvgChart(title, WIDTH, HEIGHT);
        chart.text(4, 14, "start", "title", title);
        chart.line(LEFT, TOP, LEFT, BOTTOM, "axis").line(LEFT, BOTTOM, WIDTH - 10, BOTTOM, "axis");
        chart.text(LEFT - 4, TOP + 4, "end", "tick", format(yMax));
        chart.text(LEFT - 4, BOTTOM, "end", "tick", "0");
        for (ScalingPoint p : cur.points()) {
            double x = x(p.load(), maxLoad);
            chart.line(x, BOTTOM, x, BOTTOM + 4, "axis");
            chart.text(x, BOTTOM + 15, "middle", "tick", ScalingViewBuilder.load(p.load()));
        }
        chart.text(WIDTH - 10, BOTTOM + 29, "end", "tick", unit);
        baseMark.ifPresent(m -> marker(chart, x(m, maxLoad), "mark-baseline", "baseline " + markName + " at "
                + ScalingViewBuilder.load(m) + " " + unit));
        if (mark.isPresent()) {
            marker(chart, x(mark.getAsDouble(), maxLoad), "mark-current", markName + " at "
                    + ScalingViewBuilder.load(mark.getAsDouble()) + " " + unit);
            chart.text(x(mark.getAsDouble(), maxLoad) + 3, TOP + 10, "start", "mark", markName);
        }
        for (Series s : series) {
            base.ifPresent(b -> chart.polyline(points(b, s, maxLoad, yMax), "curve-baseline",
                    "baseline " + s.name()));
            chart.polyline(points(cur, s, maxLoad, yMax), s.cssClass(), s.name());
            for (ScalingPoint p : cur.points()) {
                OptionalDouble v = s.value().apply(p);
                if (v.isPresent()) {
                    chart.rect(x(p.load(), maxLoad) - 2.5, y(v.getAsDouble(), yMax) - 2.5, 5, 5, "dot",
                            s.name() + " at " + ScalingViewBuilder.load(p.load()) + " " + unit + ": "
                                    + format(v.getAsDouble()) + valueUnit);
                }
            }
        }
        return chart.build();
    }

    private static void marker(SvgChart chart, double x, String cssClass, String tooltip) {
        chart.rect(x - 1, TOP, 2, BOTTOM - TOP, cssClass, tooltip);
    }

    private static List<double[]> points(ScalingCurve c, Series s, double maxLoad, double yMax) {
        List<double[]> out = new ArrayList<>();
        for (ScalingPoint p : c.points()) {
            OptionalDouble v = s.value().apply(p);
            if (v.isPresent()) {
                out.add(new double[] {x(p.load(), maxLoad), y(v.getAsDouble(), yMax)});
            }
        }
        return out;
    }

    private static double x(double load, double maxLoad) {
        return LEFT + (maxLoad > 0 ? load / maxLoad * PLOT : 0);
    }

    private static double y(double value, double yMax) {
        return BOTTOM - value / yMax * (BOTTOM - TOP);
    }

    private static double maxOf(ScalingCurve c, Series s) {
        return c.points().stream().map(s.value()).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).max().orElse(0);
    }

    private static double maxLoad(ScalingCurve c) {
        return c.points().get(c.points().size() - 1).load();
    }

    private static Optional<Double> asOptional(OptionalDouble v) {
        return v.isPresent() ? Optional.of(v.getAsDouble()) : Optional.empty();
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }
}
