package dev.loadverdict.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loadverdict.model.InputException;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A JSON or YAML value together with its path in the document and the line it was written on, so that
 * every validation error names the file, the line and the key at fault.
 */
final class Node {

    private final Document document;
    private final JsonNode value;
    private final String path;

    private Node(Document document, JsonNode value, String path) {
        this.document = document;
        this.value = value;
        this.path = path;
    }

    /** Parses a whole document, recording the line of every value. */
    static Node parse(JsonFactory factory, String source, Reader reader) {
        return parse(factory, source, reader, false);
    }

    /** Parses a whole document; with {@code emptyIsNull}, a document without content is a null value. */
    static Node parse(JsonFactory factory, String source, Reader reader, boolean emptyIsNull) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = factory.createParser(reader)) {
            JsonToken first = parser.nextToken();
            if (first == null && emptyIsNull) {
                return new Node(new Document(source, lines), JsonNodeFactory.instance.nullNode(), "$");
            }
            if (first == null) {
                throw new InputException(source, "is empty");
            }
            JsonNode root = read(parser, source, "$", lines);
            if (parser.nextToken() != null) {
                throw new InputException(source, OptionalLong.of(parser.currentLocation().getLineNr()),
                        "unexpected content after the end of the document", null);
            }
            return new Node(new Document(source, lines), root, "$");
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException
                    || String.valueOf(e.getOriginalMessage()).contains("MalformedInputException")
                    || String.valueOf(e.getOriginalMessage()).contains("Invalid UTF-8")) {
                throw new InputException(source, OptionalLong.empty(), "is not UTF-8 text", e);
            }
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new InputException(source, line > 0 ? OptionalLong.of(line) : OptionalLong.empty(),
                    "not valid " + factory.getFormatName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(source, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
    }

    private static JsonNode read(JsonParser parser, String source, String path, Map<String, Integer> lines) throws IOException {
        lines.put(path, parser.currentLocation().getLineNr());
        JsonToken token = parser.currentToken();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (object.has(name)) {
                        throw new InputException(source, parser.currentLocation().getLineNr(),
                                "duplicate key '" + name + "'");
                    }
                    parser.nextToken();
                    object.set(name, read(parser, source, path + "." + name, lines));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                int i = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, source, path + "[" + i++ + "]", lines));
                }
                return array;
            }
            case VALUE_STRING -> {
                return nodes.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return nodes.numberNode(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return nodes.booleanNode(parser.getBooleanValue());
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new InputException(source, parser.currentLocation().getLineNr(),
                    "unexpected " + token);
        }
    }

    String source() {
        return document.source;
    }

    /** The path of this value, e.g. {@code services.api.metrics.p95}. */
    String path() {
        return path.equals("$") ? "(top level)" : path.substring(2);
    }

    /** The line this value starts on, when known. */
    OptionalLong line() {
        Integer line = document.lines.get(path);
        return line == null || line < 1 ? OptionalLong.empty() : OptionalLong.of(line);
    }

    /** {@code file:line} of this value, for tracing a rule back to where it was written. */
    String location() {
        return line().isPresent() ? source() + ":" + line().getAsLong() : source();
    }

    InputException fail(String message) {
        return new InputException(source(), line(), path() + ": " + message, null);
    }

    boolean isNull() {
        return value.isNull();
    }

    boolean isObject() {
        return value.isObject();
    }

    boolean isTextual() {
        return value.isTextual();
    }

    boolean isBoolean() {
        return value.isBoolean();
    }

    boolean isNumber() {
        return value.isNumber();
    }

    Node requireObject() {
        if (!value.isObject()) {
            throw fail("expected an object but found " + describe());
        }
        return this;
    }

    /** Fails on any key outside {@code allowed}: a typo in a config must not be silently ignored. */
    Node requireKeys(Collection<String> allowed) {
        requireObject();
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw child(key).fail("unknown key (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return requireObject().value.has(key) && !value.get(key).isNull();
    }

    Node get(String key) {
        if (!has(key)) {
            throw fail("missing key '" + key + "'");
        }
        return child(key);
    }

    /** The named member, or {@code null} when it is absent or null. */
    Node optional(String key) {
        return has(key) ? child(key) : null;
    }

    private Node child(String key) {
        return new Node(document, value.get(key), path + "." + key);
    }

    /** The members of an object, in document order. */
    List<Map.Entry<String, Node>> fields() {
        requireObject();
        List<Map.Entry<String, Node>> out = new ArrayList<>();
        value.fieldNames().forEachRemaining(k -> out.add(Map.entry(k, child(k))));
        return out;
    }

    List<Node> elements() {
        if (!value.isArray()) {
            throw fail("expected a list but found " + describe());
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            out.add(new Node(document, value.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    String text() {
        if (!value.isTextual()) {
            throw fail("expected text but found " + describe());
        }
        return value.textValue();
    }

    /** Text, or a number or boolean written as text (YAML users write {@code 10%} and {@code 10} alike). */
    String scalarText() {
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        throw fail("expected a value but found " + describe());
    }

    long wholeNumber() {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw fail("expected a whole number but found " + describe());
        }
        return value.longValue();
    }

    long nonNegativeWholeNumber() {
        long v = wholeNumber();
        if (v < 0) {
            throw fail("must be >= 0 but was " + v);
        }
        return v;
    }

    double number() {
        if (!value.isNumber()) {
            throw fail("expected a number but found " + describe());
        }
        double v = value.doubleValue();
        if (!Double.isFinite(v)) {
            throw fail("expected a finite number but found " + value.asText());
        }
        return v;
    }

    boolean bool() {
        if (!value.isBoolean()) {
            throw fail("expected true or false but found " + describe());
        }
        return value.booleanValue();
    }

    private String describe() {
        if (value.isTextual()) {
            String t = value.textValue();
            return "\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.isNull() ? "nothing" : value.asText();
    }

    private record Document(String source, Map<String, Integer> lines) {
    }
}
