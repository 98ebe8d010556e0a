package dev.loadverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data archive's training run reads what a user's commands read: a compare, and raw samples of two tools. */
class TrainingTest {

    @TempDir
    Path work;

    @Test
    void runsTheComparesReportsAndReadsRawJmeterAndK6Samples() throws Exception {
        StringWriter err = new StringWriter();
        int code = Training.run(Cli.ROOT.resolve("examples"), work, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));

        assertThat(code).as(err.toString()).isZero();
        assertThat(work.resolve("reports")).isDirectoryContaining("glob:**.md").isDirectoryContaining("glob:**.html")
                .isDirectoryContaining("glob:**.xml").isDirectoryContaining("glob:**.json");
        ObjectMapper json = new ObjectMapper();
        JsonNode jmeter = json.readTree(Files.readString(work.resolve("jmeter.json")));
        JsonNode k6 = json.readTree(Files.readString(work.resolve("k6.json")));
        assertThat(jmeter.at("/metadata/tool").asText()).isEqualTo("jmeter");
        assertThat(k6.at("/metadata/tool").asText()).isEqualTo("k6");
        // raw samples, not a tool's summary: every request counted one by one
        assertThat(jmeter.at("/total/requests").asLong()).isGreaterThanOrEqualTo(1000);
        assertThat(k6.at("/total/requests").asLong()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aCommandThatFailsFailsTheTraining() {
        StringWriter err = new StringWriter();
        int code = Training.run(work.resolve("no-examples-here"), work, new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("loadverdict training: 'compare --baseline");
    }
}
