package dev.loadverdict.extractor.generic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads loadverdict's generic document, {@code {"schema": "loadverdict.generic/1", …}}: run metadata (tool name
 * and version as free text, start, end, duration, users, labels) with either per-endpoint aggregates
 * ({@code endpoints}, optionally a {@code total}) or raw {@code samples}. Aggregates keep exactly what the
 * document gives: a percentile it does not list stays absent, never derived from a mean; throughput, when
 * not given, is requests over the run's duration. Samples are aggregated like the CSV form's.
 *
 * <p>A document is read as a whole run, so it cannot be cut to a time window or stages even when it holds
 * samples; write samples as CSV or NDJSON for that ({@link GenericSamplesFormat}).
 *
 * <p><b>Detection</b>: a JSON object whose {@code "schema"} in the first 64 KiB starts with
 * {@code loadverdict.generic/}. Unknown or repeated keys, unsupported schema versions and inconsistent numbers (more
 * failures than requests, p99 below p95) are errors with their line; a document cut off after some
 * complete endpoints or samples gives those with a warning.
 */
final class GenericDocumentFormat implements ResultFormat {

    private static final Pattern SCHEMA = Pattern.compile("\"schema\"\\s*:\\s*\"" + Pattern.quote(DocumentReader.SCHEMA_PREFIX));
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(ReadLimits.MAX_JSON_STRING).maxNestingDepth(16).build())
            .build();

    @Override
    public String displayName() {
        return "loadverdict generic document (JSON)";
    }

    @Override
    public MatchStrength detect(Head head) {
        String text = head.text().stripLeading();
        return text.startsWith("{") && SCHEMA.matcher(text).find() ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH;
    }

    @Override
    public ToolResult read(Head head, ReadContext context) {
        Path path = head.path();
        String displayPath = head.displayPath();
        try (Reader reader = InputFiles.openText(path, displayPath); JsonParser json = JSON.createParser(reader)) {
            DocumentReader document = new DocumentReader(json, displayPath, context);
            try {
                return document.read();
            } catch (JsonEOFException e) {
                return document.truncated(line(e), e.getOriginalMessage());
            } catch (JsonProcessingException e) {
                throw Messages.brokenJson(displayPath, OptionalLong.of(line(e)), e);
            }
        } catch (IOException e) {
            throw new InputException(displayPath, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
    }

    private static long line(JsonProcessingException e) {
        return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    }
}
