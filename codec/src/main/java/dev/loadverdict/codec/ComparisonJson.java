package dev.loadverdict.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loadverdict.model.compare.AppliedRule;
import dev.loadverdict.model.compare.BaselineRef;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.EndpointChange;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Matching;
import dev.loadverdict.model.compare.Verdict;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.config.Conditions;

import java.util.List;
import java.util.Optional;

/**
 * The JSON form of a {@link Comparison}: {@code "schema": "loadverdict.comparison/1"}, the verdict, both
 * runs' metadata, every finding with every number and condition behind it, and {@code "matching"}: what was found in
 * both runs, only in the baseline and only in the run (absent when there was no baseline); with a suite baseline,
 * {@code "history"}: the suite's series with change points ({@link HistoryAnalysisJson}).
 */
public final class ComparisonJson {

    public static final String SCHEMA = "loadverdict.comparison/1";

    private ComparisonJson() {
    }

    public static String write(Comparison comparison) {
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        root.put("verdict", comparison.verdict().id());
        root.put("worstSeverity", comparison.worstSeverity().id());
        Json.put(root, "config", comparison.configSource());
        if (!comparison.warnings().isEmpty()) {
            var warnings = root.putArray("warnings");
            comparison.warnings().forEach(warnings::add);
        }
        if (!comparison.notes().isEmpty()) {
            var notes = root.putArray("notes");
            comparison.notes().forEach(notes::add);
        }
        root.set("current", RunJson.metadata(comparison.current()));
        if (comparison.baseline().isPresent()) {
            root.set("baseline", baseline(comparison.baseline().get()));
        } else {
            root.putNull("baseline"); // none: only absolute limits were checked
        }
        ArrayNode findings = root.putArray("findings");
        comparison.findings().forEach(f -> findings.add(finding(f)));
        ArrayNode changes = root.putArray("endpointChanges");
        for (EndpointChange c : comparison.endpointChanges()) {
            ObjectNode change = changes.addObject();
            Json.put(change, "stage", c.stage());
            change.put("service", c.service());
            change.put("endpoint", c.endpoint());
            change.put("kind", c.kind().id());
            change.put("requests", c.requests());
        }
        comparison.matching().ifPresent(m -> root.set("matching", matching(m)));
        comparison.history().ifPresent(h -> root.set("history", HistoryAnalysisJson.tree(h, true)));
        return Json.write(root);
    }

    /**
     * {@code "matching": {"services": {"matched", "missing", "new"}, "endpoints": {…}, "byName": […]}}: counts of what
     * was in both runs, only in the baseline, only in the run (see {@link Matching}).
     */
    private static ObjectNode matching(Matching m) {
        ObjectNode node = Json.object();
        node.set("services", counts(m.services()));
        node.set("endpoints", counts(m.endpoints()));
        ArrayNode byName = node.putArray("byName");
        m.byName().forEach(byName::add);
        return node;
    }

    private static ObjectNode counts(Matching.Counts c) {
        ObjectNode node = Json.object();
        node.put("matched", c.matched());
        node.put("missing", c.missing());
        node.put("new", c.added());
        return node;
    }

    private static Optional<Matching> readMatching(Node m) {
        if (m == null) {
            return Optional.empty(); // written before matching was recorded
        }
        try {
            return Optional.of(new Matching(readCounts(m.get("services")), readCounts(m.get("endpoints")),
                    texts(m.get("byName"))));
        } catch (IllegalArgumentException e) {
            throw Json.wrapModelError(m, e);
        }
    }

    private static Matching.Counts readCounts(Node c) {
        return new Matching.Counts(count(c, "matched"), count(c, "missing"), count(c, "new"));
    }

    private static int count(Node c, String key) {
        Node n = c.get(key);
        long value = n.nonNegativeWholeNumber();
        if (value > Integer.MAX_VALUE) {
            throw n.fail("too large");
        }
        return (int) value;
    }

