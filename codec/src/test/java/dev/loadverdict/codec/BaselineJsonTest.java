package dev.loadverdict.codec;

import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;
import dev.loadverdict.testsupport.Golden;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineJsonTest {

    static Baseline sample() {
        return new Baseline(3, Instant.parse("2026-11-23T09:00:00Z"),
                new Baseline.Provenance(Optional.of("0123456789abcdef0123456789abcdef01234567"), Optional.of("main"),
                        Optional.of("https://github.com/acme/shop/actions/runs/42"), Optional.of("after the cache fix")),
                SampleRuns.everyField());
    }

    @Test
    void sealedByGoldenFileAndRoundTrips() throws IOException {
        String json = BaselineJson.write(sample());
        Golden.assertMatches(Path.of("src/test/resources/golden/baseline-every-field.json"), json);
        assertThat(BaselineJson.read("b.json", new StringReader(json))).isEqualTo(sample());
    }

    @Test
    void versionMustBePositive() {
        String json = BaselineJson.write(sample()).replace("\"version\": 3", "\"version\": 0");
        assertThatThrownBy(() -> BaselineJson.read("b.json", new StringReader(json)))
                .isInstanceOf(InputException.class).hasMessage("b.json:3: version: must be a whole number >= 1 but was 0");
    }

    @Test
    void aRunIsNotABaseline() {
        assertThatThrownBy(() -> BaselineJson.read("r.json", new StringReader(RunJson.write(SampleRuns.everyField()))))
                .isInstanceOf(InputException.class).hasMessageContaining("expected a loadverdict.baseline document");
    }

    @Test
    void anEditedRunIsRefusedByItsChecksum() {
        String json = BaselineJson.write(sample()).replace("\"p99.9\": 120.0", "\"p99.9\": 119.0");
        assertThat(json).isNotEqualTo(BaselineJson.write(sample()));
        assertThatThrownBy(() -> BaselineJson.read("b.json", new StringReader(json)))
                .isInstanceOf(InputException.class).hasMessageContaining("b.json:").hasMessageContaining("sha256")
                .hasMessageContaining("does not match its checksum");
    }

    @Test
    void aBaselineWrittenBeforeChecksumsIsReadAsItIs() throws IOException {
        String json = BaselineJson.write(sample()).replaceFirst("\n  \"sha256\": \"[0-9a-f]{64}\",", "");
        assertThat(json).doesNotContain("\"sha256\":");
        assertThat(BaselineJson.read("b.json", new StringReader(json))).isEqualTo(sample());
    }
}
