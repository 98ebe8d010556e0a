package dev.loadverdict.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.scaling.CurveChange;
import dev.loadverdict.model.scaling.CurveId;
import dev.loadverdict.model.scaling.Knee;
import dev.loadverdict.model.scaling.LevelChange;
import dev.loadverdict.model.scaling.LoadKind;
import dev.loadverdict.model.scaling.ScalingAnalysis;
import dev.loadverdict.model.scaling.ScalingComparison;
import dev.loadverdict.model.scaling.ScalingCurve;
import dev.loadverdict.model.scaling.ScalingLevel;
import dev.loadverdict.model.scaling.ScalingPoint;
import dev.loadverdict.model.scaling.ScalingReport;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JSON form of {@code loadverdict scaling --format json} ({@code loadverdict.scaling/1}, documented in
 * docs/formats.md): the curves, and the comparison with a baseline's curves when there was one. Keys in a fixed order;
 * a value the source did not give is left out, never written as null or a string. Read back as a baseline curve:
 * its levels and points only, since knees and onsets are recomputed by whoever compares.
 */
public final class ScalingJson {

    public static final String SCHEMA = "loadverdict.scaling/1";
    private static final Pattern DETECT = Pattern.compile("\"schema\"\\s*:\\s*\"loadverdict\\.scaling/[0-9]");

    private ScalingJson() {
    }

