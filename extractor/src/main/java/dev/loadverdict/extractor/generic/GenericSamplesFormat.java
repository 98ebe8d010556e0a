package dev.loadverdict.extractor.generic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.Splitting;
import dev.loadverdict.extractor.internal.CsvRecords;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.SplitReading;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads loadverdict's generic raw-sample format, written by custom harnesses and by the Locust hook
 * {@code integrations/locust/loadverdict_samples.py}: one request per CSV row or NDJSON line with at least
 * {@code timestamp} (start, epoch ms or ISO-8601), {@code endpoint}, {@code latency_ms} and {@code ok}, and
 * optionally {@code method}, {@code service}, {@code error}, {@code status}, {@code url}, {@code group} and
 * tags ({@link SampleField}). Samples go through the {@link dev.loadverdict.extractor.internal.SampleAggregator}, so
 * histograms, time series, windows, stages and mapping rules all apply. Several files (one per load
 * generator) merge into one run.
 *
 * <p><b>Detection</b>: a CSV whose first line is a header naming all four required columns (full match; two
 * of them, {@code endpoint} and {@code latency_ms}, give a solid match so a missing column gets a clear
 * error), or NDJSON whose first line is an object with those keys. No JMeter, k6 or Locust file names
 * both {@code endpoint} and {@code latency_ms}, and none of their detectors takes such a header.
 *
 * <p><b>Reading</b>: from bytes ({@link SampleCsvBytes}, {@link SampleNdjsonBytes}), a large file in parts on several
 * threads ({@link SplitReading}; a part that skipped a sample or ended inside a record has the file read on one thread
 * instead), and rare input (quoted line breaks, broken quotes, overlong lines) again with the text readers, so that
 * every result, warning and error is the same as theirs.
 *
 * <p><b>Precision</b>: 1 µs when any response time has a fraction of a millisecond, else whole ms.
 */
final class GenericSamplesFormat implements ResultFormat {

    /** Whether files are read from bytes ({@link SampleCsvBytes}, {@link SampleNdjsonBytes}); tests compare with text. */
    private final boolean bytes;

    GenericSamplesFormat() {
        this(true);
    }

    /** With {@code bytes} false, files are read only by the text readers ({@link SampleCsv}, {@link SampleNdjson}). */
    GenericSamplesFormat(boolean bytes) {
        this.bytes = bytes;
    }

    @Override
    public String displayName() {
        return "loadverdict generic samples (CSV or NDJSON)";
    }

    @Override
    public boolean rawSamples() {
        return true;
    }

    @Override
    public MatchStrength detect(Head head) {
        String first = head.lines().stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        Set<SampleField> named = first.startsWith("{") ? jsonKeys(first) : csvHeader(head);
        if (named.containsAll(SampleField.REQUIRED)) {
            return MatchStrength.FULL_MATCH;
        }
        return named.contains(SampleField.ENDPOINT) && named.contains(SampleField.LATENCY_MS)
                ? MatchStrength.SOLID_MATCH : MatchStrength.NO_MATCH;
    }

    private static Set<SampleField> csvHeader(Head head) {
        Set<SampleField> named = EnumSet.noneOf(SampleField.class);
        for (String cell : head.parsed(CsvRecords.HEADER).orElse(List.of())) {
            SampleField f = SampleField.of(cell);
            if (f != null) {
                named.add(f);
            }
        }
        return named;
    }

    private static Set<SampleField> jsonKeys(String line) {
        Set<SampleField> named = EnumSet.noneOf(SampleField.class);
        try (JsonParser p = SampleNdjson.JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return named;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                SampleField f = SampleField.of(p.currentName());
                JsonToken v = p.nextToken();
                if (f != null && v != null && v.isScalarValue()) {
                    named.add(f);
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            // a first line cut off: judge by the keys seen before the cut
        }
        return named;
    }

    @Override
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        boolean ndjson = head.text().stripLeading().startsWith("{");
        List<String> header = ndjson ? null : head.parsed(CsvRecords.HEADER).orElseThrow(() -> new InputException(
                displayPath, 1, "generic samples CSV without a header row naming its columns"));
        if (bytes) {
            Splitting splitting = context.splittingNow();
            Optional<SampleSink> split = SplitReading.read(path, splitting, SplitReading.LineTest.ANY,
                    (in, first, last) -> {
                        SampleSink part = new SampleSink(context.forPart(splitting), displayPath);
                        boolean exact = ndjson ? SampleNdjsonBytes.read(in, displayPath, part, last)
                                : SampleCsvBytes.read(in, header, displayPath, part, first, last);
                        return exact ? part : null;
                    }, SampleSink::absorb);
            if (split.isPresent()) {
                SplitReading.merged();
                return split.get().finish(Optional.empty(), Workload.unknown(), List.of(displayPath));
            }
            SampleSink sink = new SampleSink(context, displayPath);
            try (InputStream in = InputFiles.openBytes(path, displayPath)) {
                if (ndjson) {
                    SampleNdjsonBytes.read(in, displayPath, sink, true);
                } else {
                    SampleCsvBytes.read(in, header, displayPath, sink, true, true);
                }
                return sink.finish(Optional.empty(), Workload.unknown(), List.of(displayPath));
            } catch (SampleCsvBytes.Fallback e) {
                // rare input the byte readers leave to the text readers: read it all again, from the start
            } catch (IOException e) {
                throw cannotRead(displayPath, e);
            }
        }
        SampleSink sink = new SampleSink(context, displayPath);
        try (Reader reader = InputFiles.openText(path, displayPath)) {
            if (ndjson) {
                SampleNdjson.read(reader, displayPath, sink);
            } else {
                SampleCsv.read(reader, header, displayPath, sink);
            }
        } catch (IOException e) {
            throw cannotRead(displayPath, e);
        }
        return sink.finish(Optional.empty(), Workload.unknown(), List.of(displayPath));
    }

    private static InputException cannotRead(String displayPath, IOException e) {
        return new InputException(displayPath, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
    }
}
