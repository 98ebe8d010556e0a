package dev.loadverdict.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractAndPromoteTest {

    @TempDir
    Path tmp;

    @Test
    void extractPrintsTheRunJsonOnStdout() {
        Cli.Result r = Cli.run("extract", "examples/runs/locust-baseline/shop_stats.csv");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("{\n  \"schema\": \"loadverdict.run/1\"").contains("\"name\": \"/api/search\"");
    }

    @Test
    void extractAppliesTheMappingConfig() throws IOException {
        Path config = Files.writeString(tmp.resolve("loadverdict.yml"), """
                mapping:
                  - match: { name: "^/api/(cart|checkout)" }
                    service: checkout
                  - match: { name: "^/api/" }
                    service: catalog
                """);
        Cli.Result r = Cli.run("extract", "--config", config.toString(), "examples/runs/locust-baseline/");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"name\": \"checkout\"").contains("\"name\": \"catalog\"")
                .contains("\"mappingHash\": \"sha256:");
    }

    @Test
    void promoteCreatesVersionOneThenKeepsItWhenPromotingVersionTwo() throws IOException {
        Path baseline = tmp.resolve("baselines/shop.json");
        Cli.Result first = Cli.runIn(Cli.ROOT, Map.of("GITHUB_SHA", "abc1234"), "baseline", "promote",
                "examples/runs/locust-baseline/", "--to", baseline.toString(), "--note", "first");
        assertThat(first.exitCode()).isZero();
        assertThat(first.err()).contains("is now baseline version 1");
        String v1 = Files.readString(baseline);
        assertThat(v1).contains("\"version\": 1").contains("\"gitSha\": \"abc1234\"").contains("\"note\": \"first\"");

        Cli.Result second = Cli.run("baseline", "promote", "examples/runs/locust-unchanged/", "--to", baseline.toString());
        assertThat(second.exitCode()).isZero();
        assertThat(second.err()).contains("is now baseline version 2").contains("shop.v2.json");
        assertThat(Files.readString(baseline)).contains("\"version\": 2");
        assertThat(Files.readString(tmp.resolve("baselines/shop.v1.json"))).isEqualTo(v1);
        assertThat(Files.readString(tmp.resolve("baselines/shop.v2.json"))).isEqualTo(Files.readString(baseline));
        try (var files = Files.list(tmp.resolve("baselines"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("shop.json", "shop.v1.json", "shop.v2.json");
        }
    }

    @Test
    void promoteNeverOverwritesACorruptBaseline() throws IOException {
        Path baseline = Files.writeString(tmp.resolve("shop.json"), "{ not json");
        Cli.Result r = Cli.run("baseline", "promote", "examples/runs/locust-baseline/", "--to", baseline.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(Files.readString(baseline)).isEqualTo("{ not json");
    }

    @Test
    void promoteOfBrokenResultsWritesNothing() throws IOException {
        Path bad = Files.writeString(tmp.resolve("x_stats.csv"), "Type,Name,Request Count,Failure Count,"
                + "Median Response Time,Requests/s\nGET,/a,x,0,1,1\n");
        Path baseline = tmp.resolve("shop.json");
        Cli.Result r = Cli.run("baseline", "promote", bad.toString(), "--to", baseline.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("x_stats.csv:2:");
        assertThat(baseline).doesNotExist();
    }

    @Test
    void outputPathThatIsADirectoryIsBadInputNotInternal() {
        Cli.Result r = Cli.run("extract", "examples/runs/locust-baseline/", "-o", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("loadverdict: " + tmp + ": is a directory; give a file name\n");
    }

    @Test
    void unwritableBaselineIsBadInputNamingThePath() throws IOException {
        Path readOnly = Files.createDirectory(tmp.resolve("ro"));
        readOnly.toFile().setWritable(false);
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(readOnly.toFile().canWrite(), "root ignores permissions");
            Cli.Result r = Cli.run("baseline", "promote", "examples/runs/locust-baseline/", "--to",
                    readOnly.resolve("shop.json").toString());
            assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.err()).contains("cannot be written");
        } finally {
            readOnly.toFile().setWritable(true);
        }
    }

    @Test
    void theExampleBaselineIsAPromotedRealRun() throws IOException {
        String json = Files.readString(Cli.ROOT.resolve("examples/baselines/shop.json"));
        assertThat(json).contains("\"schema\": \"loadverdict.baseline/1\"")
                .contains("examples/runs/locust-baseline/shop_stats.csv");
    }
}
