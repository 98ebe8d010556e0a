package dev.loadverdict.reporter;

import dev.loadverdict.model.Direction;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.NoiseBands;
import dev.loadverdict.model.history.Acknowledgement;
import dev.loadverdict.model.history.ChangePoint;
import dev.loadverdict.model.history.HistoryAnalysis;
import dev.loadverdict.model.history.MetricChanges;
import dev.loadverdict.model.history.RunRef;

import org.apache.commons.statistics.descriptive.Median;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The trend page's view: per endpoint and service total a summary row, ordered so that what needs a look comes first
 * (pending change points, then change points in the newest segment, then older ones, then the steady rest), and the
 * data the page's script draws each row's charts from.
 */
final class TrendViewBuilder {

    /** The metrics the page charts, in the order it charts them. */
    static final List<Metric> METRICS = List.of(Metric.P50, Metric.P95, Metric.P99, Metric.ERROR_RATE, Metric.THROUGHPUT);
    /** How many points a sparkline has at most: the p95 of each slice of runs is its median. */
    static final int SPARK_POINTS = 100;
    private static final List<String> GROUPS = List.of("pending", "current", "older", "none");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private TrendViewBuilder() {
    }

    /** An endpoint or total with its series and change points. */
    private record Entry(String service, Optional<String> endpoint, Map<Metric, TrendInput.Series> series,
                         Map<Metric, MetricChanges> changes, String group, int newestStep, int points) {
    }

    static View.Trend build(TrendInput input) {
        List<Entry> entries = entries(input);
        List<View.TrendRow> rows = new ArrayList<>();
        boolean opened = false;
        for (int i = 0; i < entries.size(); i++) {
            boolean open = !opened && !entries.get(i).group().equals("none");
            opened |= open;
            rows.add(row(i, entries.get(i), open));
        }
        long changed = entries.stream().filter(e -> !e.group().equals("none")).count();
        long pending = entries.stream().filter(e -> e.group().equals("pending")).count();
        String counts = Labels.plural(entries.size(), "endpoint or service total", "endpoints and service totals") + ", "
                + changed + " with change points" + (pending > 0 ? ", " + pending + " of them pending" : "");
        List<View.TrendAcknowledgement> acks = input.analysis().acknowledgements().stream()
                .map(a -> new View.TrendAcknowledgement(a.at().label(), UntrustedText.tidy(a.note(),
                        UntrustedText.SENTENCE_CODE_POINTS), ValueFormatter.dateTime(a.acknowledged())))
                .toList();
        return new View.Trend(UntrustedText.tidy(input.suite()), runs(input.runs()), band(input.noise()), counts,
                input.analysis().notes().stream().map(n -> UntrustedText.tidy(n, UntrustedText.SENTENCE_CODE_POINTS)).toList(),
                acks, rows, data(input, entries));
    }

