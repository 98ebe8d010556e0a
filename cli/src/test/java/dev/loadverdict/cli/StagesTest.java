package dev.loadverdict.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --stages}: each stage of a raw run becomes a run of its own, compared with the baseline's stage of the
 * same name. The JTLs here are written by the test (one request every 100 ms for 40 s) so that exactly one
 * stage regresses; they are synthetic, not tool output.
 */
class StagesTest {

    private static final String STAGES = "ramp=0s..20s,steady=20s..";

    @TempDir
    Path tmp;

    @Test
    void stagesSplitTheRunAndTheirRequestsAddUpToTheWhole() throws IOException {
        Path jtl = jtl("run.csv", 50, 50);
        Cli.Result r = Cli.run("extract", "--stages", STAGES, jtl.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode run = new ObjectMapper().readTree(r.out());
        JsonNode stages = run.get("stages");
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0).get("metadata").get("stage").asText()).isEqualTo("ramp");
        assertThat(stages.get(1).get("metadata").get("stage").asText()).isEqualTo("steady");
        assertThat(stages.get(0).get("total").get("requests").asLong()).isEqualTo(200);
        assertThat(stages.get(0).get("total").get("requests").asLong()
                + stages.get(1).get("total").get("requests").asLong())
                .isEqualTo(run.get("total").get("requests").asLong());
    }

    @Test
    void onlyTheStageThatRegressedIsFlagged() throws IOException {
        Path baseline = tmp.resolve("baseline.json");
        assertThat(Cli.run("baseline", "promote", "--stages", STAGES, jtl("base.csv", 50, 50).toString(),
                "--to", baseline.toString()).exitCode()).isZero();
        Cli.Result r = Cli.run("compare", "--baseline", baseline.toString(), "--stages", STAGES, "--format", "json",
                jtl("slow-steady.csv", 50, 200).toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.REGRESSION);
        JsonNode findings = new ObjectMapper().readTree(r.out()).get("findings");
        int critical = 0;
        for (JsonNode f : findings) {
            if (f.get("severity").asText().equals("critical")) {
                critical++;
                assertThat(f.get("stage").asText()).isEqualTo("steady");
            }
            if (f.get("stage").asText().equals("ramp")) {
                assertThat(f.get("severity").asText()).isEqualTo("none");
            }
        }
        assertThat(critical).isPositive();
        Cli.Result text = Cli.run("compare", "--baseline", baseline.toString(), "--stages", STAGES,
                tmp.resolve("slow-steady.csv").toString());
        assertThat(text.out()).contains("steady / default").contains("ramp / default");
    }

    @Test
    void aStageAfterTheRunsEndIsLeftOutWithAWarning() throws IOException {
        Cli.Result r = Cli.run("extract", "--stages", STAGES + ",late=1h..", jtl("run.csv", 50, 50).toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("stage late left out");
        assertThat(new ObjectMapper().readTree(r.out()).get("stages")).hasSize(2);
        r = Cli.run("extract", "--stages", "late=1h..", tmp.resolve("run.csv").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("none of the stages holds requests");
    }

    @Test
    void comparingAStagedRunWithAnUnstagedBaselineWarns() throws IOException {
        Path baseline = tmp.resolve("baseline.json");
        Path run = jtl("run.csv", 50, 50);
        assertThat(Cli.run("baseline", "promote", run.toString(), "--to", baseline.toString()).exitCode()).isZero();
        Cli.Result r = Cli.run("compare", "--baseline", baseline.toString(), "--stages", STAGES, run.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("this run is split into stages but the baseline is not");
    }

    @Test
    void badStageSpecificationsAreUsageErrors() throws IOException {
        String run = jtl("run.csv", 50, 50).toString();
        assertThat(Cli.run("extract", "--stages", "ramp", run).err()).contains("--stages takes NAME=FROM..TO");
        assertThat(Cli.run("extract", "--stages", "a=0s..5s,a=5s..", run).err()).contains("names stage 'a' twice");
        assertThat(Cli.run("extract", "--stages", "a b=0s..5s", run).err()).contains("a stage name is letters");
        assertThat(Cli.run("extract", "--stages", "a=9s..5s", run).err()).contains("ends before it starts");
        Cli.Result r = Cli.run("extract", "--stages", STAGES, "--skip-warmup", "5s", run);
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--stages cannot be combined");
        assertThat(Cli.run("extract", "--stages", STAGES, "examples/runs/locust-baseline/").err())
                .contains("has only Aggregated rows").contains("--csv-full-history");
    }

    /** 400 requests, one every 100 ms: those of the first 20 s take {@code firstMs}, the rest {@code laterMs}. */
    private Path jtl(String name, int firstMs, int laterMs) throws IOException {
        StringBuilder s = new StringBuilder("timeStamp,elapsed,label,responseCode,success\n");
        long start = 1_700_000_000_000L;
        for (int i = 0; i < 400; i++) {
            int elapsed = (i < 200 ? firstMs : laterMs) + i % 7;
            s.append(start + i * 100L).append(',').append(elapsed).append(",GET /x,200,true\n");
        }
        return Files.writeString(tmp.resolve(name), s.toString());
    }
}
