package dev.loadverdict.baselines;

import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.TerminalText;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One metric of one endpoint (or a service's total) across a suite's history, as a table with one row
 * per recorded run — {@code version}, {@code recorded}, {@code commit}, {@code requests}, {@code value} (missing
 * where that run lacks the endpoint or the metric) — and the robust statistics the noise band is made of.
 */
public final class MetricHistory {

    private final Table table;
    private final Metric metric;

    private MetricHistory(Table table, Metric metric) {
        this.table = table;
        this.metric = metric;
    }

    /**
     * The history of {@code metric} for an endpoint.
     *
     * @param runs the runs, oldest first, as versions of the suite
     * @param service the service
     * @param endpoint the endpoint key ({@code GET /x}), or empty for the service's total
     */
    public static MetricHistory of(List<Baseline> runs, String service, Optional<String> endpoint, Metric metric) {
        Objects.requireNonNull(metric, "metric == null");
        IntColumn version = IntColumn.create("version");
        StringColumn recorded = StringColumn.create("recorded");
        StringColumn commit = StringColumn.create("commit");
        LongColumn requests = LongColumn.create("requests");
        DoubleColumn value = DoubleColumn.create("value");
        for (Baseline b : runs) {
            version.append(b.version());
            recorded.append(b.created().toString());
            commit.append(b.provenance().gitSha().map(s -> TerminalText.oneLine(s.length() > 7 ? s.substring(0, 7) : s)).orElse(""));
            Optional<EndpointStats> stats = find(b.run(), service, endpoint);
            requests.append(stats.map(EndpointStats::requests).orElse(0L));
            OptionalDouble v = stats.map(metric::valueOf).orElse(OptionalDouble.empty());
            if (v.isPresent()) {
                value.append(v.getAsDouble());
            } else {
                value.appendMissing();
            }
        }
        return new MetricHistory(Table.create(metric.key(), version, recorded, commit, requests, value), metric);
    }

    /** The endpoint's stats in a run, when it has them. */
    public static Optional<EndpointStats> find(Run run, String service, Optional<String> endpoint) {
        Optional<ServiceStats> s = run.service(service);
        if (endpoint.isEmpty()) {
            return s.map(ServiceStats::total);
        }
        return s.flatMap(x -> x.endpoints().stream().filter(e -> e.id().key().equals(endpoint.get())).findFirst());
    }

    /** The history as a Tablesaw table (inside this package: Tablesaw stays out of its API). */
    Table table() {
        return table;
    }

    public Metric metric() {
        return metric;
    }

    /** The values present, oldest first. */
    public double[] values() {
        return present().asDoubleArray();
    }

    private DoubleColumn present() {
        return table.doubleColumn("value").removeMissing();
    }

    /** The median of the values present; empty when there are none. */
    public OptionalDouble median() {
        DoubleColumn v = present();
        return v.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(v.median());
    }

    /** The median absolute deviation from the median (unscaled); empty when there are no values. */
    public OptionalDouble mad() {
        OptionalDouble median = median();
        if (median.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(present().subtract(median.getAsDouble()).abs().median());
    }

    /** The values as a one-line text chart ({@code ▁▂▃▄▅▆▇█}, a space where a run lacks the value). */
    public String sparkline() {
        String bars = "▁▂▃▄▅▆▇█";
        DoubleColumn all = table.doubleColumn("value");
        DoubleColumn present = present();
        if (present.isEmpty()) {
            return " ".repeat(all.size());
        }
        double min = present.min();
        double max = present.max();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            if (all.isMissing(i)) {
                line.append(' ');
            } else {
                int level = max == min ? 3 : (int) Math.round((all.getDouble(i) - min) / (max - min) * (bars.length() - 1));
                line.append(bars.charAt(level));
            }
        }
        return line.toString();
    }
}
