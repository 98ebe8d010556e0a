package dev.loadverdict.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loadverdict.model.InputException;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Shared JSON plumbing: one factory with documented limits, one pretty printer with stable output. */
final class Json {

    /** Documents larger than this many characters in one string are refused (a label, a histogram). */
    static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;
    /**
     * Documents longer than this many bytes are refused: a run of 1,000 endpoints with full time series is about
     * 60 MB, and a document is read whole.
     */
    static final long MAX_DOCUMENT_LENGTH = 128L * 1024 * 1024;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                    .build())
            .build();

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private Json() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Pretty-printed, two-space indented, LF line endings, a final newline: readable in {@code git diff}. Written
     * with jackson-core's generator, as databind's {@code ObjectWriter} writes a tree, without an {@code ObjectMapper}
     * (whose set-up takes a tenth of a short command's start-up).
     */
    static String write(JsonNode tree) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(PRETTY.createInstance());
            write(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    g.writeFieldName(field.getKey());
                    write(g, field.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(g, element);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                }
            }
            default -> throw new IllegalArgumentException("no JSON for a " + node.getNodeType() + " node");
        }
    }

    static void put(ObjectNode node, String key, Optional<String> value) {
        value.ifPresent(v -> node.put(key, v));
    }

    static void put(ObjectNode node, String key, OptionalDouble value) {
        value.ifPresent(v -> node.put(key, v));
    }

    static void put(ObjectNode node, String key, OptionalInt value) {
        value.ifPresent(v -> node.put(key, v));
    }

    static void put(ObjectNode node, String key, OptionalLong value) {
        value.ifPresent(v -> node.put(key, v));
    }

    static Optional<String> optionalText(Node parent, String key) {
        Node n = parent.optional(key);
        return n == null ? Optional.empty() : Optional.of(n.text());
    }

    static OptionalDouble optionalNumber(Node parent, String key) {
        Node n = parent.optional(key);
        return n == null ? OptionalDouble.empty() : OptionalDouble.of(n.number());
    }

    /** A percentile in percent as a compact key: {@code 95.0 -> "p95"}, {@code 99.9 -> "p99.9"}. */
    static String percentileKey(double percent) {
        return "p" + BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString();
    }

    static double parsePercentileKey(Node where, String key) {
        if (!key.startsWith("p")) {
            throw where.fail("percentile key '" + key + "' must look like p95 or p99.9");
        }
        try {
            double p = Double.parseDouble(key.substring(1));
            if (!(p > 0 && p <= 100)) {
                throw where.fail("percentile key '" + key + "' is outside (0, 100]");
            }
            return p;
        } catch (NumberFormatException e) {
            throw where.fail("percentile key '" + key + "' must look like p95 or p99.9");
        }
    }

    /** Checks the {@code schema} member: the kind must match and the version must be one we read. */
    static void requireSchema(Node root, String kind, int supportedVersion) {
        root.requireObject();
        if (!root.has("schema")) {
            throw root.fail("not a loadverdict " + kind + " file: no \"schema\": \"loadverdict." + kind + "/"
                    + supportedVersion + "\" member");
        }
        String schema = root.get("schema").text();
        String prefix = "loadverdict." + kind + "/";
        if (!schema.startsWith(prefix)) {
            String hint = kind.equals("baseline") && schema.startsWith("loadverdict.run/")
                    ? " (make it a baseline with: loadverdict baseline promote RUN --to FILE)" : "";
            throw root.get("schema").fail("expected a loadverdict." + kind + " document but this is " + schema + hint);
        }
        int version;
        try {
            version = Integer.parseInt(schema.substring(prefix.length()));
        } catch (NumberFormatException e) {
            throw root.get("schema").fail("unreadable schema version in " + schema);
        }
        if (version > supportedVersion) {
            throw root.get("schema").fail(schema + " was written by a newer loadverdict; this one reads up to "
                    + prefix + supportedVersion);
        }
    }

    static InputException wrapModelError(Node where, IllegalArgumentException e) {
        return where.fail(e.getMessage());
    }
}
