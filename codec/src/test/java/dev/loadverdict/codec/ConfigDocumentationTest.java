package dev.loadverdict.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.loadverdict.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every loadverdict.yml shown in the documentation is accepted by both the shipped JSON Schema and {@link ConfigParser},
 * so the two cannot drift apart without a doc example catching it.
 *
 * <p>Which blocks: every fenced {@code ```yaml} or {@code ```yml} block of {@code README.md} and {@code docs/*.md}, and
 * every {@code loadverdict.yml} under {@code examples/}. A block whose top-level keys are all loadverdict.yml's
 * ({@code defaults}, {@code services}, {@code mapping}, {@code naming}, {@code issues}) is a config and is checked. A
 * block with a top-level {@code jobs} (a GitHub workflow) or {@code runs} (a GitHub action) is skipped. Any other
 * yaml block fails this test, so a new kind of block is classified on purpose rather than skipped by accident.
 */
class ConfigDocumentationTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern FENCED = Pattern.compile("(?m)^```ya?ml\\n(.*?)^```", Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A yaml block of a document: the file, the line its text starts on, and its text. */
    record Block(String file, int line, String text) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    static Stream<Block> configBlocks() throws IOException {
        List<Block> configs = new ArrayList<>();
        for (Block b : yamlBlocks()) {
            JsonNode root = YAML.readTree(b.text());
            List<String> keys = new ArrayList<>();
            if (root != null && root.isObject()) {
                root.fieldNames().forEachRemaining(keys::add);
            }
            if (!keys.isEmpty() && ConfigParser.TOP_KEYS.containsAll(keys)) {
                configs.add(b);
            } else if (!keys.contains("jobs") && !keys.contains("runs")) {
                fail(b + ": a yaml block that is neither a loadverdict.yml (top-level keys " + ConfigParser.TOP_KEYS
                        + ") nor a GitHub workflow or action (jobs, runs); classify it in " + ConfigDocumentationTest.class.getSimpleName());
            }
        }
        try (Stream<Path> examples = Files.walk(ROOT.resolve("examples"))) {
            for (Path p : examples.filter(p -> p.getFileName().toString().equals("loadverdict.yml")).sorted().toList()) {
                configs.add(new Block(ROOT.relativize(p).toString(), 1, Files.readString(p)));
            }
        }
        return configs.stream();
    }

    private static List<Block> yamlBlocks() throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path document : documents) {
            String text = Files.readString(document);
            Matcher m = FENCED.matcher(text);
            while (m.find()) {
                int line = (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count() + 1;
                blocks.add(new Block(ROOT.relativize(document).toString(), line, m.group(1)));
            }
        }
        return blocks;
    }

    private static JsonSchema schema() {
        try (var in = ConfigParser.class.getResourceAsStream("loadverdict.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<ValidationMessage> schemaErrors(String yaml) throws IOException {
        return schema().validate(YAML.readTree(yaml));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configBlocks")
    void theSchemaAcceptsIt(Block block) throws IOException {
        assertThat(schemaErrors(block.text())).as(block.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configBlocks")
    void theParserAcceptsIt(Block block) {
        ConfigParser.parse(block.file(), new StringReader(block.text()));
    }

    @Test
    void theDocumentsShowConfigsAndTheWorkflowIsSkipped() throws IOException {
        assertThat(configBlocks().filter(b -> b.file().equals("README.md"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(yamlBlocks()).anyMatch(b -> b.text().contains("jobs:"));
    }

    /** The check above means something only if the schema does reject: the parser and the schema agree on a typo. */
    @Test
    void bothRejectAMisspeltKey() throws IOException {
        String typo = "defaults:\n  metrics:\n    p95: { warning: { relativ: 10% } }\n";
        assertThat(schemaErrors(typo)).isNotEmpty();
        assertThatThrownBy(() -> ConfigParser.parse("typo.yml", new StringReader(typo))).isInstanceOf(InputException.class);
    }
}