    private static ObjectNode baseline(BaselineRef ref) {
        ObjectNode node = Json.object();
        node.put("location", ref.location());
        node.put("version", ref.version());
        node.put("created", ref.created().toString());
        ObjectNode provenance = node.putObject("provenance");
        Json.put(provenance, "gitSha", ref.provenance().gitSha());
        Json.put(provenance, "gitRef", ref.provenance().gitRef());
        Json.put(provenance, "runUrl", ref.provenance().runUrl());
        Json.put(provenance, "note", ref.provenance().note());
        node.set("run", RunJson.metadata(ref.run()));
        Json.put(node, "selection", ref.selection());
        return node;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode node = Json.object();
        if (f.kind() == Finding.Kind.DRIFT) {
            node.put("kind", f.kind().id());
            Json.put(node, "driftSince", f.drift());
        }
        Json.put(node, "stage", f.stage());
        node.put("service", f.service());
        Json.put(node, "endpoint", f.endpoint());
        node.put("metric", f.metric().key());
        node.put("unit", f.metric().unit().symbol());
        Json.put(node, "baseline", f.baseline());
        Json.put(node, "current", f.current());
        Json.put(node, "change", f.change());
        Json.put(node, "relativePercent", f.relativePercent());
        node.put("baselineRequests", f.baselineRequests());
        node.put("currentRequests", f.currentRequests());
        node.put("outcome", f.outcome().id());
        node.put("severity", f.severity().id());
        node.set("rule", rule(f.rule()));
        ArrayNode reasons = node.putArray("reasons");
        f.reasons().forEach(reasons::add);
        ObjectNode significance = node.putObject("significance");
        significance.put("status", f.significance().status().id());
        Json.put(significance, "pValue", f.significance().pValue());
        if (!f.significance().test().isEmpty()) {
            significance.put("test", f.significance().test());
        }
        if (!f.significance().note().isEmpty()) {
            significance.put("note", f.significance().note());
        }
        return node;
    }

    private static ObjectNode rule(AppliedRule rule) {
        ObjectNode node = Json.object();
        conditions(node, "warning", rule.warning(), rule.warningSource());
        conditions(node, "critical", rule.critical(), rule.criticalSource());
        return node;
    }

    private static void conditions(ObjectNode parent, String key, Optional<Conditions> conditions, String source) {
        conditions.ifPresent(c -> {
            ObjectNode node = parent.putObject(key);
            Json.put(node, "relativePercent", c.relativePercent());
            Json.put(node, "delta", c.delta());
            Json.put(node, "limit", c.limit());
            Json.put(node, "minRequests", c.minRequests());
            node.put("source", source);
        });
    }

    /**
     * Reads a comparison written by {@link #write} ({@code loadverdict report COMPARISON.json} re-renders it). The verdict
     * is checked against the findings, so a hand-edited file cannot claim a pass its findings contradict.
     *
     * @throws InputException when it is not a valid loadverdict comparison, with its line
     */
    public static Comparison read(String source, java.io.Reader reader) {
        Node root = Node.parse(Json.FACTORY, source, reader);
        Json.requireSchema(root, "comparison", 1);
        List<String> warnings = texts(root.optional("warnings"));
        List<String> notes = texts(root.optional("notes"));
        dev.loadverdict.model.RunMetadata current = RunJson.readMetadata(root.get("current"));
        Node b = root.optional("baseline"); // null: there was no baseline, only limits were checked
        Optional<BaselineRef> ref = b == null ? Optional.empty() : Optional.of(readBaseline(b));
        List<Finding> findings = new java.util.ArrayList<>();
        for (Node f : root.get("findings").elements()) {
            findings.add(readFinding(f));
        }
        List<EndpointChange> changes = new java.util.ArrayList<>();
        for (Node c : root.get("endpointChanges").elements()) {
            try {
                changes.add(new EndpointChange(Json.optionalText(c, "stage"), c.get("service").text(), c.get("endpoint").text(),
                        RunJson.parseEnum(c.get("kind"), EndpointChange.Kind.class), c.get("requests").nonNegativeWholeNumber()));
            } catch (IllegalArgumentException e) {
                throw Json.wrapModelError(c, e);
            }
        }
        Verdict verdict = RunJson.parseEnum(root.get("verdict"), Verdict.class);
        try {
            Node history = root.optional("history");
            return new Comparison(current, ref, Json.optionalText(root, "config"), findings, changes, verdict, warnings, notes,
                    readMatching(root.optional("matching")),
                    history == null ? Optional.empty() : Optional.of(HistoryAnalysisJson.read(history)));
        } catch (IllegalArgumentException e) {
            throw Json.wrapModelError(root.get("verdict"), e);
        }
    }

