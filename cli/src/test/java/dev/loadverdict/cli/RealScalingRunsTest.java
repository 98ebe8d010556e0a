package dev.loadverdict.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loadverdict scaling} on real JMeter 5.6.3 runs at 5, 10, 20 and 50 threads against a server with a bounded
 * worker pool (cli/src/test/resources/scaling/jmeter-5.6.3/PROVENANCE): 8 workers, and {@code slower/} with 4.
 */
class RealScalingRunsTest {

    private static final String DIR = "cli/src/test/resources/scaling/jmeter-5.6.3/";

    private static String[] runs(String sub, String... more) {
        List<String> args = new ArrayList<>(List.of("scaling"));
        for (String users : new String[] {"05", "10", "20", "50"}) {
            args.add(DIR + sub + "users-" + users + ".jtl.gz");
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void theKneeIsWhereThroughputStopsGrowing() throws IOException {
        Cli.Result r = Cli.run(runs("", "--format", "json"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode total = new ObjectMapper().readTree(r.out()).get("curves").get(0);
        assertThat(total.has("endpoint")).isFalse();
        List<Double> served = new ArrayList<>();
        total.get("points").forEach(p -> served.add(p.get("okThroughput").asDouble()));
        // the levels were read from the JTLs' allThreads
        assertThat(total.get("points").findValuesAsText("load")).containsExactly("5", "10", "20", "50");
        // throughput roughly doubles from 5 to 10 users, grows to 20, then stops
        assertThat(served.get(1) / served.get(0)).isGreaterThan(1.8);
        assertThat(served.get(3) / served.get(2)).isLessThan(1.1);
        assertThat(total.get("knee").get("state").asText()).isEqualTo("found");
        assertThat(total.get("knee").get("load").asInt()).isEqualTo(20);
        assertThat(total.get("errorOnset").asInt()).isEqualTo(50);
    }

    @Test
    void theSlowerServersKneeMovedToLowerLoad() {
        String[] args = runs("slower/", "--baseline", DIR + "users-05.jtl.gz", DIR + "users-10.jtl.gz",
                DIR + "users-20.jtl.gz", DIR + "users-50.jtl.gz");
        Cli.Result r = Cli.run(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.REGRESSION);
        assertThat(r.out()).startsWith("loadverdict scaling: FAIL — capacity regression in 1 service total")
                .contains("the knee moved from 20 to 10 users")
                .contains("successful throughput fell more than 10% at 10, 20, 50 users");
        Cli.Result same = Cli.run(runs("", "--baseline", DIR + "users-05.jtl.gz", DIR + "users-10.jtl.gz",
                DIR + "users-20.jtl.gz", DIR + "users-50.jtl.gz"));
        assertThat(same.exitCode()).as(same.out()).isZero();
    }

    @Test
    void aSteppedLocustRunsPlateausAreItsLevels() throws IOException {
        Cli.Result r = Cli.run("scaling", "--by-plateaus", "--format", "json",
                "cli/src/test/resources/scaling/locust-2.12-stepped/stepped_stats.csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("levels").findValuesAsText("load")).containsExactly("5", "10", "20", "50");
        assertThat(json.get("levels").get(2).get("source").asText()).endsWith("stepped_stats.csv at 20 users");
        JsonNode total = json.get("curves").get(0);
        List<Double> served = new ArrayList<>();
        total.get("points").forEach(p -> served.add(p.get("okThroughput").asDouble()));
        // each plateau is read on its own: the lowest serves about a tenth of the highest
        assertThat(served.get(0)).isLessThan(served.get(3) / 4);
        assertThat(r.err()).as("a warning once, not once a plateau").containsOnlyOnce("failure kinds left out");
    }
}
