package dev.loadverdict.extractor.k6;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value read whole with jackson-core's streaming parser, for the small k6 summary files: objects as
 * insertion-ordered {@code Map<String, Object>}, arrays as {@code List<Object>}, numbers as {@code Double},
 * plus {@code String}, {@code Boolean} and {@code null}. (A dozen lines instead of jackson-databind as a new
 * dependency.) Nesting is limited by the parser's {@code StreamReadConstraints} (1000 levels).
 */
final class JsonTree {

    private JsonTree() {
    }

    /** The single JSON value the parser holds; text after it is an error. */
    static Object read(JsonParser p) throws IOException {
        if (p.nextToken() == null) {
            throw new JsonParseException(p, "no JSON value");
        }
        Object value = value(p);
        if (p.nextToken() != null) {
            throw new JsonParseException(p, "text after the JSON value");
        }
        return value;
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    object.put(name, value(p));
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p));
                }
                return array;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new JsonParseException(p, "unexpected " + t);
        }
    }
}
