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
 * unit ({@code unit}).
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
