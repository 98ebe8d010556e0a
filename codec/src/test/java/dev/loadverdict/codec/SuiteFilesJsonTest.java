package dev.loadverdict.codec;

import dev.loadverdict.model.InputException;
import dev.loadverdict.testsupport.Golden;
import dev.loadverdict.model.Run;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The on-disk forms of a baseline suite: history entries and the current-baseline pointer. */
class SuiteFilesJsonTest {

    static HistoryJson.Entry entry() {
        Run stage = SampleRuns.everyField();
        Run staged = new Run(SampleRuns.withoutStageName(stage.metadata()), stage.total(), stage.services(), List.of(stage));
        return new HistoryJson.Entry(Instant.parse("2026-11-23T10:45:12.123Z"), BaselineJsonTest.sample().provenance(), staged);
    }

    @Test
    void historyEntrySealedByGoldenFileAndRoundTrips() throws IOException {
        String json = HistoryJson.write(entry());
        Golden.assertMatches(Path.of("src/test/resources/golden/history-entry.json"), json);
        assertThat(HistoryJson.read("h.json", new StringReader(json))).isEqualTo(entry());
        assertThat(json).startsWith("{\n  \"schema\": \"loadverdict.history/1\",\n  \"recorded\": ");
    }

    @Test
    void suitePointerSealedByGoldenFileAndRoundTrips() throws IOException {
        SuiteJson.Pointer pointer = new SuiteJson.Pointer("20261123T104512.123Z-0123456.json", Instant.parse("2026-11-23T10:45:13Z"));
        String json = SuiteJson.write(pointer);
        Golden.assertMatches(Path.of("src/test/resources/golden/suite-pointer.json"), json);
        assertThat(SuiteJson.read("baseline.json", new StringReader(json))).isEqualTo(pointer);
    }

    @Test
    void aRollbackPointerKeepsItsNote() throws IOException {
        SuiteJson.Pointer pointer = new SuiteJson.Pointer("20261123T104512.123Z-0123456.json",
                Instant.parse("2026-11-24T08:00:00Z"), java.util.Optional.of("rollback to v1 (from v2)"));
        String json = SuiteJson.write(pointer);
        Golden.assertMatches(Path.of("src/test/resources/golden/suite-pointer-rollback.json"), json);
        assertThat(SuiteJson.read("baseline.json", new StringReader(json))).isEqualTo(pointer);
    }

    @Test
    void anyEditOfTheRunBreaksTheChecksum() {
        String json = HistoryJson.write(entry()).replace("\"p99.9\": 120.0", "\"p99.9\": 119.0");
        assertThatThrownBy(() -> HistoryJson.read("h.json", new StringReader(json)))
                .isInstanceOf(InputException.class).hasMessageContaining("h.json:").hasMessageContaining("sha256")
                .hasMessageContaining("does not match its checksum");
    }

    @Test
    void newerSchemasAreClearErrorsNeverMisreads() {
        assertThatThrownBy(() -> HistoryJson.read("h.json", new StringReader("{\"schema\": \"loadverdict.history/2\"}")))
                .isInstanceOf(InputException.class).hasMessageContaining("loadverdict.history/2");
        assertThatThrownBy(() -> SuiteJson.read("b.json", new StringReader("{\"schema\": \"loadverdict.suite/7\"}")))
                .isInstanceOf(InputException.class).hasMessageContaining("loadverdict.suite/7");
        assertThatThrownBy(() -> SuiteJson.read("b.json", new StringReader("{\"schema\": \"loadverdict.history/1\"}")))
                .isInstanceOf(InputException.class).hasMessageContaining("expected a loadverdict.suite document");
    }
}
