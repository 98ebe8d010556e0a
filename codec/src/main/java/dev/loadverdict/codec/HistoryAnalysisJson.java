package dev.loadverdict.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.history.Acknowledgement;
import dev.loadverdict.model.history.ChangePoint;
import dev.loadverdict.model.history.HistoryAnalysis;
import dev.loadverdict.model.history.MetricChanges;
import dev.loadverdict.model.history.RunRef;

import java.util.List;

/**
 * The JSON form of a suite's change points ({@code loadverdict baseline history SUITE --change-points --format json},
 * and the {@code history} member of a comparison): every series analysed, each with its {@code changePoints} list
 * (empty when it has none), the acknowledged steps, the settings and the notes. Numbers are numbers, in the metric's
 * unit ({@code unit}). {@link #read} takes it back (a saved comparison's {@code history}).
 */
public final class HistoryAnalysisJson {

    private HistoryAnalysisJson() {
    }

    /**
     * @param onlyChanged write only the series with change points (a comparison's section); otherwise every series
     */
    public static ObjectNode tree(HistoryAnalysis analysis, boolean onlyChanged) {
        ObjectNode root = Json.object();
        root.put("suite", analysis.suite());
        root.put("runs", analysis.runs());
        analysis.since().ifPresent(s -> run(root.putObject("since"), s));
        settings(root.putObject("settings"), analysis.settings());
        ArrayNode acks = root.putArray("acknowledgements");
        for (Acknowledgement a : analysis.acknowledgements()) {
            ObjectNode o = acks.addObject();
            run(o.putObject("at"), a.at());
            o.put("note", a.note());
            o.put("acknowledged", a.acknowledged().toString());
        }
        ArrayNode series = root.putArray("series");
        for (MetricChanges m : onlyChanged ? analysis.changed() : analysis.series()) {
            ObjectNode s = series.addObject();
            s.put("service", m.service());
            Json.put(s, "endpoint", m.endpoint());
            s.put("metric", m.metric().key());
            s.put("unit", m.metric().unit().symbol());
            s.put("values", m.values());
            ArrayNode points = s.putArray("changePoints");
            for (ChangePoint c : m.changePoints()) {
                point(points.addObject(), c);
            }
        }
        ArrayNode notes = root.putArray("notes");
        analysis.notes().forEach(notes::add);
        return root;
    }

    public static String write(HistoryAnalysis analysis) {
        return Json.write(tree(analysis, false));
    }

    /** Reads what {@link #tree} wrote. */
    static HistoryAnalysis read(Node root) {
        try {
            Node st = root.get("settings");
            List<Metric> metrics = new java.util.ArrayList<>();
            for (Node m : st.get("metrics").elements()) {
                metrics.add(Metric.fromKey(m.text()).orElseThrow(() -> m.fail("unknown metric '" + m.text() + "'")));
            }
            HistoryAnalysis.Settings settings = new HistoryAnalysis.Settings(st.get("pValue").number(),
                    (int) st.get("permutations").wholeNumber(), st.get("seed").wholeNumber(), st.get("minShiftPercent").number(),
                    st.get("minErrorRateShift").number(), (int) st.get("pendingRuns").wholeNumber(),
                    (int) st.get("minRuns").wholeNumber(), metrics);
            List<Acknowledgement> acks = new java.util.ArrayList<>();
            for (Node a : root.get("acknowledgements").elements()) {
                acks.add(new Acknowledgement(run(a.get("at")), a.get("note").text(),
                        RunJson.instant(a, "acknowledged").orElseThrow(() -> a.fail("missing key 'acknowledged'"))));
            }
            List<MetricChanges> series = new java.util.ArrayList<>();
            for (Node s : root.get("series").elements()) {
                Node mk = s.get("metric");
                Metric metric = Metric.fromKey(mk.text()).orElseThrow(() -> mk.fail("unknown metric '" + mk.text() + "'"));
                List<ChangePoint> points = new java.util.ArrayList<>();
                for (Node c : s.get("changePoints").elements()) {
                    points.add(new ChangePoint(run(c.get("lastBefore")), run(c.get("at")), c.get("before").number(),
                            c.get("after").number(), c.get("pValue").number(),
                            RunJson.parseEnum(c.get("status"), ChangePoint.Status.class), (int) c.get("runsAfter").wholeNumber()));
                }
                series.add(new MetricChanges(s.get("service").text(), Json.optionalText(s, "endpoint"), metric,
                        (int) s.get("values").wholeNumber(), points));
            }
            List<String> notes = new java.util.ArrayList<>();
            for (Node n : root.get("notes").elements()) {
                notes.add(n.text());
            }
            Node since = root.optional("since");
            return new HistoryAnalysis(root.get("suite").text(), (int) root.get("runs").nonNegativeWholeNumber(),
                    since == null ? java.util.Optional.empty() : java.util.Optional.of(run(since)), settings, acks, series, notes);
        } catch (IllegalArgumentException e) {
            throw Json.wrapModelError(root, e);
        }
    }

    private static RunRef run(Node o) {
        return new RunRef((int) o.get("version").wholeNumber(), o.get("id").text(),
                RunJson.instant(o, "recorded").orElseThrow(() -> o.fail("missing key 'recorded'")), Json.optionalText(o, "commit"));
    }

    private static void point(ObjectNode o, ChangePoint c) {
        run(o.putObject("lastBefore"), c.lastBefore());
        run(o.putObject("at"), c.at());
        o.put("before", c.before());
        o.put("after", c.after());
        o.put("change", c.change());
        Json.put(o, "relativePercent", c.relativePercent());
        o.put("pValue", c.pValue());
        o.put("status", c.status().id());
        o.put("runsAfter", c.runsAfter());
    }

    private static void run(ObjectNode o, RunRef r) {
        o.put("version", r.version());
        o.put("id", r.id());
        o.put("recorded", r.recorded().toString());
        Json.put(o, "commit", r.commit());
    }

    private static void settings(ObjectNode o, HistoryAnalysis.Settings s) {
        o.put("method", "e-divisive means");
        o.put("pValue", s.pValue());
        o.put("permutations", s.permutations());
        o.put("seed", s.seed());
        o.put("minShiftPercent", s.minShiftPercent());
        o.put("minErrorRateShift", s.minErrorRateShift());
        o.put("pendingRuns", s.pendingRuns());
        o.put("minRuns", s.minRuns());
        ArrayNode metrics = o.putArray("metrics");
        List<Metric> ms = s.metrics();
        ms.forEach(m -> metrics.add(m.key()));
    }
}
