package dev.loadverdict.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Change points, acknowledged steps and the drift gate on real nightly-like histories (examples/history: 30 real
 * JMeter 5.6.3 runs each, see its README): {@code step} has GET /api/search 30 % slower from run 21, {@code drift}
 * slows it by 1 % a run. Each run is recorded as a night of its own commit.
 */
class RealHistoryTest {

    private static final Path HISTORY = Cli.ROOT.resolve("examples/history");

    @TempDir
    Path tmp;

    private Cli.Result run(String... args) {
        return Cli.runIn(tmp, Map.of(), args);
    }

    /** The commit of night {@code n}: a made-up SHA per night, the SHA-1 of "night n" (the runs are real, the repository is not). */
    static String commit(int n) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(("night " + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private void record(String series, String suite, int to) {
        for (int n = 1; n <= to; n++) {
            Cli.Result r = run("baseline", "record", HISTORY.resolve(series).resolve(String.format("run-%02d.jtl.gz", n)).toString(),
                    "--suite", suite, "--git-sha", commit(n));
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
    }

    private JsonNode changePoints(String suite) throws IOException {
        Cli.Result r = run("baseline", "history", suite, "--change-points", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private static List<String> changed(JsonNode analysis) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : analysis.get("series")) {
            assertThat(s.has("changePoints")).isTrue();
            for (JsonNode c : s.get("changePoints")) {
                out.add(s.path("endpoint").asText("(total)") + " " + s.get("metric").asText() + " v" + c.get("at").get("version").asInt()
                        + " " + c.get("status").asText());
            }
        }
        return out;
    }

    @Test
    void theRealStepIsFoundAtItsRunAndCommitAndNothingElseIs() throws IOException {
        record("step", "nightly", 30);
        JsonNode analysis = changePoints("nightly");
        assertThat(analysis.get("series")).hasSize(30); // 5 endpoints and the total, 5 metrics each
        // latency steps only in search, every step at v21: the closed-loop test also sends 5 % fewer requests to search
        // and checkout once search is slower, a real consequence of the step
        assertThat(changed(analysis)).contains("GET /api/search p50 v21 confirmed", "GET /api/search p95 v21 confirmed",
                        "GET /api/search p99 v21 confirmed")
                .allSatisfy(c -> assertThat(c).contains(" v21 "))
                .allSatisfy(c -> assertThat(c.startsWith("GET /api/search ") || c.contains(" throughput ")).as(c).isTrue());
        for (JsonNode s : analysis.get("series")) {
            if (s.path("endpoint").asText().equals("GET /api/search") && s.get("metric").asText().equals("p95")) {
                JsonNode c = s.get("changePoints").get(0);
                assertThat(c.get("at").get("commit").asText()).isEqualTo(commit(21));
                assertThat(c.get("lastBefore").get("version").asInt()).isEqualTo(20);
                assertThat(c.get("before").asDouble()).isBetween(140.0, 155.0);
                assertThat(c.get("relativePercent").asDouble()).isBetween(15.0, 30.0);
                assertThat(c.get("pValue").asDouble()).isLessThanOrEqualTo(0.05);
            }
        }
        Cli.Result text = run("baseline", "history", "nightly", "--change-points", "--endpoint", "GET /api/search", "--metric", "p95");
        assertThat(text.out()).contains("default GET /api/search p95: at v21 (" + commit(21).substring(0, 7) + "), ")
                .contains("p < 0.01, confirmed");
        assertThat(run("baseline", "history", "nightly", "--change-points").out()).contains("No change points in the other");
    }

    @Test
    void aStepInTheNewestRunsIsPendingUntilEnoughRunsFollow() throws IOException {
        record("step", "nightly", 23);
        assertThat(changed(changePoints("nightly"))).filteredOn(c -> c.startsWith("GET /api/search p95"))
                .containsExactly("GET /api/search p95 v21 pending");
    }

    @Test
    void anAcknowledgedStepIsNotReportedAgainAndReportsShowItsNote() throws IOException {
        record("step", "nightly", 30);
        Cli.Result ack = run("baseline", "acknowledge", "nightly", "--at", commit(21).substring(0, 9), "--note", "search index <b>rebuilt</b>");
        assertThat(ack.exitCode()).as(ack.err()).isZero();
        assertThat(ack.out()).contains("Acknowledged nightly@v21");
        assertThat(Files.list(tmp.resolve("baselines/nightly/acknowledged")).toList()).hasSize(1);
        JsonNode analysis = changePoints("nightly");
        assertThat(analysis.get("since").get("version").asInt()).isEqualTo(21);
        assertThat(analysis.get("acknowledgements").get(0).get("note").asText()).isEqualTo("search index <b>rebuilt</b>");
        // compare against the suite: no current change point, the acknowledged step with its note, escaped in HTML
        Cli.Result r = run("compare", "--baseline", "nightly@v30", "--report", "html,md", "--out-dir", "out",
                HISTORY.resolve("step/run-30.jtl.gz").toString());
        assertThat(r.out()).contains("Acknowledged step at v21").doesNotContain("default GET /api/search p95: step at");
        assertThat(Files.readString(tmp.resolve("out/report.html"))).contains("search index &lt;b&gt;rebuilt&lt;/b&gt;")
                .doesNotContain("<b>rebuilt");
        Cli.Result again = run("baseline", "acknowledge", "nightly", "--at", "v21", "--note", "twice");
        assertThat(again.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(again.err()).contains("v21 is already acknowledged");
    }

    @Test
    void compareListsTheSuitesChangePoints() throws IOException {
        record("step", "nightly", 30);
        Cli.Result r = run("compare", "--baseline", "nightly@v30", "--format", "json", HISTORY.resolve("step/run-30.jtl.gz").toString());
        JsonNode history = new ObjectMapper().readTree(r.out()).get("history");
        assertThat(history.get("suite").asText()).isEqualTo("nightly");
        assertThat(changed(history)).contains("GET /api/search p95 v21 confirmed");
    }

    @Test
    void theDriftGateCatchesTheSlowSlideThatPerRunComparisonsPass() throws IOException {
        record("drift", "drift", 29);
        Files.writeString(tmp.resolve("loadverdict.yml"), """
                history:
                  drift:
                    window: 5
                    metrics:
                      p95: { warning: { relative: 10% }, critical: { relative: 20%, delta: 10ms } }
                """);
        Cli.Result r = run("compare", "--baseline", "drift@v29", "--format", "json", HISTORY.resolve("drift/run-30.jtl.gz").toString());
        JsonNode comparison = new ObjectMapper().readTree(r.out());
        List<String> drift = new ArrayList<>();
        for (JsonNode f : comparison.get("findings")) {
            String where = f.path("endpoint").asText("(total)") + " " + f.get("metric").asText();
            if (f.path("kind").asText().equals("drift")) {
                drift.add(where + " " + f.get("severity").asText());
                assertThat(f.get("driftSince").asText()).isEqualTo("v1 (" + commit(1).substring(0, 7) + ")");
                assertThat(f.get("reasons").get(0).asText()).contains("the median of this run (").contains(") and v26–v29");
            } else {
                assertThat(f.get("outcome").asText()).as("run 30 against run 29: " + where).isNotEqualTo("regression");
            }
        }
        // search slid about 1 % a run: about +15 % on p95 since v1–v5 is a warning (critical needs +20 % and +10 ms)
        assertThat(drift).containsExactly("GET /api/search p95 warning");
        assertThat(r.exitCode()).isZero();
        assertThat(comparison.get("verdict").asText()).isEqualTo("warn");
    }

    @Test
    void theDriftReferenceCanBeARunRecordedAtATag() throws IOException {
        for (int n = 1; n <= 24; n++) {
            List<String> args = new ArrayList<>(List.of("baseline", "record",
                    HISTORY.resolve("drift").resolve(String.format("run-%02d.jtl.gz", n)).toString(), "--suite", "drift", "--git-sha", commit(n)));
            if (n == 20) {
                args.addAll(List.of("--git-ref", "v2.4.0"));
            }
            assertThat(run(args.toArray(String[]::new)).exitCode()).isZero();
        }
        Files.writeString(tmp.resolve("loadverdict.yml"), """
                history:
                  drift:
                    reference: tag:v2.4.0
                    metrics:
                      p95: { warning: { relative: 10% } }
                """);
        Cli.Result r = run("compare", "--baseline", "drift@v24", HISTORY.resolve("drift/run-25.jtl.gz").toString());
        assertThat(r.out()).contains("against its level at v20 (" + commit(20).substring(0, 7) + ")").contains("median of v20–v24");
        Files.writeString(tmp.resolve("loadverdict.yml"), "history: {drift: {reference: 'tag:v9', metrics: {p95: {warning: {relative: 10%}}}}}\n");
        Cli.Result missing = run("compare", "--baseline", "drift@v24", HISTORY.resolve("drift/run-25.jtl.gz").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("history.drift.reference is tag:v9, but no run of the suite was recorded with that git ref");
    }

    @Test
    void runsOfAnotherLoadProfileStartANewSegmentAndAreNotMeasuredForDrift() throws IOException {
        record("drift", "drift", 12);
        // examples/jmeter-aa: the same shop and plan, but runs of 15 s instead of 10 s — another load profile
        Path aa = Cli.ROOT.resolve("examples/jmeter-aa");
        for (int n = 1; n <= 3; n++) {
            assertThat(run("baseline", "record", aa.resolve(String.format("aa-%02d.jtl.gz", n)).toString(), "--suite", "drift")
                    .exitCode()).isZero();
        }
        JsonNode analysis = changePoints("drift");
        assertThat(analysis.get("since").get("version").asInt()).isEqualTo(13);
        assertThat(analysis.get("notes").toString()).contains("the load profile changed at v13 (the run lasted 15.0 s but the runs before it 10.0 s")
                .contains("has 3 runs: change points need at least 8");
        Files.writeString(tmp.resolve("loadverdict.yml"), "history: {drift: {metrics: {p95: {warning: {relative: 10%}}}}}\n");
        Cli.Result r = run("compare", "--baseline", "drift@v12", aa.resolve("aa-04.jtl.gz").toString());
        assertThat(r.out()).contains("Drift gate not applied: this run's load profile is not that of its reference v1 ("
                + commit(1).substring(0, 7) + ") (the run lasted 15.");
    }
}
