package dev.loadverdict.extractor.generic;

import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generic raw samples' optional {@code users} field, on small hand-made inputs (not tool output). */
class GenericUsersTest {

    @TempDir
    Path dir;

    private Run extract(String name, String content, ExtractOptions options) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return Extractor.standard().extract(List.of(file.toString()), options).run();
    }

    @Test
    void theRunsUsersAreTheMostAnySampleHad() throws IOException {
        Run csv = extract("s.csv", "timestamp,endpoint,latency_ms,ok,users\n"
                + "1763892000000,/a,10,true,5\n1763892001000,/a,10,true,12\n1763892002000,/a,10,true,\n", ExtractOptions.defaults());
        assertThat(csv.metadata().workload().users()).hasValue(12);
        Run ndjson = extract("s.ndjson", "{\"timestamp\": 1763892000000, \"endpoint\": \"/a\", \"latency_ms\": 10, \"ok\": true, \"vus\": 7}\n"
                + "{\"timestamp\": 1763892001000, \"endpoint\": \"/a\", \"latency_ms\": 10, \"ok\": true, \"vus\": 3}\n", ExtractOptions.defaults());
        assertThat(ndjson.metadata().workload().users()).hasValue(7);
        Run without = extract("n.csv", "timestamp,endpoint,latency_ms,ok\n1763892000000,/a,10,true\n", ExtractOptions.defaults());
        assertThat(without.metadata().workload().users()).isEmpty();
    }

    @Test
    void aUserCountThatIsNoWholeNumberNamesItsLine() {
        assertThatThrownBy(() -> extract("bad.csv", "timestamp,endpoint,latency_ms,ok,users\n"
                + "1763892000000,/a,10,true,5\n1763892001000,/a,10,true,many\n1763892002000,/a,10,true,5\n", ExtractOptions.defaults()))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("bad.csv:3: 'users' is not a whole number of users: \"many\"");
    }
}
