package dev.loadverdict.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Locust's output sets on the command line: prefixes, windows from the history, the user-count plateau. */
class LocustCliTest {

    static final String SET = "extractor/src/test/resources/fixtures/locust/2.12/full-history-quirks/";
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aPrefixExtractsTheWholeSetAsOneRun() throws IOException {
        Cli.Result r = Cli.run("extract", SET + "quirks_");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode run = mapper.readTree(r.out());
        assertThat(run.get("metadata").get("sources")).hasSize(4);
        assertThat(run.get("total").get("requests").asLong()).isEqualTo(889);
        assertThat(r.err()).contains("quirks_exceptions.csv: the test's own code raised 13 exceptions");
    }

    @Test
    void steadyUsersKeepsThePeakStretch() throws IOException {
        Cli.Result r = Cli.run("extract", "--steady-users", SET + "quirks_");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode run = mapper.readTree(r.out());
        assertThat(run.get("total").get("requests").asLong()).isEqualTo(732 - 155);
        assertThat(run.get("metadata").get("workload").get("users").asInt()).isEqualTo(10);
        assertThat(Cli.run("extract", "--window-users", "10", SET + "quirks_").out()).isEqualTo(r.out());
    }

    @Test
    void aSteadyStateBaselineComparesWithTheSameRunWithoutPercentiles(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        String baseline = tmp.resolve("steady.json").toString();
        Cli.Result promote = Cli.run("baseline", "promote", "--steady-users", SET + "quirks_", "--to", baseline);
        assertThat(promote.exitCode()).as(promote.err()).isZero();
        Cli.Result compare = Cli.run("compare", "--baseline", baseline, "--steady-users", SET + "quirks_");
        assertThat(compare.exitCode()).as(compare.out() + compare.err()).isZero();
    }

    @Test
    void plateauOptionsAreCheckedAsUsage() {
        assertThat(Cli.run("extract", "--steady-users", "--window-users", "5", SET).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(Cli.run("extract", "--steady-users", "--window", "1s..5s", SET).exitCode()).isEqualTo(ExitCode.USAGE);
        Cli.Result never = Cli.run("extract", "--window-users", "7", SET);
        assertThat(never.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(never.err()).contains("the user count is never 7");
    }

    @Test
    void aMissingPrefixIsBadInput() {
        Cli.Result r = Cli.run("extract", SET + "nothing_");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().replace("\n  ", " ")).contains("no such file or directory, and no result files start with it");
    }
}