    /** What a saved scaling document holds of its curves: enough to analyse them again. */
    public record Saved(LoadKind kind, List<ScalingLevel> levels, Map<CurveId, List<ScalingPoint>> curves) {
        public Saved {
            levels = List.copyOf(levels);
            curves = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(curves));
        }
    }

    /** Whether the head of a file is a scaling document. */
    public static boolean detect(String head) {
        return DETECT.matcher(head).find();
    }

    public static String write(ScalingReport report) {
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        analysis(root, report.current());
        report.comparison().ifPresent(c -> {
            analysis(root.putObject("baseline"), c.baseline());
            comparison(root.putObject("comparison"), c);
        });
        return Json.write(root);
    }

    private static void analysis(ObjectNode node, ScalingAnalysis a) {
        node.put("kind", a.kind().id());
        ArrayNode levels = node.putArray("levels");
        for (ScalingLevel l : a.levels()) {
            ObjectNode n = levels.addObject();
            load(n, "load", l.load());
            n.put("source", l.source());
        }
        ArrayNode curves = node.putArray("curves");
        for (ScalingCurve c : a.curves()) {
            ObjectNode n = curves.addObject();
            id(n, c.id());
            knee(n.putObject("knee"), c.knee());
            c.errorOnset().ifPresent(o -> load(n, "errorOnset", o));
            ArrayNode points = n.putArray("points");
            for (int i = 0; i < c.points().size(); i++) {
                ScalingPoint p = c.points().get(i);
                ObjectNode pn = points.addObject();
                load(pn, "load", p.load());
                pn.put("requests", p.requests());
                pn.put("failures", p.failures());
                Json.put(pn, "errorRate", p.errorRatePercent());
                Json.put(pn, "throughput", p.throughput());
                Json.put(pn, "okThroughput", p.okThroughput());
                Json.put(pn, "p50", p.p50());
                Json.put(pn, "p95", p.p95());
                Json.put(pn, "p99", p.p99());
                Json.put(pn, "p95Growth", c.growth(i, ScalingCurve.Percentile.P95));
                Json.put(pn, "p99Growth", c.growth(i, ScalingCurve.Percentile.P99));
            }
        }
    }

    private static void comparison(ObjectNode node, ScalingComparison c) {
        node.put("regressed", c.regressed());
        node.put("throughputDropPercent", c.throughputDropPercent());
        ArrayNode curves = node.putArray("curves");
        for (CurveChange change : c.changes()) {
            ObjectNode n = curves.addObject();
            id(n, change.id());
            ArrayNode regressions = n.putArray("regressions");
            change.regressions().forEach(r -> regressions.add(r.name().toLowerCase(Locale.ROOT)));
            knee(n.putObject("baselineKnee"), change.baselineKnee());
            knee(n.putObject("currentKnee"), change.currentKnee());
            change.baselineOnset().ifPresent(o -> load(n, "baselineErrorOnset", o));
            change.currentOnset().ifPresent(o -> load(n, "currentErrorOnset", o));
            ArrayNode levels = n.putArray("levels");
            for (LevelChange l : change.levels()) {
                ObjectNode ln = levels.addObject();
                load(ln, "load", l.load());
                Json.put(ln, "baselineOkThroughput", l.baselineThroughput());
                Json.put(ln, "currentOkThroughput", l.currentThroughput());
                Json.put(ln, "okThroughputChangePercent", l.throughputChangePercent());
                ln.put("throughputDropped", l.throughputDropped());
                Json.put(ln, "baselineP95", l.baselineP95());
                Json.put(ln, "currentP95", l.currentP95());
                Json.put(ln, "p95ChangePercent", l.p95ChangePercent());
            }
        }
    }

    private static void id(ObjectNode n, CurveId id) {
        n.put("service", id.service());
        id.endpoint().ifPresent(e -> n.put("endpoint", e));
    }

    private static void knee(ObjectNode n, Knee knee) {
        n.put("state", knee.state().name().toLowerCase(Locale.ROOT));
        knee.load().ifPresent(l -> load(n, "load", l));
    }

    /** A whole level (users) as a whole number, a fractional one (arrivals per second) as it is. */
    private static void load(ObjectNode n, String key, double load) {
        if (load == Math.rint(load) && Math.abs(load) < 1e15) {
            n.put(key, (long) load);
        } else {
            n.put(key, load);
        }
    }

    /**
     * Reads the curves of a scaling document (the current side: what its runs measured) to serve as a baseline.
     *
     * @throws InputException when it is not a valid scaling document, with its line
     */
    public static Saved read(String source, Reader reader) {
        Node root = Node.parse(Json.FACTORY, source, reader);
        Json.requireSchema(root, "scaling", 1);
        Node kindNode = root.get("kind");
        LoadKind kind = switch (kindNode.text()) {
            case "users" -> LoadKind.USERS;
            case "arrival_rate" -> LoadKind.ARRIVAL_RATE;
            default -> throw kindNode.fail("kind must be users or arrival_rate");
        };
        List<ScalingLevel> levels = new ArrayList<>();
        for (Node l : root.get("levels").elements()) {
            try {
                levels.add(new ScalingLevel(l.get("load").number(), l.get("source").text()));
            } catch (IllegalArgumentException e) {
                throw Json.wrapModelError(l, e);
            }
        }
        Map<CurveId, List<ScalingPoint>> curves = new LinkedHashMap<>();
        for (Node c : root.get("curves").elements()) {
            Optional<String> endpoint = Json.optionalText(c, "endpoint");
            CurveId id = new CurveId(c.get("service").text(), endpoint);
            List<ScalingPoint> points = new ArrayList<>();
            for (Node p : c.get("points").elements()) {
                try {
                    points.add(new ScalingPoint(p.get("load").number(), p.get("requests").nonNegativeWholeNumber(),
                            p.get("failures").nonNegativeWholeNumber(), Json.optionalNumber(p, "throughput"),
                            Json.optionalNumber(p, "p50"), Json.optionalNumber(p, "p95"), Json.optionalNumber(p, "p99")));
                } catch (IllegalArgumentException e) {
                    throw Json.wrapModelError(p, e);
                }
            }
            if (curves.put(id, points) != null) {
                throw c.fail("lists the curve of " + id.service() + " " + id.endpointLabel() + " twice");
            }
        }
        if (levels.isEmpty()) {
            throw root.get("levels").fail("lists no levels");
        }
        return new Saved(kind, levels, curves);
    }
}
