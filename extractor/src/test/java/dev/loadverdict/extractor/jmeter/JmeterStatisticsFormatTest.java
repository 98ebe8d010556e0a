package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class JmeterStatisticsFormatTest {

    static final Path STATISTICS = Path.of("src/test/resources/fixtures/jmeter/5.3+/statistics-json/statistics.json");

    @TempDir
    Path dir;

    @Test
    void readsEveryLabelAndTheTotalWithOnlyThePercentilesGiven() {
        Run run = Jtl.extract(STATISTICS).run();
        EndpointStats ok = Jtl.endpoints(run).get("JR-OK");
        assertThat(ok.requests()).isEqualTo(252);
        assertThat(ok.failures()).isZero();
        assertThat(ok.latency().percentiles()).containsExactly(entry(50.0, 232.0), entry(90.0, 337.0),
                entry(95.0, 339.35), entry(99.0, 353.0));
        assertThat(ok.latency().mean()).hasValue(235.90079365079367);
        assertThat(ok.throughput()).hasValue(4.187089806430174);
        assertThat(ok.histogram()).isEmpty();
        EndpointStats total = run.total().orElseThrow();
        assertThat(total.requests()).isEqualTo(255);
        assertThat(total.failures()).isEqualTo(3);
        assertThat(total.latency().percentile(95)).hasValue(339.2);
        assertThat(run.services().get(0).total()).isEqualTo(total);
    }

    @Test
    void theJtlOfTheSameRunGivesTheSameCountsAndMoments() {
        Run fromJson = Jtl.extract(STATISTICS).run();
        Run fromJtl = Jtl.extract(JtlCsvFormatTest.DEFAULT17).run();
        for (String label : new String[] {"JR-OK", "JR-KO"}) {
            EndpointStats a = Jtl.endpoints(fromJson).get(label);
            EndpointStats b = Jtl.endpoints(fromJtl).get(label);
            assertThat(b.requests()).isEqualTo(a.requests());
            assertThat(b.failures()).isEqualTo(a.failures());
            assertThat(b.latency().min()).isEqualTo(a.latency().min());
            assertThat(b.latency().max()).isEqualTo(a.latency().max());
            assertThat(b.latency().mean().getAsDouble()).isCloseTo(a.latency().mean().getAsDouble(),
                    org.assertj.core.api.Assertions.within(1e-9));
        }
        assertThat(fromJtl.total().orElseThrow().throughput().getAsDouble())
                .isCloseTo(fromJson.total().orElseThrow().throughput().getAsDouble(),
                        org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void configuredPercentilesAndAMissingMedianAndNaN() throws IOException {
        Path file = Jtl.write(dir, "statistics.json", "{\"Total\":{\"transaction\":\"Total\",\"sampleCount\":0,"
                + "\"errorCount\":0,\"errorPct\":NaN,\"meanResTime\":NaN,\"minResTime\":NaN,\"maxResTime\":NaN,"
                + "\"pct1ResTime\":NaN,\"pct2ResTime\":NaN,\"pct3ResTime\":NaN,\"throughput\":0.0},\n"
                + "\"a\":{\"transaction\":\"a\",\"sampleCount\":10,\"errorCount\":1,\"errorPct\":10.0,"
                + "\"meanResTime\":5.5,\"minResTime\":1.0,\"maxResTime\":10.0,\"pct1ResTime\":8.0,"
                + "\"pct2ResTime\":9.0,\"pct3ResTime\":10.0,\"throughput\":2.0}}\n");
        ToolResult result = Jtl.read(new JmeterStatisticsFormat(75, 80, 99.9), file);
        EndpointStats a = Jtl.endpoints(result.services()).get("a");
        assertThat(a.latency().percentiles()).containsExactly(entry(75.0, 8.0), entry(80.0, 9.0), entry(99.9, 10.0));
        assertThat(a.failuresByKind()).isEmpty();
        assertThat(result.total().orElseThrow().requests()).isZero();
        assertThat(result.total().orElseThrow().latency().count()).isZero();
    }

    @Test
    void brokenFilesNameTheirLine() throws IOException {
        Path file = Jtl.write(dir, "statistics.json", "{\"a\":{\"transaction\":\"a\",\"sampleCount\":3,\n"
                + "\"errorCount\":4}}\n");
        assertThatThrownBy(() -> Jtl.extract(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("statistics.json:1: 'a' has more errors (4) than samples (3)");
        Path cut = Jtl.write(dir, "cut.json", "{\"a\":{\"transaction\":\"a\",\"sampleCount\":3,\n\"meanResTime\":");
        assertThatThrownBy(() -> Jtl.extract(cut)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(cut + ":2: broken JSON: ");
        Path text = Jtl.write(dir, "text.json", "{\"a\":{\"transaction\":\"a\",\"sampleCount\":\"many\"}}");
        assertThatThrownBy(() -> Jtl.extract(text)).isInstanceOf(InputException.class)
                .hasMessageContaining("field 'sampleCount' is text, not a number: \"many\"");
    }

    @Test
    void detectionDoesNotClaimLoadverdictsOwnRunJson() throws IOException {
        JmeterStatisticsFormat json = new JmeterStatisticsFormat();
        Path golden = Path.of("src/test/resources/fixtures/jmeter/5.1/default17-htmlreport/expected.json");
        assertThat(json.detect(new Head(golden, Files.readString(golden)))).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(json.detect(new Head(STATISTICS, Files.readString(STATISTICS)))).isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(json.rawSamples()).isFalse();
        assertThat(Map.of("k", json.displayName())).containsValue("JMeter dashboard statistics.json");
    }
}
