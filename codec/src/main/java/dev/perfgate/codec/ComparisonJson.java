package dev.perfgate.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.model.compare.AppliedRule;
import dev.perfgate.model.compare.BaselineRef;
import dev.perfgate.model.compare.Comparison;
import dev.perfgate.model.compare.EndpointChange;
import dev.perfgate.model.compare.Finding;
import dev.perfgate.model.config.Conditions;

import java.util.Optional;

/**
 * The JSON form of a {@link Comparison}: {@code "schema": "perfgate.comparison/1"}, the verdict, both
 * runs' metadata, and every finding with every number and condition behind it.
 */
public final class ComparisonJson {

    public static final String SCHEMA = "perfgate.comparison/1";

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
        root.set("current", RunJson.metadata(comparison.current()));
        root.set("baseline", baseline(comparison.baseline()));
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
        return Json.write(root);
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
        return node;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode node = Json.object();
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
}
