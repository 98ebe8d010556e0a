package dev.loadverdict.extractor.generic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.loadverdict.model.InputException;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads one sample object ({@code {"timestamp":…,"endpoint":…,"latency_ms":…,"ok":…}}) from a JSON parser:
 * the NDJSON form's lines and the document form's {@code samples} elements. Values may be strings, numbers
 * or booleans (their text is read as in CSV); {@code null} is absent; {@code tags} is an object of scalars;
 * unknown keys are ignored, so harnesses can add their own.
 */
final class SampleObject {

    final String[] values = new String[SampleField.values().length];
    final Map<String, String> tags = new HashMap<>();

    /** Reads the object the parser is at (its START_OBJECT already consumed) up to its END_OBJECT. */
    void read(JsonParser p, String file, long line) throws IOException {
        Arrays.fill(values, null);
        tags.clear();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken v = p.nextToken();
            SampleField field = SampleField.of(key);
            if (field != null) {
                values[field.ordinal()] = scalar(p, v, file, line, key);
            } else if (key.equals(SampleField.TAGS_KEY) && v == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String tag = p.currentName();
                    String value = scalar(p, p.nextToken(), file, line, "tags." + tag);
                    if (value != null) {
                        tags.put(tag, value);
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new InputException(file, line, "a sample object is not closed");
        }
    }

    private static String scalar(JsonParser p, JsonToken v, String file, long line, String key) throws IOException {
        if (v == null) {
            throw new InputException(file, line, "a sample object ends inside '" + key + "'");
        }
        return switch (v) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> p.getText();
            case VALUE_NULL -> null;
            default -> throw new InputException(file, line, "'" + key + "' is " + (v == JsonToken.START_ARRAY ? "an array" : "an object")
                    + " where a string, number or boolean belongs");
        };
    }
}
