package dev.loadverdict.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's example, end to end through the CLI, on the real Locust runs in examples/. */
class CompareCommandTest {

    static final String BASELINE = "examples/baselines/shop.json";

    @TempDir
    Path tmp;

    @Test
    void regressedRunFailsWithAReportThatShowsWhy() {
        Cli.Result r = Cli.run("compare", "--baseline", BASELINE, "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.out()).startsWith("loadverdict: FAIL");
        assertThat(r.out()).containsPattern("CRITICAL +default +GET /api/search +p95 +110 ms +260 ms");
        assertThat(r.out()).containsPattern("CRITICAL +default +POST /api/checkout +error rate");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void unchangedRunPasses() {
        Cli.Result r = Cli.run("compare", "--baseline", BASELINE, "examples/runs/locust-unchanged/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("loadverdict: PASS");
    }

    @Test
    void failOnNeverReportsButPasses() {
        Cli.Result r = Cli.run("compare", "--fail-on", "never", "--baseline", BASELINE, "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("loadverdict: FAIL");
    }

    @Test
    void failOnWarningCatchesWarnings() {
        // an SLO breach warns whatever the baseline and significance say
        Path config = write("warn.yml", "defaults:\n  metrics:\n    p95: { warning: { limit: 1ms } }\n");
        Cli.Result r = Cli.run("compare", "--config", config.toString(), "--fail-on", "warning",
                "--baseline", BASELINE, "examples/runs/locust-unchanged/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.out()).startsWith("loadverdict: WARN");
    }

    @Test
    void perServiceConfigFromTheExamplesApplies() throws IOException {
        Cli.Result r = Cli.run("compare", "--config", "examples/loadverdict.yml", "--format", "json", "--baseline", BASELINE,
                "examples/runs/locust-unchanged/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("config").asText()).isEqualTo("examples/loadverdict.yml");
        JsonNode checkoutP95 = null;
        JsonNode productsP99 = null;
        for (JsonNode f : json.get("findings")) {
            String key = f.path("endpoint").asText() + " " + f.get("metric").asText();
            if (key.equals("POST /api/checkout p95")) {
                checkoutP95 = f;
            } else if (key.equals("GET /api/products p99")) {
                productsP99 = f;
            }
        }
        // the endpoint's SLO replaced the inherited critical block; the warning block is still inherited
        assertThat(checkoutP95.get("rule").get("critical").get("limit").asDouble()).isEqualTo(300.0);
        assertThat(checkoutP95.get("rule").get("critical").get("source").asText())
                .startsWith("examples/loadverdict.yml:").contains("services.default.endpoints.POST /api/checkout.metrics.p95");
        assertThat(checkoutP95.get("rule").get("warning").get("source").asText()).contains("defaults.metrics.p95");
        assertThat(productsP99.get("rule").get("warning").get("relativePercent").asDouble()).isEqualTo(25.0);
    }

    @Test
    void jsonFormatCarriesEveryNumberBehindTheVerdict() throws IOException {
        Cli.Result r = Cli.run("compare", "--format", "json", "--baseline", BASELINE, "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("schema").asText()).isEqualTo("loadverdict.comparison/1");
        assertThat(json.get("verdict").asText()).isEqualTo("fail");
        JsonNode search = null;
        for (JsonNode f : json.get("findings")) {
            if (f.path("endpoint").asText().equals("GET /api/search") && f.get("metric").asText().equals("p95")) {
                search = f;
            }
        }
        assertThat(search).isNotNull();
        assertThat(search.get("baseline").asDouble()).isEqualTo(110.0);
        assertThat(search.get("current").asDouble()).isEqualTo(260.0);
        assertThat(search.get("severity").asText()).isEqualTo("critical");
        assertThat(search.get("rule").get("critical").get("source").asText()).isEqualTo("built-in defaults");
        assertThat(search.get("reasons")).isNotEmpty();
    }

    @Test
    void markdownFormatStartsWithTheVerdict() {
        Cli.Result r = Cli.run("compare", "--format", "md", "--baseline", BASELINE, "examples/runs/locust-regressed/");
        assertThat(r.out()).startsWith("## loadverdict: FAIL");
    }

    @Test
    void anExtractedRunJsonComparesLikeTheRawFiles() {
        Path run = tmp.resolve("run.json");
        Cli.Result extract = Cli.run("extract", "examples/runs/locust-regressed/", "-o", run.toString());
        assertThat(extract.exitCode()).isZero();
        Cli.Result fromJson = Cli.run("compare", "--baseline", BASELINE, run.toString());
        Cli.Result fromRaw = Cli.run("compare", "--baseline", BASELINE, "examples/runs/locust-regressed/");
        assertThat(fromJson.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(fromJson.out().lines().skip(1).filter(l -> !l.startsWith("Current:")).toList())
                .isEqualTo(fromRaw.out().lines().skip(1).filter(l -> !l.startsWith("Current:")).toList());
    }

    @Test
    void missingBaselineIsBadInputWithAHint() {
        Cli.Result r = Cli.run("compare", "--baseline", "baselines/nope.json", "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("loadverdict: baselines/nope.json: no such baseline; create it with: "
                + "loadverdict baseline promote RUN --to baselines/nope.json\n");
    }

    @Test
    void missingBaselineCanBeAllowedOnTheFirstRun() {
        Cli.Result r = Cli.run("compare", "--if-no-baseline", "pass", "--baseline", "baselines/nope.json",
                "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).contains("no baseline baselines/nope.json; only absolute limits were checked");
        assertThat(r.out()).startsWith("loadverdict: PASS").contains("Baseline:   none: only absolute limits were checked");
    }

    @Test
    void withoutABaselineAnAbsoluteLimitStillFailsTheRun() {
        // the regressed run's search p95 is 260 ms: an SLO of 10 ms must fail it on the very first run
        Path config = write("slo.yml", "defaults:\n  metrics:\n    p95: { critical: { limit: 10ms } }\n");
        Cli.Result r = Cli.run("compare", "--config", config.toString(), "--if-no-baseline", "pass",
                "--baseline", "shop-new-suite", "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.out()).startsWith("loadverdict: FAIL")
                .containsPattern("CRITICAL +default +GET /api/search +p95 +— +260 ms")
                .contains("Baseline:   none");
        Cli.Result failing = Cli.run("compare", "--config", config.toString(), "--baseline", "shop-new-suite",
                "examples/runs/locust-regressed/");
        assertThat(failing.exitCode()).as("without --if-no-baseline pass a missing baseline stays bad input")
                .isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void withoutABaselineTheComparisonJsonSaysSoAndRendersAgain() throws IOException {
        Path config = write("slo.yml", "defaults:\n  metrics:\n    error_rate: { critical: { limit: 0.1% } }\n");
        Path out = tmp.resolve("reports");
        Cli.Result r = Cli.run("compare", "--config", config.toString(), "--if-no-baseline", "pass", "--baseline",
                "shop-new-suite", "--report", "json,html,md,junit", "--out-dir", out.toString(), "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        JsonNode json = new ObjectMapper().readTree(out.resolve("comparison.json").toFile());
        assertThat(json.has("baseline")).isTrue();
        assertThat(json.get("baseline").isNull()).isTrue();
        assertThat(json.get("endpointChanges")).isEmpty();
        assertThat(Files.readString(out.resolve("report.html"))).contains("none, only absolute limits were checked");
        Cli.Result again = Cli.run("report", out.resolve("comparison.json").toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(again.out()).contains("Baseline:   none");
    }

    @Test
    void theK6SloExampleGatesARealRunWithoutABaseline() {
        // examples/k6-slo/README.md: a real k6 --out json run, p95 7.5 ms, no errors, 189.6 req/s
        Cli.Result r = Cli.run("compare", "--config", "examples/k6-slo/loadverdict.yml", "--if-no-baseline", "pass",
                "--baseline", "k6-slo", "examples/k6-slo/data.json.gz");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("loadverdict: PASS — no limit breached").contains("3 checks within their limits");
        Path tighter = write("tighter.yml", "defaults:\n  builtInRules: false\n  metrics:\n"
                + "    p95: { warning: { limit: 5ms }, critical: { limit: 100ms } }\n");
        Cli.Result warned = Cli.run("compare", "--config", tighter.toString(), "--fail-on", "warning",
                "--if-no-baseline", "pass", "--baseline", "k6-slo", "examples/k6-slo/data.json.gz");
        assertThat(warned.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(warned.out()).startsWith("loadverdict: WARN — 1 warning limit breach").contains("limit 5 ms");
    }

    @Test
    void builtInRulesOffLeavesAGateOfLimitsOnly() {
        // the regressed run breaks every built-in relative rule; with them off, only the limits written here decide
        Path loose = write("loose.yml", "defaults:\n  builtInRules: false\n  metrics:\n"
                + "    p95: { warning: { limit: 1000ms }, critical: { limit: 5s } }\n");
        Cli.Result r = Cli.run("compare", "--config", loose.toString(), "--fail-on", "warning", "--baseline", BASELINE,
                "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("loadverdict: PASS").doesNotContain("error rate").doesNotContain("throughput");
        Path tight = write("tight.yml", "defaults:\n  builtInRules: false\n  metrics:\n"
                + "    p95: { warning: { limit: 1000ms }, critical: { limit: 200ms } }\n");
        Cli.Result breached = Cli.run("compare", "--config", tight.toString(), "--baseline", BASELINE,
                "examples/runs/locust-regressed/");
        assertThat(breached.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(breached.out()).containsPattern("CRITICAL +default +GET /api/search +p95 +110 ms +260 ms");
    }

    @Test
    void aHandEditedBaselineFileIsRefusedByItsChecksumNotUsedSilently() throws IOException {
        String json = Files.readString(Cli.ROOT.resolve(BASELINE));
        Path edited = write("shop.json", json.replaceFirst("\"p95\": 110.0", "\"p95\": 400.0"));
        assertThat(Files.readString(edited)).isNotEqualTo(json);
        Cli.Result r = Cli.run("compare", "--baseline", edited.toString(), "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).startsWith("loadverdict: " + edited + ":").contains("does not match its checksum");
        assertThat(r.err().lines().skip(1)).as("one error, continued on indented lines").allMatch(l -> l.startsWith("  "));
    }

    @Test
    void corruptBaselineIsBadInput() {
        Path broken = write("broken.json", "{\"schema\": \"loadverdict.baseline/1\", \"version\": 1,");
        Cli.Result r = Cli.run("compare", "--baseline", broken.toString(), "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).startsWith("loadverdict: " + broken + ":1: not valid JSON").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void emptyResultFileIsBadInput() {
        Path empty = write("run_stats.csv", "");
        Cli.Result r = Cli.run("compare", "--baseline", BASELINE, empty.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("loadverdict: " + empty + ": is empty\n");
    }

    @Test
    void csvThatIsNotLocustIsBadInput() {
        Path csv = write("people.csv", "name,age\nada,36\n");
        Cli.Result r = Cli.run("compare", "--baseline", BASELINE, csv.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).startsWith("loadverdict: " + csv + ": not a load-test result loadverdict recognises");
        assertThat(r.err().lines().skip(1)).as("one error, continued on indented lines").allMatch(l -> l.startsWith("  "));
    }

    @Test
    void invalidConfigIsBadInputNamingTheLine() {
        Path config = write("loadverdict.yml", "defaults:\n  metrics:\n    p95: { warning: { relative: ten } }\n");
        Cli.Result r = Cli.run("compare", "--config", config.toString(), "--baseline", BASELINE,
                "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("loadverdict: " + config + ":3: defaults.metrics.p95.warning.relative: "
                + "expected a percentage such as 10% but found 'ten'\n");
    }

    @Test
    void implicitLoadverdictYmlInTheWorkingDirectoryIsUsed() throws IOException {
        Files.writeString(tmp.resolve("loadverdict.yml"), "defaults:\n  metrics:\n    p95: { critical: { limit: 1ms } }\n");
        Cli.Result r = Cli.runIn(tmp, java.util.Map.of(), "compare", "--baseline",
                Cli.ROOT.resolve(BASELINE).toString(), Cli.ROOT.resolve("examples/runs/locust-unchanged").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.out()).contains("Thresholds: loadverdict.yml");
    }

    @Test
    void missingExplicitConfigIsBadInput() {
        Cli.Result r = Cli.run("compare", "--config", "nope.yml", "--baseline", BASELINE, "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("loadverdict: nope.yml: no such config file\n");
    }

    @Test
    void debugShowsTheStackTrace() {
        Cli.Result r = Cli.run("compare", "--debug", "--config", "nope.yml", "--baseline", BASELINE,
                "examples/runs/locust-regressed/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("\tat ");
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(tmp.resolve(name), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
