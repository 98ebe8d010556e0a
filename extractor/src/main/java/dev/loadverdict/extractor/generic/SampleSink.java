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

import java.util.Arrays;
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
    /** The ordinals of {@link SampleField#REQUIRED}, four of them. */
    private static final int[] REQUIRED = SampleField.REQUIRED.stream().mapToInt(SampleField::ordinal).toArray();
    private static final long BYTE_LABELS_BYTES = 4L << 20;

    private final SampleAggregator aggregator;
    private final String file;
    private final Diagnostics diagnostics;
    private final Map<LabelKey, RequestLabels> labels = new HashMap<>();
    private final ByteLabels byteLabels = new ByteLabels();
    private final TextCache kinds = new TextCache();
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
        long start = value(SampleField.TIMESTAMP, values[SampleField.TIMESTAMP.ordinal()], line, Values::epochMillis);
        long micros = value(SampleField.LATENCY_MS, values[SampleField.LATENCY_MS.ordinal()], line, Values::latencyMicros);
        boolean ok = value(SampleField.OK, values[SampleField.OK.ordinal()], line, Values::ok);
        String endpoint = values[SampleField.ENDPOINT.ordinal()].strip();
        if (endpoint.isEmpty()) {
            throw new InputException(file, line, "'" + SampleField.ENDPOINT.key() + "' is empty");
        }
        submillisecond |= micros % 1000 != 0;
        samples++;
        if (values[SampleField.USERS.ordinal()] != null && !values[SampleField.USERS.ordinal()].isBlank()) {
            maxUsers = Math.max(maxUsers, value(SampleField.USERS, values[SampleField.USERS.ordinal()], line, Values::users));
        }
        aggregator.add(labels(endpoint, values, tags), start, micros, ok, ok ? null : failureKind(values));
    }

    /**
     * Records one sample read as bytes: the same as {@link #add(String[], Map, long)} with the text of its values,
     * reading the common spellings from the bytes and looking its labels up by their bytes, so that a typical sample
     * decodes and allocates nothing.
     *
     * @throws InputException when a value cannot be read
     */
    void add(RawSample sample, long line) {
        byte[][] arrays = sample.arrays;
        int[] starts = sample.starts;
        int[] ends = sample.ends;
        if (arrays[REQUIRED[0]] == null || arrays[REQUIRED[1]] == null || arrays[REQUIRED[2]] == null
                || arrays[REQUIRED[3]] == null) {
            for (SampleField f : SampleField.REQUIRED) {
                if (arrays[f.ordinal()] == null) {
                    throw new InputException(file, line, "sample without '" + f.key() + "'");
                }
            }
        }
        int t = SampleField.TIMESTAMP.ordinal();
        long start = Values.plainEpochMillis(arrays[t], starts[t], ends[t]);
        if (start == Values.NOT_PLAIN) {
            start = Values.plainIsoMillis(arrays[t], starts[t], ends[t]);
            if (start == Values.NOT_PLAIN) {
                start = value(SampleField.TIMESTAMP, sample.text(SampleField.TIMESTAMP), line, Values::epochMillis);
            }
        }
        int l = SampleField.LATENCY_MS.ordinal();
        long micros = Values.plainLatencyMicros(arrays[l], starts[l], ends[l]);
        if (micros == Values.NOT_PLAIN) {
            micros = value(SampleField.LATENCY_MS, sample.text(SampleField.LATENCY_MS), line, Values::latencyMicros);
        }
        int o = SampleField.OK.ordinal();
        int okByte = Values.plainOk(arrays[o], starts[o], ends[o]);
        boolean ok = okByte >= 0 ? okByte == 1 : value(SampleField.OK, sample.text(SampleField.OK), line, Values::ok);
        if (!plainlyNotBlank(sample, SampleField.ENDPOINT) && sample.text(SampleField.ENDPOINT).isBlank()) {
            throw new InputException(file, line, "'" + SampleField.ENDPOINT.key() + "' is empty");
        }
        submillisecond |= micros % 1000 != 0;
        samples++;
        int u = SampleField.USERS.ordinal();
        if (arrays[u] != null) {
            long users = Values.plainUsers(arrays[u], starts[u], ends[u]);
            if (users != Values.NOT_PLAIN) {
                maxUsers = Math.max(maxUsers, users);
            } else {
                String text = sample.text(SampleField.USERS);
                if (!text.isBlank()) {
                    maxUsers = Math.max(maxUsers, value(SampleField.USERS, text, line, Values::users));
                }
            }
        }
        RequestLabels labels = byteLabels.get(sample);
        if (labels == null) {
            labels = labels(sample.text(SampleField.ENDPOINT).strip(), textOf(sample), sample.tags());
            byteLabels.put(sample, labels);
        }
        aggregator.add(labels, start, micros, ok, ok ? null : failureKind(sample));
    }

    /**
     * As {@link #failureKind(String[])}: the error text, else the status, else none; a plain one (visible ASCII at
     * both ends, so stripping keeps it) is decoded once and then found by its bytes.
     */
    private String failureKind(RawSample sample) {
        int e = SampleField.ERROR.ordinal();
        int s = SampleField.STATUS.ordinal();
        byte[][] arrays = sample.arrays;
        if (plainlyNotBlank(sample, SampleField.ERROR)) {
            return kinds.text(arrays[e], sample.starts[e], sample.ends[e]);
        }
        boolean noError = arrays[e] == null || sample.starts[e] == sample.ends[e];
        if (noError && plainlyNotBlank(sample, SampleField.STATUS)) {
            return kinds.text(arrays[s], sample.starts[s], sample.ends[s]);
        }
        if (noError && (arrays[s] == null || sample.starts[s] == sample.ends[s])) {
            return null;
        }
        return failureKind(textOf(sample));
    }

    /** Whether the field plainly has text that stripping keeps: its first and last bytes are visible ASCII. */
    private static boolean plainlyNotBlank(RawSample sample, SampleField field) {
        int i = field.ordinal();
        byte[] a = sample.arrays[i];
        int s = sample.starts[i];
        int e = sample.ends[i];
        return a != null && s < e && a[s] > ' ' && a[s] < 0x7F && a[e - 1] > ' ' && a[e - 1] < 0x7F;
    }

    /** The text of each field (null where absent), as {@link #add(String[], Map, long)} takes them. */
    private static String[] textOf(RawSample sample) {
        String[] values = new String[SampleField.values().length];
        for (SampleField f : SampleField.values()) {
            values[f.ordinal()] = sample.text(f);
        }
        return values;
    }

    private <T> T value(SampleField field, String text, long line, Function<String, T> parse) {
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

    /**
     * The labels of samples read as bytes, by the bytes they are made of ({@link RawSample#key}), so a repeated
     * sample's labels cost a hash and a comparison. At most {@value #INTERNED} entries of at most
     * {@value #BYTE_LABELS_BYTES} bytes of keys in all; beyond, labels are made afresh (equal, so the result is the
     * same).
     */
    private static final class ByteLabels {

        private static final int SLOTS = 2 * INTERNED;
        private final byte[][] keys = new byte[SLOTS][];
        private final int[] hashes = new int[SLOTS];
        private final RequestLabels[] values = new RequestLabels[SLOTS];
        private int size;
        private long bytes;
        private int lastHash;
        private int lastSlot;

        /** The labels of the sample, or null: then {@link #put} them. */
        RequestLabels get(RawSample sample) {
            long h = sample.fingerprint();
            int hash = (int) (h ^ (h >>> 32));
            int slot = hash & (SLOTS - 1);
            while (keys[slot] != null) {
                if (hashes[slot] == hash && sample.hasKey(keys[slot])) {
                    return values[slot];
                }
                slot = (slot + 1) & (SLOTS - 1);
            }
            lastHash = hash;
            lastSlot = slot;
            return null;
        }

        /** Keeps the labels of the sample {@link #get} found none for, while there is room. */
        void put(RawSample sample, RequestLabels labels) {
            if (size < INTERNED && bytes <= BYTE_LABELS_BYTES) {
                byte[] key = sample.key();
                keys[lastSlot] = key;
                hashes[lastSlot] = lastHash;
                values[lastSlot] = labels;
                size++;
                bytes += key.length;
            }
        }
    }

    /** The text of byte ranges that recur (failure kinds), decoded once each: a small table where a newer one replaces. */
    private static final class TextCache {

        private static final int SLOTS = 256;
        private final byte[][] keys = new byte[SLOTS][];
        private final String[] texts = new String[SLOTS];

        String text(byte[] a, int start, int end) {
            int h = end - start;
            for (int i = start; i < end; i++) {
                h = 31 * h + a[i];
            }
            int slot = (h ^ (h >>> 8)) & (SLOTS - 1);
            byte[] key = keys[slot];
            if (key != null && Arrays.equals(key, 0, key.length, a, start, end)) {
                return texts[slot];
            }
            String text = RawSample.decode(a, start, end);
            keys[slot] = Arrays.copyOfRange(a, start, end);
            texts[slot] = text;
            return text;
        }
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

    /**
     * Ends a reading in which {@code pending} (when not null) was the last sample's error: only a warning, as a
     * harness killed while writing cuts off the last line.
     *
     * @param line the last line read, for an error without one
     */
    void endReading(InputException pending, long line) {
        if (pending != null) {
            warn(pending.line().orElse(line), "skipped the last line (" + pending.detail()
                    + "): the harness was probably stopped while writing it");
        }
    }

    /**
     * Adds what {@code later} read from the samples after this one's (the parts of one file, in file order): false when
     * the result might differ from one sink's (see {@link SampleAggregator#absorb}).
     */
    boolean absorb(SampleSink later) {
        submillisecond |= later.submillisecond;
        samples += later.samples;
        maxUsers = Math.max(maxUsers, later.maxUsers);
        return aggregator.absorb(later.aggregator);
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
