package dev.loadverdict.baselines;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.TerminalText;
import dev.loadverdict.model.compare.NoiseBands;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** How {@code baseline history} and {@code baseline show} print a suite's history and a baseline: a terminal table, CSV or JSON. */
public final class HistoryView {

    private HistoryView() {
    }

    /**
     * @param latest the suite's newest run: its source's rounding sets the band's least width, as the compared run's
     *               does in {@code compare}
     * @param k the band's half-width in robust standard deviations ({@code --noise-k})
     */
    public static String text(MetricHistory history, String suite, String service, String endpoint, Baseline latest, double k) {
        Metric metric = history.metric();
        Table shown = history.table().copy();
        DoubleColumn values = shown.doubleColumn("value");
        StringColumn formatted = StringColumn.create(metric.key());
        for (int i = 0; i < values.size(); i++) {
            formatted.append(values.isMissing(i) ? "-" : value(metric, values.getDouble(i)));
        }
        shown.replaceColumn("value", formatted);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %s of %s %s, %d run%s%n", suite, metric.key(), TerminalText.oneLine(service),
                endpoint == null ? "(total)" : TerminalText.oneLine(endpoint), values.size(), values.size() == 1 ? "" : "s"));
        out.append(shown.printAll()).append('\n');
        out.append("trend   ").append(history.sparkline()).append('\n');
        out.append("median  ").append(value(metric, history.median().getAsDouble())).append('\n');
        out.append("MAD     ").append(value(metric, history.mad().getAsDouble())).append('\n');
        Optional<NoiseBands.Band> band = NoiseBandCalculator.band(history, latest.run(), k);
        if (band.isPresent()) {
            out.append("noise   ±").append(value(metric, band.get().halfWidth())).append(" around the median (max of ")
                    .append(number(k)).append(" × 1.4826 × MAD and one quantisation step of the source): the band compare uses\n");
        } else {
            out.append("noise   no band yet: it needs ").append(NoiseBandCalculator.MIN_RUNS).append(" runs with this value, the history has ")
                    .append(history.values().length).append(" (record runs with: loadverdict baseline record RUN --suite ")
                    .append(suite).append(")\n");
        }
        return out.toString();
    }

    /** {@code k} as written: 3, not 3.0. */
    public static String number(double k) {
        return k == Math.rint(k) ? String.valueOf((long) k) : String.valueOf(k);
    }

    /** The history as CSV: version, recorded, commit, requests, value. */
    public static String csv(MetricHistory history) {
        java.io.StringWriter csv = new java.io.StringWriter();
        history.table().write().csv(csv);
        return csv.toString();
    }

    public static String json(MetricHistory history, String suite, String service, String endpoint, Baseline latest, double k) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("suite", suite);
        root.put("service", service);
        if (endpoint != null) {
            root.put("endpoint", endpoint);
        }
        root.put("metric", history.metric().key());
        root.put("unit", history.metric().unit().symbol());
        ArrayNode runs = root.putArray("runs");
        Table t = history.table();
        for (int i = 0; i < t.rowCount(); i++) {
            ObjectNode run = runs.addObject();
            run.put("version", t.intColumn("version").get(i));
            run.put("recorded", t.stringColumn("recorded").get(i));
            String commit = t.stringColumn("commit").get(i);
            if (!commit.isEmpty()) {
                run.put("commit", commit);
            }
            run.put("requests", t.longColumn("requests").get(i));
            if (!t.doubleColumn("value").isMissing(i)) {
                run.put("value", t.doubleColumn("value").getDouble(i));
            }
        }
        history.median().ifPresent(m -> root.put("median", m));
        history.mad().ifPresent(m -> root.put("mad", m));
        NoiseBandCalculator.band(history, latest.run(), k).ifPresent(b -> {
            ObjectNode band = root.putObject("noiseBand");
            band.put("k", k);
            band.put("halfWidth", b.halfWidth());
            band.put("low", b.median() - b.halfWidth());
            band.put("high", b.median() + b.halfWidth());
        });
        return root.toPrettyString();
    }

    /** A baseline: where it came from and its numbers; {@code how} says how a suite's current baseline became current when it was not promoted (a rollback). */
    public static String show(String location, Baseline baseline, Optional<String> how) {
        RunMetadata m = baseline.run().metadata();
        StringBuilder out = new StringBuilder();
        out.append("Baseline:  ").append(TerminalText.oneLine(location)).append(", version ").append(baseline.version()).append(", created ")
                .append(baseline.created()).append('\n');
        how.ifPresent(h -> out.append("Current:   by ").append(TerminalText.oneLine(h)).append('\n'));
        baseline.provenance().gitSha().ifPresent(s -> out.append("Commit:    ").append(TerminalText.oneLine(s))
                .append(baseline.provenance().gitRef().map(r -> " (" + TerminalText.oneLine(r) + ")").orElse("")).append('\n'));
        baseline.provenance().runUrl().ifPresent(u -> out.append("CI run:    ").append(TerminalText.oneLine(u)).append('\n'));
        baseline.provenance().note().ifPresent(n -> out.append("Note:      ").append(TerminalText.oneLine(n)).append('\n'));
        out.append("Tool:      ").append(m.tool().id()).append(m.toolVersion().map(v -> " " + TerminalText.oneLine(v)).orElse("")).append('\n');
        m.duration().ifPresent(d -> out.append("Duration:  ").append(d.toSeconds()).append(" s").append('\n'));
        m.workload().users().ifPresent(u -> out.append("Users:     ").append(u).append('\n'));
        if (!baseline.run().stages().isEmpty()) {
            out.append("Stages:    ").append(String.join(", ", baseline.run().stages().stream()
                    .map(s -> TerminalText.oneLine(s.metadata().stage().orElseThrow())).toList())).append('\n');
        }
        out.append("Sources:   ").append(TerminalText.oneLine(String.join(", ", m.sources()))).append("\n\n");
        Table t = Table.create("endpoints", StringColumn.create("service"), StringColumn.create("endpoint"),
                StringColumn.create("requests"), StringColumn.create("errors"), StringColumn.create("p50"),
                StringColumn.create("p95"), StringColumn.create("p99"), StringColumn.create("throughput"));
        for (ServiceStats s : baseline.run().services()) {
            row(t, s.name(), "(total)", s.total());
            for (EndpointStats e : s.endpoints()) {
                row(t, s.name(), e.id().key(), e);
            }
        }
        return out.append(t.printAll()).append('\n').toString();
    }

    private static void row(Table t, String service, String endpoint, EndpointStats e) {
        t.stringColumn("service").append(TerminalText.oneLine(service));
        t.stringColumn("endpoint").append(TerminalText.oneLine(endpoint));
        t.stringColumn("requests").append(Long.toString(e.requests()));
        t.stringColumn("errors").append(optional(Metric.ERROR_RATE, Metric.ERROR_RATE.valueOf(e)));
        t.stringColumn("p50").append(optional(Metric.P50, Metric.P50.valueOf(e)));
        t.stringColumn("p95").append(optional(Metric.P95, Metric.P95.valueOf(e)));
        t.stringColumn("p99").append(optional(Metric.P99, Metric.P99.valueOf(e)));
        t.stringColumn("throughput").append(optional(Metric.THROUGHPUT, Metric.THROUGHPUT.valueOf(e)));
    }

    private static String optional(Metric metric, OptionalDouble v) {
        return v.isPresent() ? value(metric, v.getAsDouble()) : "-";
    }

    public static String value(Metric metric, double v) {
        return switch (metric.unit()) {
            case PERCENT -> String.format(Locale.ROOT, "%.2f%%", v);
            case REQUESTS_PER_SECOND -> String.format(Locale.ROOT, "%.1f req/s", v);
            default -> String.format(Locale.ROOT, v >= 100 ? "%.0f ms" : "%.1f ms", v);
        };
    }
}
