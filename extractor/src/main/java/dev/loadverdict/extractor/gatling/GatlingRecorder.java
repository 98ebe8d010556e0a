package dev.loadverdict.extractor.gatling;

import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.RunFacts;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.extractor.internal.SampleAggregator;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Where the text and binary {@code simulation.log} readers put what they decode: requests and groups into a
 * {@link SampleAggregator}, users counted, the RUN record's facts kept, all of it turned into a {@link ToolResult}.
 *
 * <p><b>Endpoints.</b> A request's endpoint name is its path as Gatling's report lists it: the group hierarchy and
 * the request name joined by {@value #PATH_SEPARATOR} ({@code buy / checkout}), so the same request name in two
 * groups is two endpoints, as in Gatling's {@code stats.json}. The group path alone is the {@code group} label
 * (for mapping rules). A group execution is an endpoint too, method {@value #GROUP_METHOD} and name its path,
 * timed by its cumulated response time (Gatling's default, {@code useGroupDurationMetric = false}); groups never
 * count in the service and run totals, since the requests inside them are counted already.
 */
final class GatlingRecorder {

    /** The method of group endpoints, which keeps a group apart from a request of the same name. */
    static final String GROUP_METHOD = "GROUP";
    /** How Gatling's report joins a group hierarchy and a request name. */
    static final String PATH_SEPARATOR = " / ";

    private final SampleAggregator aggregator;
    private final String file;
    private final Diagnostics diagnostics;
    private long users;
    private long maxUsers = -1;
    /** USER starts less ends, without stopping at zero, and its lowest and its highest after a start. */
    private long net;
    private long lowestNet;
    private long peakNetAtStart = Long.MIN_VALUE;
    private Long runStart;
    private String version;
    private String simulation;

    GatlingRecorder(ReadContext context, String file) {
        this.aggregator = context.newAggregator();
        this.file = file;
        this.diagnostics = new Diagnostics(file);
    }

    /** The RUN record: start epoch ms (or null when the log has none), version as it should be reported, class. */
    void run(Long startMs, String toolVersion, String simulationClass) {
        this.runStart = startMs;
        if (startMs != null) {
            aggregator.declareStart(startMs);
        }
        this.version = toolVersion;
        this.simulation = simulationClass == null || simulationClass.isBlank() ? null : simulationClass;
    }

    /**
     * One request.
     *
     * @param groups the group hierarchy, outermost first (empty outside groups)
     * @param startMs when it started, epoch ms
     * @param endMs when its response was received, epoch ms ({@code >= startMs})
     * @param message Gatling's KO message, the failure kind (blank: {@code KO})
     */
    void request(List<String> groups, String name, long startMs, long endMs, boolean ok, String message) {
        request(requestLabels(groups, name), startMs, endMs, ok, message);
    }

    /** One request, its labels made by {@link #requestLabels} (a reader may keep them for the next request). */
    void request(RequestLabels labels, long startMs, long endMs, boolean ok, String message) {
        aggregator.add(labels, startMs, (endMs - startMs) * 1000, ok, ok ? null : failureKind(message));
    }

    /** The labels of a request: its path as the endpoint, the group path as the {@code group} label. */
    static RequestLabels requestLabels(List<String> groups, String name) {
        String group = groups.isEmpty() ? null : String.join(PATH_SEPARATOR, groups);
        String path = group == null ? name : group + PATH_SEPARATOR + name;
        return new RequestLabels(null, path, null, null, group, Map.of());
    }

    /** One group execution: its hierarchy, start, cumulated response time (ms) and status. No hierarchy: ignored. */
    void group(List<String> groups, long startMs, long cumulatedMs, boolean ok) {
        if (!groups.isEmpty()) {
            group(groupLabels(groups), startMs, cumulatedMs, ok);
        }
    }

    /** One group execution, its labels made by {@link #groupLabels}. */
    void group(RequestLabels labels, long startMs, long cumulatedMs, boolean ok) {
        aggregator.addOutsideTotals(labels, startMs, cumulatedMs * 1000, ok, ok ? null : "KO");
    }

    /** The labels of a group's executions (a hierarchy of at least one group): method {@value #GROUP_METHOD}. */
    static RequestLabels groupLabels(List<String> groups) {
        String path = String.join(PATH_SEPARATOR, groups);
        return new RequestLabels(GROUP_METHOD, path, null, null, path, Map.of());
    }

    void userStart() {
        users++;
        maxUsers = Math.max(maxUsers, users);
        net++;
        peakNetAtStart = Math.max(peakNetAtStart, net);
    }

    void userEnd() {
        users = Math.max(0, users - 1);
        net--;
        lowestNet = Math.min(lowestNet, net);
    }

    /** Whether anything was said about a line. */
    boolean warned() {
        return !diagnostics.warnings().isEmpty();
    }

    /**
     * Adds what {@code later} recorded from the records after this one's (a file split for reading): false when the
     * result might differ from one recorder's. Users are counted on from this one's count; that is exact unless the
     * count would have touched zero on an END in {@code later}, where one recorder stops at zero.
     */
    boolean absorb(GatlingRecorder later) {
        if (users + later.lowestNet < 0 || later.runStart != null || later.version != null) {
            return false;
        }
        if (later.peakNetAtStart > Long.MIN_VALUE) {
            maxUsers = Math.max(maxUsers, users + later.peakNetAtStart);
        }
        users += later.net;
        return aggregator.absorb(later.aggregator);
    }

    /** A problem at a line of the text log. */
    void warn(long line, String message) {
        diagnostics.warn(line, message);
    }

    /** A problem at a byte offset of the binary log. */
    void warnAtByte(long offset, String message) {
        diagnostics.warnAtByte(offset, message);
    }

    private static String failureKind(String message) {
        String kind = message == null ? "" : message.strip();
        return kind.isEmpty() ? "KO" : kind;
    }

    ToolResult finish() {
        OptionalInt peak = maxUsers >= 0 ? OptionalInt.of((int) Math.min(Integer.MAX_VALUE, maxUsers)) : OptionalInt.empty();
        Map<String, String> labels = simulation == null ? Map.of() : Map.of("simulation", simulation);
        return aggregator.finish().result(new RunFacts(Tool.GATLING, Optional.ofNullable(version), List.of(file),
                new Workload(Workload.Model.UNKNOWN, peak, OptionalDouble.empty()), labels,
                SourcePrecision.wholeMilliseconds(), Optional.ofNullable(runStart).map(Instant::ofEpochMilli)), diagnostics.warnings());
    }
}
