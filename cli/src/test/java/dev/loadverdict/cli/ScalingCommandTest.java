package dev.loadverdict.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loadverdict scaling} end to end on generic raw-sample CSVs that this test writes (synthetic, not tool output):
 * one file a load level, each sample carrying its {@code users}; throughput grows 10 req/s a user up to a saturation
 * level and then stays flat while latency grows. One endpoint has a hostile name.
 */
class ScalingCommandTest {

    static final String HOSTILE = "<script>alert(1)</script> @everyone \u001b[31mred\u001b[0m | x";

    @TempDir
    Path tmp;

    @Test
    void aSaturatingCurveHasItsKneeWhereThroughputStopsGrowing() throws IOException {
        Cli.Result r = Cli.run(curve("base", 20));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("loadverdict scaling: knee at 20 users")
                .contains("Levels (users): 5 users (")
                .contains("<- knee");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aKneeAtLowerLoadThanTheBaselinesIsACapacityRegression() throws IOException {
        String[] base = curve("base", 20);
        String[] slower = curve("slower", 10);
        Cli.Result r = Cli.run(withBaseline(slower, base));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.out()).contains("loadverdict scaling: FAIL").contains("the knee moved from 20 to 10 users")
                .contains("successful throughput fell more than 10% at 20, 50 users");
        Cli.Result same = Cli.run(withBaseline(base, base));
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out()).contains("PASS — no capacity regression");
        Cli.Result better = Cli.run(withBaseline(base, slower));
        assertThat(better.exitCode()).as("a knee at higher load is no regression").isZero();
    }

    @Test
    void aSavedScalingJsonServesAsTheBaselineCurve() throws IOException {
        Path saved = tmp.resolve("base.json");
        Cli.Result w = Cli.run(concat(curve("base", 20), "--format", "json", "--out", saved.toString()));
        assertThat(w.exitCode()).as(w.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(saved.toFile());
        assertThat(json.get("schema").asText()).isEqualTo("loadverdict.scaling/1");
        assertThat(json.get("kind").asText()).isEqualTo("users");
        assertThat(json.get("curves").get(0).get("knee").get("state").asText()).isEqualTo("found");
        assertThat(json.get("curves").get(0).get("knee").get("load").asInt()).isEqualTo(20);
        Cli.Result r = Cli.run(concat(curve("slower", 10), "--baseline", saved.toString()));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.out()).contains("the knee moved from 20 to 10 users");
        Cli.Result j = Cli.run(concat(curve("slower", 10), "--baseline", saved.toString(), "--format", "json"));
        JsonNode c = new ObjectMapper().readTree(j.out()).get("comparison");
        assertThat(c.get("regressed").asBoolean()).isTrue();
        assertThat(c.get("curves").get(0).get("regressions").get(0).asText()).isEqualTo("knee_at_lower_load");
    }

    @Test
    void hostileNamesAreInertInEveryFormat() throws IOException {
        String[] runs = curve("base", 20);
        Cli.Result text = Cli.run(runs);
        assertThat(text.out()).doesNotContain("\u001b").contains("<script>alert(1)</script> @everyone red | x");
        Cli.Result md = Cli.run(concat(runs, "--format", "md"));
        assertThat(md.exitCode()).as(md.err()).isZero();
        assertThat(md.out()).doesNotContain("<script>").doesNotContain("@everyone").doesNotContain("| x ·")
                .contains("| Load (users) |");
        Cli.Result html = Cli.run(concat(runs, "--format", "html"));
        assertThat(html.out()).doesNotContain("<script").contains("&lt;script&gt;")
                .doesNotContain("src=").doesNotContain("href=").doesNotContain("\u001b")
                .contains("<svg").contains("class=\"mark-current\"");
        Cli.Result json = Cli.run(concat(runs, "--format", "json"));
        List<String> endpoints = new ArrayList<>();
        new ObjectMapper().readTree(json.out()).get("curves").forEach(c -> endpoints.add(c.path("endpoint").asText()));
        assertThat(endpoints).contains("GET " + HOSTILE);
    }

    @Test
    void htmlMarksTheKneeAndOverlaysTheBaseline() throws IOException {
        Cli.Result html = Cli.run(concat(withBaseline(curve("slower", 10), curve("base", 20)), "--format", "html"));
        assertThat(html.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(html.out()).contains("class=\"curve-baseline\"").contains("class=\"mark-baseline\"")
                .contains("<title>knee at 10 users</title>").contains("<title>baseline knee at 20 users</title>");
    }

    @Test
    void badInputIsOneLineWithoutAStackTrace() throws IOException {
        String[] runs = curve("base", 20);
        Cli.Result two = Cli.run("scaling", runs[1], runs[2]);
        assertThat(two.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(two.err()).startsWith("loadverdict: ").contains("a capacity curve needs at least 3 load levels, not 2")
                .doesNotContain("Exception").doesNotContain("\tat ");
        Cli.Result twice = Cli.run("scaling", runs[1], runs[2], runs[2]);
        assertThat(twice.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(joined(twice.err())).contains("each load level of a curve is measured once").contains("--levels");
        Path noUsers = file("nousers.csv", 7, 10, 20, false);
        Cli.Result none = Cli.run("scaling", runs[1], runs[2], noUsers.toString());
        assertThat(none.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(joined(none.err())).contains("nousers.csv: records no load level (neither users/VUs nor an arrival rate)");
        Cli.Result explicit = Cli.run("scaling", runs[1], runs[2], noUsers.toString(), "--levels", "10,20,7");
        assertThat(explicit.exitCode()).as(explicit.err()).isZero();
        Cli.Result badLevels = Cli.run("scaling", runs[1], runs[2], noUsers.toString(), "--levels", "10,20");
        assertThat(badLevels.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run(concat(runs, "--format", "junit")).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void plateausNeedThreeLevelsHeldLongEnough() {
        // real Locust 2.12 output: users 2, 4, 6, 8 for a second each, then 10
        String quirks = "extractor/src/test/resources/fixtures/locust/2.12/full-history-quirks/quirks_stats.csv";
        Cli.Result r = Cli.run("scaling", "--by-plateaus", quirks);
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(joined(r.err())).contains("holds 1 user-count plateau of at least 10 s ([10] users)")
                .doesNotContain("Exception");
        Cli.Result longer = Cli.run("scaling", "--by-plateaus", "--min-plateau", "30s", quirks);
        assertThat(joined(longer.err())).contains("holds 0 user-count plateaus of at least 30 s;");
        Cli.Result jtl = Cli.run("scaling", "--by-plateaus", "examples/jmeter-aa");
        assertThat(jtl.exitCode()).as(jtl.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(jtl.err()).contains("does not record the number of users over time");
    }

    @Test
    void stagesOfOneRunAreLevelsWhenTheirLevelsAreGiven() throws IOException {
        Path stepped = tmp.resolve("stepped.csv");
        List<String> lines = new ArrayList<>(List.of("timestamp,endpoint,latency_ms,ok,users"));
        long t0 = 1_790_000_000_000L;
        int[] users = {5, 10, 20};
        int[] rates = {50, 100, 110};
        for (int s = 0; s < 3; s++) {
            for (int second = 0; second < 20; second++) {
                for (int i = 0; i < rates[s]; i++) {
                    lines.add((t0 + (s * 20L + second) * 1000 + i * 1000L / rates[s]) + ",GET /a,10,true," + users[s]);
                }
            }
        }
        Files.write(stepped, lines, StandardCharsets.UTF_8);
        Cli.Result noLevels = Cli.run("scaling", "--stages", "u5=0s..20s,u10=20s..40s,u20=40s..", stepped.toString());
        assertThat(noLevels.exitCode()).as(noLevels.out()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(joined(noLevels.err())).contains("each load level of a curve is measured once").contains("--levels");
        Cli.Result r = Cli.run("scaling", "--stages", "u5=0s..20s,u10=20s..40s,u20=40s..", "--levels", "5,10,20",
                stepped.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("knee at 10 users").contains("stage u20");
    }

    @Test
    void theActionsVariablesDoNotReachScaling() throws IOException {
        String[] runs = curve("base", 20);
        Cli.Result r = Cli.runIn(Cli.ROOT, java.util.Map.of("LOADVERDICT_BASELINE", "shop", "LOADVERDICT_STAGES",
                "a=0s..10s,b=10s..", "LOADVERDICT_CONFIG", "missing.yml"), runs);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("Against the baseline");
    }

    // ---- synthetic runs ----

    /** The arguments of 'scaling' over runs at 5, 10, 20 and 50 users whose throughput saturates at {@code knee}. */
    private String[] curve(String name, int knee) throws IOException {
        List<String> args = new ArrayList<>(List.of("scaling"));
        for (int users : new int[] {5, 10, 20, 50}) {
            int rate = 10 * Math.min(users, knee) + (users > knee ? 1 : 0);
            double latency = users <= knee ? 20 : 20.0 * users / knee;
            args.add(file(name + "-" + users + ".csv", users, rate, latency, true).toString());
        }
        return args.toArray(String[]::new);
    }

    /** 30 s of samples at {@code rate} req/s, half to a hostile endpoint, 1 in 50 failing above 20 users. */
    private Path file(String name, int users, int rate, double latencyMs, boolean withUsers) throws IOException {
        Path p = tmp.resolve(name);
        List<String> lines = new ArrayList<>();
        lines.add("timestamp,endpoint,method,latency_ms,ok" + (withUsers ? ",users" : ""));
        long t0 = 1_790_000_000_000L;
        String hostile = "\"" + HOSTILE.replace("\"", "\"\"") + "\"";
        int n = 30 * rate;
        for (int i = 0; i < n; i++) {
            long t = t0 + i * 1000L / rate;
            boolean ok = users <= 20 || i % 50 != 0;
            double latency = latencyMs * (1 + (i % 10) / 10.0);
            lines.add(t + "," + (i % 2 == 0 ? "/api/a" : hostile) + ",GET," + String.format(Locale.ROOT, "%.1f", latency)
                    + "," + ok + (withUsers ? "," + users : ""));
        }
        Files.write(p, lines, StandardCharsets.UTF_8);
        return p;
    }

    private static String joined(String err) {
        return err.replaceAll("\\s+", " ");
    }

    private static String[] withBaseline(String[] current, String[] baseline) {
        List<String> args = new ArrayList<>(List.of(current));
        args.add("--baseline");
        args.addAll(List.of(baseline).subList(1, baseline.length));
        return args.toArray(String[]::new);
    }

    private static String[] concat(String[] a, String... more) {
        List<String> args = new ArrayList<>(List.of(a));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
