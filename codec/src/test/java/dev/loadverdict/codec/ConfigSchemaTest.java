package dev.loadverdict.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loadverdict.model.Metric;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON Schema of loadverdict.yml (in the jar and in docs/) says exactly what the parser accepts. */
class ConfigSchemaTest {

    static JsonNode schema() throws IOException {
        try (InputStream in = ConfigParser.class.getResourceAsStream("loadverdict.schema.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static List<String> keys(JsonNode properties) {
        List<String> keys = new ArrayList<>();
        properties.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void theDocsCopyIsTheShippedOne() throws IOException {
        String docs = Files.readString(Path.of("../docs/loadverdict.schema.json"));
        try (InputStream in = ConfigParser.class.getResourceAsStream("loadverdict.schema.json")) {
            assertThat(docs).isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyLevelListsTheKeysTheParserAccepts() throws IOException {
        JsonNode s = schema();
        JsonNode p = s.get("properties");
        assertThat(keys(p)).containsExactlyInAnyOrderElementsOf(ConfigParser.TOP_KEYS);
        assertThat(keys(p.get("defaults").get("properties"))).containsExactlyInAnyOrderElementsOf(ConfigParser.DEFAULT_KEYS);
        JsonNode service = p.get("services").get("additionalProperties").get("properties");
        assertThat(keys(service)).containsExactlyInAnyOrderElementsOf(ConfigParser.SERVICE_KEYS);
        assertThat(keys(service.get("endpoints").get("additionalProperties").get("properties")))
                .containsExactlyInAnyOrderElementsOf(ConfigParser.ENDPOINT_KEYS);
        assertThat(keys(s.get("$defs").get("metricRule").get("properties"))).containsExactlyInAnyOrderElementsOf(ConfigParser.METRIC_KEYS);
        assertThat(keys(s.get("$defs").get("conditions").get("properties"))).containsExactlyInAnyOrderElementsOf(ConfigParser.CONDITION_KEYS);
        assertThat(keys(p.get("mapping").get("items").get("properties"))).containsExactlyInAnyOrderElementsOf(ConfigParser.MAPPING_KEYS);
        assertThat(keys(p.get("naming").get("properties"))).containsExactlyInAnyOrderElementsOf(ConfigParser.NAMING_KEYS);
        assertThat(keys(p.get("issues").get("properties"))).containsExactlyInAnyOrderElementsOf(ConfigParser.ISSUE_KEYS);
        assertThat(keys(p.get("matching").get("properties"))).containsExactlyInAnyOrderElementsOf(ConfigParser.MATCHING_KEYS);
        JsonNode history = p.get("history").get("properties");
        assertThat(keys(history)).containsExactlyInAnyOrderElementsOf(ConfigParser.HISTORY_KEYS);
        assertThat(keys(history.get("changePoints").get("properties"))).containsExactlyInAnyOrderElementsOf(ConfigParser.CHANGE_POINT_KEYS);
        assertThat(keys(history.get("drift").get("properties"))).containsExactlyInAnyOrderElementsOf(ConfigParser.DRIFT_KEYS);
        List<String> metrics = new ArrayList<>();
        s.get("$defs").get("metrics").get("propertyNames").get("enum").forEach(m -> metrics.add(m.asText()));
        assertThat(metrics).containsExactlyElementsOf(Arrays.stream(Metric.values()).map(Metric::key).toList());
    }
}