    private static List<Entry> entries(TrendInput input) {
        Map<List<Object>, Map<Metric, TrendInput.Series>> byEndpoint = new LinkedHashMap<>();
        for (TrendInput.Series s : input.series()) {
            if (METRICS.contains(s.metric())) {
                byEndpoint.computeIfAbsent(List.of(s.service(), s.endpoint()), k -> new EnumMap<>(Metric.class)).put(s.metric(), s);
            }
        }
        Map<List<Object>, Map<Metric, MetricChanges>> changes = new HashMap<>();
        for (MetricChanges c : input.analysis().series()) {
            changes.computeIfAbsent(List.of(c.service(), c.endpoint()), k -> new EnumMap<>(Metric.class)).put(c.metric(), c);
        }
        int since = input.analysis().since().map(RunRef::version).orElse(1);
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<List<Object>, Map<Metric, TrendInput.Series>> e : byEndpoint.entrySet()) {
            Map<Metric, MetricChanges> c = changes.getOrDefault(e.getKey(), Map.of());
            List<ChangePoint> points = c.values().stream().flatMap(m -> m.changePoints().stream()).toList();
            String group = points.stream().anyMatch(p -> p.status() == ChangePoint.Status.PENDING) ? "pending"
                    : points.stream().anyMatch(p -> p.lastBefore().version() >= since) ? "current"
                    : points.isEmpty() ? "none" : "older";
            int newest = points.stream().mapToInt(p -> p.at().version()).max().orElse(0);
            TrendInput.Series any = e.getValue().values().iterator().next();
            entries.add(new Entry(any.service(), any.endpoint(), e.getValue(), c, group, newest, points.size()));
        }
        // a stable sort: within a group the newest step first, then the most change points, then the order the series
        // first appeared in
        entries.sort(Comparator.comparingInt((Entry e) -> GROUPS.indexOf(e.group()))
                .thenComparing(Comparator.comparingInt(Entry::newestStep).reversed())
                .thenComparing(Comparator.comparingInt(Entry::points).reversed()));
        return entries;
    }

    private static View.TrendRow row(int index, Entry e, boolean open) {
        Optional<TrendInput.Series> p95 = Optional.ofNullable(e.series().get(Metric.P95));
        OptionalDouble latest = p95.map(TrendViewBuilder::newest).orElse(OptionalDouble.empty());
        Optional<NoiseBands.Band> band = p95.flatMap(TrendInput.Series::band);
        String change = ValueFormatter.MISSING;
        String direction = "";
        if (latest.isPresent() && band.isPresent() && band.get().median() != 0) {
            double delta = latest.getAsDouble() - band.get().median();
            change = ValueFormatter.relative(delta / band.get().median() * 100);
            direction = band.get().contains(latest.getAsDouble()) ? ""
                    : (delta > 0) == (Metric.P95.direction() == Direction.LOWER_IS_BETTER) ? "worse" : "better";
        }
        List<ChangePoint> points = e.changes().values().stream().flatMap(m -> m.changePoints().stream()).toList();
        long pending = points.stream().filter(p -> p.status() == ChangePoint.Status.PENDING).count();
        String count = points.size() + (pending > 0 ? " (" + pending + " pending)" : "");
        return new View.TrendRow(String.valueOf(index), UntrustedText.tidy(e.service()), label(e.endpoint()),
                ValueFormatter.value(Metric.P95.unit(), latest), change, direction, count, pending > 0, lastStep(e),
                p95.map(TrendViewBuilder::spark).orElse(""), e.group(), open);
    }

    private static String label(Optional<String> endpoint) {
        return endpoint.map(UntrustedText::tidy).orElse("(total)");
    }

    private static OptionalDouble newest(TrendInput.Series s) {
        for (int i = s.size() - 1; i >= 0; i--) {
            if (!Double.isNaN(s.value(i))) {
                return OptionalDouble.of(s.value(i));
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * The newest change point of any metric: {@code p95 +30.1% at v21 (3f9c2ab)}, pending said; of steps at the same
     * run, the p95's (the number the table shows), then the p99's, p50's, error rate's and throughput's.
     */
    private static String lastStep(Entry e) {
        Metric metric = null;
        ChangePoint newest = null;
        for (Metric m : List.of(Metric.P95, Metric.P99, Metric.P50, Metric.ERROR_RATE, Metric.THROUGHPUT)) {
            MetricChanges c = e.changes().get(m);
            if (c != null) {
                for (ChangePoint p : c.changePoints()) {
                    if (newest == null || p.at().version() > newest.at().version()) {
                        newest = p;
                        metric = m;
                    }
                }
            }
        }
        if (newest == null) {
            return "";
        }
        String amount = metric.unit() == dev.loadverdict.model.Unit.PERCENT
                ? ValueFormatter.difference(metric.unit(), newest.change())
                : newest.relativePercent().isPresent() ? ValueFormatter.relative(newest.relativePercent().getAsDouble())
                : ValueFormatter.difference(metric.unit(), newest.change());
        return Labels.metric(metric) + " " + amount + " at " + UntrustedText.tidy(newest.at().label())
                + (newest.status() == ChangePoint.Status.PENDING ? ", pending" : "");
    }

    /** The series as the points of a 100 × 20 polyline: the median of each slice of runs, gaps left out. */
    private static String spark(TrendInput.Series s) {
        int n = s.size();
        int slices = Math.min(n, SPARK_POINTS);
        double[] y = new double[slices];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < slices; k++) {
            y[k] = median(s, k * n / slices, (k + 1) * n / slices);
            if (!Double.isNaN(y[k])) {
                min = Math.min(min, y[k]);
                max = Math.max(max, y[k]);
            }
        }
        StringBuilder points = new StringBuilder();
        for (int k = 0; k < slices; k++) {
            if (!Double.isNaN(y[k])) {
                double x = slices == 1 ? 50 : k * 100.0 / (slices - 1);
                double level = max > min ? (y[k] - min) / (max - min) : 0.5;
                points.append(points.length() == 0 ? "" : " ")
                        .append(String.format(Locale.ROOT, "%.1f,%.1f", x, 19 - level * 18));
            }
        }
        return points.toString();
    }

    private static final Median MEDIAN = Median.withDefaults();

    private static double median(TrendInput.Series s, int from, int to) {
        double[] v = new double[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(s.value(i))) {
                v[n++] = s.value(i);
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return MEDIAN.evaluateRange(v, 0, n);
    }

    private static String runs(List<RunRef> runs) {
        if (runs.isEmpty()) {
            return "no recorded runs";
        }
        RunRef first = runs.get(0);
        RunRef last = runs.get(runs.size() - 1);
        return Labels.plural(runs.size(), "recorded run", "recorded runs") + ", " + UntrustedText.tidy(first.label())
                + " (" + DAY.format(first.recorded()) + ") to " + UntrustedText.tidy(last.label()) + " ("
                + DAY.format(last.recorded()) + ")";
    }

    private static String band(TrendInput.Noise noise) {
        if (noise.from().isEmpty() || noise.to().isEmpty()) {
            return "No noise bands: compare gives one once 5 runs have a value.";
        }
        return "Noise band (shaded): the one compare uses now, median ± max(" + ValueFormatter.amount(noise.k())
                + " × 1.4826 × MAD, one quantisation step of the source) of the " + noise.runs() + " runs v"
                + noise.from().get().version() + "–v" + noise.to().get().version() + " (regressed runs left out).";
    }

    /** The page's data; the rows in the order of the table, each with its five metrics (null where it has none). */
    private static ScriptJson data(TrendInput input, List<Entry> entries) {
        TrendJson json = new TrendJson();
        json.open('{').name("suite").text(input.suite());
        json.name("metrics").open('[');
        for (Metric m : METRICS) {
            json.open('{').name("key").text(Labels.metric(m)).name("unit").text(m.unit().symbol())
                    .name("higherIsBetter").integer(m.direction() == Direction.HIGHER_IS_BETTER ? 1 : 0).close('}');
        }
        json.close(']');
        Map<Integer, Integer> index = new HashMap<>();
        json.name("runs").open('{').name("v").open('[');
        for (int i = 0; i < input.runs().size(); i++) {
            index.put(input.runs().get(i).version(), i);
            json.integer(input.runs().get(i).version());
        }
        json.close(']').name("c").open('[');
        input.runs().forEach(r -> json.text(r.shortCommit().orElse("")));
        json.close(']').name("t").open('[');
        input.runs().forEach(r -> json.text(MINUTE.format(r.recorded())));
        json.close(']').close('}');
        json.name("band");
        if (input.noise().from().isPresent() && input.noise().to().isPresent()) {
            json.open('[').integer(index.getOrDefault(input.noise().from().get().version(), 0))
                    .integer(index.getOrDefault(input.noise().to().get().version(), input.runs().size() - 1)).close(']');
        } else {
            json.nothing();
        }
        json.name("acks").open('[');
        for (Acknowledgement a : input.analysis().acknowledgements()) {
            Integer at = index.get(a.at().version());
            if (at != null) {
                json.open('{').name("i").integer(at).name("note").text(a.note()).close('}');
            }
        }
        json.close(']');
        json.name("rows").open('[');
        for (Entry e : entries) {
            json.open('{').name("s").text(e.service()).name("e");
            if (e.endpoint().isPresent()) {
                json.text(e.endpoint().get());
            } else {
                json.nothing();
            }
            json.name("m").open('[');
            for (Metric m : METRICS) {
                metric(json, e.series().get(m), e.changes().get(m), index);
            }
            json.close(']').close('}');
        }
        return json.close(']').close('}').build();
    }

    private static void metric(TrendJson json, TrendInput.Series series, MetricChanges changes, Map<Integer, Integer> index) {
        if (series == null) {
            json.nothing();
            return;
        }
        json.open('{').name("v").open('[');
        for (int i = 0; i < series.size(); i++) {
            json.value(series.value(i));
        }
        json.close(']').name("b");
        if (series.band().isPresent()) {
            json.open('[').value(series.band().get().median()).value(series.band().get().halfWidth()).close(']');
        } else {
            json.nothing();
        }
        json.name("cp").open('[');
        for (ChangePoint p : changes == null ? List.<ChangePoint>of() : changes.changePoints()) {
            Integer before = index.get(p.lastBefore().version());
            Integer at = index.get(p.at().version());
            if (before != null && at != null) {
                json.open('[').integer(before).integer(at).value(p.before()).value(p.after()).value(p.pValue())
                        .integer(p.status() == ChangePoint.Status.PENDING ? 1 : 0).close(']');
            }
        }
        json.close(']').close('}');
    }
}