    private static BaselineRef readBaseline(Node b) {
        Node bv = b.get("version");
        long version = bv.wholeNumber();
        if (version < 1 || version > Integer.MAX_VALUE) {
            throw bv.fail("must be a whole number >= 1");
        }
        return new BaselineRef(b.get("location").text(), (int) version,
                RunJson.instant(b, "created").orElseThrow(() -> b.fail("missing key 'created'")),
                BaselineJson.readProvenance(b.optional("provenance")), RunJson.readMetadata(b.get("run")),
                Json.optionalText(b, "selection"));
    }

    private static Finding readFinding(Node f) {
        Node metricNode = f.get("metric");
        dev.loadverdict.model.Metric metric = dev.loadverdict.model.Metric.fromKey(metricNode.text())
                .orElseThrow(() -> metricNode.fail("unknown metric '" + metricNode.text() + "'"));
        Node r = f.get("rule");
        Node w = r.optional("warning");
        Node c = r.optional("critical");
        AppliedRule rule = new AppliedRule(conditions(w), w == null ? "" : w.get("source").text(), conditions(c),
                c == null ? "" : c.get("source").text());
        Node s = f.get("significance");
        dev.loadverdict.model.compare.Significance significance = new dev.loadverdict.model.compare.Significance(
                RunJson.parseEnum(s.get("status"), dev.loadverdict.model.compare.Significance.Status.class),
                Json.optionalNumber(s, "pValue"), Json.optionalText(s, "test").orElse(""), Json.optionalText(s, "note").orElse(""));
        try {
            return new Finding(Json.optionalText(f, "stage"), f.get("service").text(), Json.optionalText(f, "endpoint"), metric,
                    Json.optionalNumber(f, "baseline"), Json.optionalNumber(f, "current"), Json.optionalNumber(f, "change"),
                    Json.optionalNumber(f, "relativePercent"), f.get("baselineRequests").nonNegativeWholeNumber(),
                    f.get("currentRequests").nonNegativeWholeNumber(),
                    RunJson.parseEnum(f.get("outcome"), dev.loadverdict.model.compare.Outcome.class),
                    RunJson.parseEnum(f.get("severity"), dev.loadverdict.model.compare.Severity.class), rule,
                    texts(f.get("reasons")), significance, Json.optionalText(f, "driftSince"));
        } catch (IllegalArgumentException e) {
            throw Json.wrapModelError(f, e);
        }
    }

    private static Optional<Conditions> conditions(Node n) {
        if (n == null) {
            return Optional.empty();
        }
        Node m = n.optional("minRequests");
        try {
            return Optional.of(new Conditions(Json.optionalNumber(n, "relativePercent"), Json.optionalNumber(n, "delta"),
                    Json.optionalNumber(n, "limit"),
                    m == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(m.nonNegativeWholeNumber())));
        } catch (IllegalArgumentException e) {
            throw Json.wrapModelError(n, e);
        }
    }

    private static List<String> texts(Node list) {
        List<String> out = new java.util.ArrayList<>();
        if (list != null) {
            for (Node n : list.elements()) {
                out.add(n.text());
            }
        }
        return out;
    }
}
