package dev.loadverdict.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics on real tool output (examples/jmeter-aa: real JMeter 5.6.3 runs of the simulated shop, see its
 * README): a run with only search made slower is critical on search with a tiny p-value, while runs of the
 * unchanged shop, compared against a suite with their noise band, raise no critical.
 */
class RealRunsStatisticsTest {

    private static final Path RUNS = Cli.ROOT.resolve("examples/jmeter-aa");

    @TempDir
    Path tmp;

    private Cli.Result run(String... args) {
        return Cli.runIn(tmp, Map.of(), args);
    }

    private void recordAaRuns(int... numbers) {
        for (int n : numbers) {
            Cli.Result r = run("baseline", "record", RUNS.resolve(String.format("aa-%02d.jtl.gz", n)).toString(), "--suite", "shop");
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
    }

    @Test
    void onlyTheSlowedEndpointIsCriticalAndItsPValueIsTiny() throws IOException {
        recordAaRuns(1, 2, 3, 4, 5, 6);
        Cli.Result r = run("compare", "--baseline", "shop@v6", "--format", "json", RUNS.resolve("slow-search.jtl.gz").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        JsonNode findings = new ObjectMapper().readTree(r.out()).get("findings");
        boolean searchCritical = false;
        for (JsonNode f : findings) {
            String endpoint = f.path("endpoint").asText("(total)");
            String severity = f.get("severity").asText();
            if (endpoint.equals("GET /api/search") && f.get("metric").asText().equals("p95")) {
                assertThat(severity).isEqualTo("critical");
                assertThat(f.get("significance").get("pValue").asDouble()).isLessThan(0.001);
                searchCritical = true;
            }
            if (severity.equals("critical") && !endpoint.equals("(total)")) {
                assertThat(endpoint).as(f.toString()).isEqualTo("GET /api/search");
            }
        }
        assertThat(searchCritical).isTrue();
    }

    @Test
    void unchangedRunsAgainstASuiteWithNoiseBandsRaiseNoCritical() throws IOException {
        recordAaRuns(1, 2, 3, 4, 5, 6);
        for (String other : new String[] {"aa-08.jtl.gz", "aa-11.jtl.gz"}) {
            Cli.Result r = run("compare", "--baseline", "shop@v6", "--format", "json", RUNS.resolve(other).toString());
            assertThat(r.exitCode()).as(other + ": " + r.out()).isZero();
            assertThat(r.out()).contains("Noise bands from the last 6 recorded runs");
        }
    }

    @Test
    void theHtmlReportOfRealRunsDrawsPercentileCurvesAndTheP95OverTime() throws IOException {
        recordAaRuns(1, 2);
        Cli.Result r = run("compare", "--baseline", "shop@v1", "--report", "html", "--out-dir", "out",
                RUNS.resolve("slow-search.jtl.gz").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.REGRESSION);
        String html = java.nio.file.Files.readString(tmp.resolve("out/report.html"));
        assertThat(html).contains("Latency by percentile").contains("<polyline").contains("p95 over time")
                .contains("GET /api/search").contains("p95 of the total across the suite&#39;s 2 recorded runs, this run last");
    }
}
