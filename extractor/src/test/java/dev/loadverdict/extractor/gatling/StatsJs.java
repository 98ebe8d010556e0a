package dev.loadverdict.extractor.gatling;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only: the statistics Gatling 3.13+ embeds in its HTML report. Those versions write no {@code js/stats.json};
 * the same tree is in {@code js/stats.js} as a JavaScript literal {@code var stats = {type: "GROUP", …, stats: {…},
 * contents: {…}}} (unquoted top-level keys, numbers as strings). This turns it into the JSON of a
 * {@code stats.json}, which {@link GatlingStatsFormat} reads (numbers as strings included), so loadverdict's numbers
 * from the binary log can be checked against Gatling's own report of the same run.
 *
 * <pre>java -cp loadverdict.jar:extractor/target/test-classes dev.loadverdict.extractor.gatling.StatsJs stats.js out.json</pre>
 */
public final class StatsJs {

    private static final String PREFIX = "var stats = ";
    private static final JsonFactory LENIENT = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES).build();

    private StatsJs() {
    }

    /** The stats tree of a report's {@code stats.js}, as JSON. */
    public static String toJson(Path statsJs) throws IOException {
        String text = Files.readString(statsJs, StandardCharsets.UTF_8);
        int at = text.indexOf(PREFIX);
        if (at < 0) {
            throw new IOException(statsJs + ": no '" + PREFIX + "' in it; not a Gatling report's stats.js");
        }
        StringWriter out = new StringWriter();
        try (JsonParser in = LENIENT.createParser(text.substring(at + PREFIX.length()));
             JsonGenerator json = LENIENT.createGenerator(out)) {
            in.nextToken();
            json.copyCurrentStructure(in); // the object only: the functions after it are not read
        }
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: StatsJs STATS_JS OUT_JSON");
            System.exit(2);
        }
        Files.writeString(Path.of(args[1]), toJson(Path.of(args[0])), StandardCharsets.UTF_8);
    }
}
