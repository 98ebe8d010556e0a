package dev.loadverdict.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** LOADVERDICT_THREADS sets how many threads read a large file; a value that is not 1 to 256 is a usage error. */
class ThreadsVariableTest {

    private static final String RUN = "examples/runs/locust-unchanged/";

    @Test
    void aThreadCountIsTakenAndGivesTheSameRun() {
        Cli.Result defaults = Cli.runIn(Cli.ROOT, Map.of(), "extract", RUN);
        Cli.Result one = Cli.runIn(Cli.ROOT, Map.of("LOADVERDICT_THREADS", "1"), "extract", RUN);
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).isEqualTo(defaults.out());
        assertThat(RunLoader.splitting(new Main.Environment(Map.of("LOADVERDICT_THREADS", " 3 "), Cli.ROOT, Cli.CLOCK))
                .threads()).isEqualTo(3);
    }

    @Test
    void anythingButOneTo256IsAUsageError() {
        for (String bad : new String[] {"0", "257", "two", "-1", "1.5"}) {
            Cli.Result r = Cli.runIn(Cli.ROOT, Map.of("LOADVERDICT_THREADS", bad), "extract", RUN);
            assertThat(r.exitCode()).as(bad).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).as(bad).contains("LOADVERDICT_THREADS must be a whole number from 1 to 256, not '" + bad + "'");
        }
    }
}
