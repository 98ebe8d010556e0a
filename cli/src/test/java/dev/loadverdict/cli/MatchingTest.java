package dev.loadverdict.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #17: a comparison that matches nothing must not pass; legacy baselines pair by name and say what matched. */
class MatchingTest {

    static final String RUN = Cli.ROOT.resolve("extractor/src/test/resources/fixtures/locust/2.12/shop-regressed").toString();
    static final Path LEGACY = Cli.ROOT.resolve("cli/src/test/resources/legacy-matching");

    private static String imported(Path dir, String legacy) {
        Path base = dir.resolve(legacy.replace(".json", "-baseline.json"));
        Cli.Result r = Cli.runIn(dir, Map.of(), "baseline", "import", LEGACY.resolve(legacy).toString(), "--to", base.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return base.toString();
    }

    @Test
    void aComparisonThatMatchesNothingIsBadInputNamingBothSides(@TempDir Path dir) {
        Cli.Result r = Cli.runIn(dir, Map.of(), "compare", "--baseline", imported(dir, "seed-services.json"), RUN);
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.out()).doesNotContain("PASS");
        assertThat(r.err().lines().toList()).hasSize(2);
        assertThat(r.err()).contains("nothing matched: the baseline has 3 services api_gateway, rag_service, mcp_server"
                + " (totals only, no endpoints); this run has service default with 5 endpoints POST /api/cart");
        assertThat(r.err()).contains("loadverdict: hint: nothing in the run's names points to the baseline's");
    }

    @Test
    void nothingMatchedWritesNoReportButTheJobSummarySaysWhyInsideGitHubActions(@TempDir Path dir) throws Exception {
        Map<String, String> actions = Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", "summary.md",
                "GITHUB_OUTPUT", "output.txt");
        Cli.Result r = Cli.runIn(dir, actions, "compare", "--baseline", imported(dir, "by-segment.json"),
                "--report", "json,md,html,junit", "--out-dir", "out", RUN);

        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("::error title=loadverdict%3A no verdict::nothing matched: the baseline has 3 services"
                + " cart, checkout, payments");
        String summary = Files.readString(dir.resolve("summary.md"));
        assertThat(summary).startsWith("## loadverdict: no verdict — the run and the baseline `")
                .contains("nothing matched: the baseline has 3 services cart, checkout, payments \\(totals only, no endpoints\\)")
                .contains("**Hint:** the run's endpoints POST /api/cart, POST /api/checkout look like the baseline's services"
                        + " cart, checkout")
                .contains("service: checkout}\\]."); // the whole mapping, not cut at a name's length
        // every report leads with a verdict, which this comparison does not have
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("output.txt")).doesNotExist();
    }

    @Test
    void theHintsMappingAlignsTheRunWithTheBaseline(@TempDir Path dir) throws Exception {
        String base = imported(dir, "by-segment.json");
        Cli.Result refused = Cli.runIn(dir, Map.of(), "compare", "--baseline", base, RUN);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        String hint = refused.err().lines().filter(l -> l.startsWith("loadverdict: hint: ")).findFirst().orElseThrow();
        assertThat(hint).contains("the run's endpoints POST /api/cart, POST /api/checkout look like the baseline's services cart, checkout");
        String mapping = hint.substring(hint.indexOf("mapping: ["));
        Files.writeString(dir.resolve("loadverdict.yml"), mapping + "\n");
        Cli.Result aligned = Cli.runIn(dir, Map.of(), "compare", "--baseline", base, "--format", "json", RUN);
        assertThat(aligned.exitCode()).as(aligned.err()).isEqualTo(ExitCode.REGRESSION); // checkout's errors grew
        assertThat(aligned.out()).contains("\"matching\"");
        // cart's and checkout's endpoints are compared through the legacy totals, not new; default's 3 are new
        assertThat(aligned.out().replaceAll("\\s", "")).contains("\"endpoints\":{\"matched\":2,\"missing\":1,\"new\":3}")
                .contains("\"service\":\"payments\",\"endpoint\":\"(total)\",\"kind\":\"missing\"").doesNotContain("\"endpoint\":\"POST/api/cart\",\"kind\":\"new\"");
        // p95 and p99 of the legacy totals are compared as values, not "not comparable"
        assertThat(aligned.out().replaceAll("\\s", "")).contains("\"service\":\"cart\",\"metric\":\"p95\"")
                .doesNotContain("not_comparable");
    }

    @Test
    void flatServicesPairWithTheRunEndpointOfTheirNameAndEveryCompareSaysWhatMatched(@TempDir Path dir) {
        Cli.Result r = Cli.runIn(dir, Map.of(), "compare", "--baseline", imported(dir, "by-name.json"), RUN);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.out()).contains("Matching:   2 of 3 baseline endpoints in this run (1 missing), 3 new; services: 2 in both,"
                + " 1 missing, 1 new; 2 flat baseline services paired with run endpoints by name");
        assertThat(r.out()).contains("WARNING: 1 of the baseline's 3 endpoints (33.3%) is missing from this run, more than"
                + " matching.warnMissing 10%: api/payments (total).");
        assertThat(r.out()).containsPattern("default +POST /api/checkout +error rate");
        assertThat(r.err()).doesNotContain("different service mapping");
    }

    @Test
    void aNormalCompareReportsMatchedMissingAndNewCounts(@TempDir Path dir) {
        String baseline = Cli.ROOT.resolve("extractor/src/test/resources/fixtures/locust/2.12/shop-baseline-history").toString();
        Cli.Result r = Cli.runIn(dir, Map.of(), "compare", "--baseline", baseline, "--fail-on", "never", RUN);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Matching:   5 of 5 baseline endpoints in this run (0 missing), 0 new; services: 1 in both, 0 missing, 0 new");
    }
}
