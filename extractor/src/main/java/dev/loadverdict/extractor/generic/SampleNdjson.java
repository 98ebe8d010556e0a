package dev.loadverdict.extractor.generic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.BoundedLineReader;
import dev.loadverdict.extractor.internal.Messages;
import dev.loadverdict.model.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.OptionalLong;

/**
 * The NDJSON (JSON lines) form of the generic raw samples: one {@link SampleObject} per line, blank lines
 * ignored. A last line that cannot be read (a harness killed while writing) is skipped with a warning; any
 * other line that is not one sample object is an error naming its line.
 */
final class SampleNdjson {

    static final JsonFactory JSON = JsonFactory.builder().build();

    private SampleNdjson() {
    }

    static void read(Reader reader, String file, SampleSink sink) throws IOException {
        BufferedReader lines = new BufferedReader(new BoundedLineReader(reader, file, ReadLimits.MAX_LINE));
        SampleObject sample = new SampleObject();
        InputException pending = null;
        long number = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            if (pending != null) {
                throw pending;
            }
            try {
                parse(line, file, number, sample);
                sink.add(sample.values, sample.tags, number);
            } catch (InputException e) {
                pending = e; // fatal unless it is the last line, which a killed harness may have cut off
            }
        }
        sink.endReading(pending, number);
    }

    static void parse(String line, String file, long number, SampleObject sample) {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(file, number, "not a JSON object: \"" + Messages.shorten(line) + "\"");
            }
            sample.read(p, file, number);
            if (p.nextToken() != null) {
                throw new InputException(file, number, "more than one JSON value on the line");
            }
        } catch (JsonProcessingException e) {
            throw Messages.brokenJson(file, OptionalLong.of(number), e);
        } catch (IOException e) {
            throw new InputException(file, OptionalLong.of(number), "cannot be read: " + e.getMessage(), e);
        }
    }
}
