package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.RunFacts;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.RequestLabels;
import dev.loadverdict.extractor.internal.SampleAggregator;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Where CSV and XML readers put JMeter samples: into their endpoint and the totals, or their endpoint only
 * (see {@link SampleRules}); batched samples expanded; the thread count tracked; all of it turned into a
 * {@link ToolResult} with JMeter's metadata.
 */
final class SampleRecorder {

    private final SampleAggregator aggregator;
    private final String file;
    private final Diagnostics diagnostics;
    private long maxThreads = -1;

    SampleRecorder(ReadContext context, String file) {
        this.aggregator = context.newAggregator();
        this.file = file;
        this.diagnostics = new Diagnostics(file);
    }

    /**
     * Records one sample (or one batch of {@code sampleCount} samples of which {@code errorCount} failed,
     * each taking an equal share of {@code elapsedMs}). The caller has applied {@link SampleRules}: empty
     * transaction-controller samples are not recorded at all.
     *
     * @param outsideTotals whether the sample counts for its endpoint only (a transaction controller's
     *     sample whose contained samples are counted themselves)
     * @param errorCount failed samples of a batch, or -1 when the file does not say
     */
    void record(RequestLabels labels, long startMs, long elapsedMs, boolean success, String failureKind,
                boolean outsideTotals, long sampleCount, long errorCount, long line) {
        if (elapsedMs > ReadLimits.MAX_LATENCY_MS) {
            throw new InputException(file, line, "elapsed of " + elapsedMs + " ms is longer than any request (over "
                    + ReadLimits.MAX_LATENCY_MS + " ms, about 11.6 days)");
        }
        if (sampleCount == 1) {
            add(labels, startMs, elapsedMs * 1000, success, failureKind, outsideTotals);
            return;
        }
        if (sampleCount < 1 || sampleCount > ReadLimits.MAX_SAMPLE_COUNT) {
            throw new InputException(file, line, "SampleCount " + sampleCount + " is not between 1 and "
                    + ReadLimits.MAX_SAMPLE_COUNT);
        }
        long errors = errorCount >= 0 ? Math.min(errorCount, sampleCount) : success ? 0 : sampleCount;
        long micros = elapsedMs * 1000 / sampleCount;
        for (long i = 0; i < sampleCount; i++) {
            boolean ok = i >= errors;
            add(labels, startMs, micros, ok, ok ? null : failureKind, outsideTotals);
        }
    }

    private void add(RequestLabels labels, long startMs, long micros, boolean success, String kind, boolean outside) {
        if (outside) {
            aggregator.addOutsideTotals(labels, startMs, micros, success, kind);
        } else {
            aggregator.add(labels, startMs, micros, success, kind);
        }
    }

    /** The number of active threads in all thread groups when a sample was taken. */
    void threads(long allThreads) {
        if (allThreads > maxThreads) {
            maxThreads = allThreads;
        }
    }

    void warn(long line, String message) {
        diagnostics.warn(line, message);
    }

    /** Whether a warning was given. */
    boolean warned() {
        return !diagnostics.warnings().isEmpty();
    }

    /**
     * Adds what {@code later} recorded from the samples after this one's (see {@link SampleAggregator#absorb}): false
     * when the result might differ from one recorder's.
     */
    boolean absorb(SampleRecorder later) {
        maxThreads = Math.max(maxThreads, later.maxThreads);
        return aggregator.absorb(later.aggregator);
    }

    ToolResult finish() {
        OptionalInt users = maxThreads >= 0 ? OptionalInt.of((int) Math.min(Integer.MAX_VALUE, maxThreads))
                : OptionalInt.empty();
        return aggregator.finish().result(RunFacts.of(Tool.JMETER, file,
                new Workload(Workload.Model.CLOSED, users, OptionalDouble.empty()), SourcePrecision.wholeMilliseconds()),
                diagnostics.warnings());
    }
}
