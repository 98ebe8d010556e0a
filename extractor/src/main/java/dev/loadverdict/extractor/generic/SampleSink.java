package dev.loadverdict.extractor.generic;

import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.RunFacts;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.extractor.internal.SampleAggregator;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns the text values of one raw sample (a CSV row, an NDJSON line, an element of a document's
 * {@code samples}) into a {@link SampleAggregator} call, the same for every form of the generic format.
 * Labels are interned up to a bound, so repeated endpoints cost no allocation.
 */
final class SampleSink {

    private static final int INTERNED = 1 << 12;

    private final SampleAggregator aggregator;
    private final String file;
    private final Diagnostics diagnostics;
    private final Map<LabelKey, RequestLabels> labels = new HashMap<>();
    private boolean submillisecond;
    private long samples;
    private long maxUsers = -1;

    SampleSink(ReadContext context, String file) {
        this.aggregator = context.newAggregator();
        this.file = file;
        this.diagnostics = new Diagnostics(file);
    }

    /**
     * Records one sample.
     *
     * @param values the text of each field, indexed by {@link SampleField#ordinal()}; null where absent
     * @param tags the sample's tags, never null
     * @param line the line the sample is on, for errors
     * @throws InputException when a value cannot be read
     */
    void add(String[] values, Map<String, String> tags, long line) {
        for (SampleField f : SampleField.REQUIRED) {
            if (values[f.ordinal()] == null) {
                throw new InputException(file, line, "sample without '" + f.key() + "'");
            }
        }
        long start = value(SampleField.TIMESTAMP, values, line, Values::epochMillis);
        long micros = value(SampleField.LATENCY_MS, values, line, Values::latencyMicros);
        boolean ok = value(SampleField.OK, values, line, Values::ok);
        String endpoint = values[SampleField.ENDPOINT.ordinal()].strip();
        if (endpoint.isEmpty()) {
            throw new InputException(file, line, "'" + SampleField.ENDPOINT.key() + "' is empty");
        }
        submillisecond |= micros % 1000 != 0;
        samples++;
        if (values[SampleField.USERS.ordinal()] != null && !values[SampleField.USERS.ordinal()].isBlank()) {
            maxUsers = Math.max(maxUsers, value(SampleField.USERS, values, line, Values::users));
        }
        aggregator.add(labels(endpoint, values, tags), start, micros, ok, ok ? null : failureKind(values));
    }

    private <T> T value(SampleField field, String[] values, long line, Function<String, T> parse) {
        String text = values[field.ordinal()];
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, line, "'" + field.key() + "' " + e.getMessage() + ": \""
                    + Messages.shorten(text) + "\"");
        }
    }

    /** The error text, else the status, else none (the aggregator counts it as "(no message)"). */
    private static String failureKind(String[] values) {
        String error = blankToNull(values[SampleField.ERROR.ordinal()]);
        return error != null ? error : blankToNull(values[SampleField.STATUS.ordinal()]);
    }

    private RequestLabels labels(String endpoint, String[] values, Map<String, String> tags) {
        String method = blankToNull(values[SampleField.METHOD.ordinal()]);
        String url = blankToNull(values[SampleField.URL.ordinal()]);
        String group = blankToNull(values[SampleField.GROUP.ordinal()]);
        String service = blankToNull(values[SampleField.SERVICE.ordinal()]);
        LabelKey key = new LabelKey(endpoint, method, url, group, service, tags);
        RequestLabels cached = labels.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, String> allTags = new TreeMap<>(tags);
        if (service != null) {
            allTags.put("service", service);
        }
        RequestLabels made = new RequestLabels(method, endpoint, url, null, group, Map.copyOf(allTags));
        if (labels.size() < INTERNED) {
            labels.put(new LabelKey(endpoint, method, url, group, service, Map.copyOf(tags)), made);
        }
        return made;
    }

    /** What makes two samples' labels equal; fields may be null. */
    private record LabelKey(String endpoint, String method, String url, String group, String service,
                            Map<String, String> tags) {
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    void warn(long line, String message) {
        diagnostics.warn(line, message);
    }

    long samples() {
        return samples;
    }

    /**
     * The run, with metadata from the samples: start and end from their times, precision 1 µs when any
     * response time had a fraction of a millisecond, else whole milliseconds; the users, unless {@code workload}
     * gives them, the most any sample of the file had (like JMeter's {@code allThreads}: a window or stage keeps the
     * whole file's peak).
     */
    ToolResult finish(Optional<String> toolVersion, Workload workload, List<String> sources) {
        if (maxUsers >= 0 && workload.users().isEmpty()) {
            workload = new Workload(workload.model(), OptionalInt.of((int) Math.min(Integer.MAX_VALUE, maxUsers)),
                    workload.arrivalRate());
        }
        SourcePrecision precision = submillisecond ? new SourcePrecision(0.001, OptionalInt.empty(), 0)
                : SourcePrecision.wholeMilliseconds();
        return aggregator.finish().result(new RunFacts(Tool.GENERIC, toolVersion, sources, workload, Map.of(), precision,
                Optional.empty()), diagnostics.warnings());
    }
}
