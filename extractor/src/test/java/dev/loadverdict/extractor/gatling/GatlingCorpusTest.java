package dev.loadverdict.extractor.gatling;

import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extraction;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.internal.FormatDetector;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Run;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Gatling file of the shared corpus, read in place (the LGPL nuxeo and AGPL pix files may not be copied
 * into the project). Skipped where the corpus is absent. Each file's expected outcome is stated here: the request
 * and KO counts of the text logs were counted independently with awk over their REQUEST/ACTION records; none of
 * the files fails. The four hand-made fixtures of Gatling's own repository and the edited Taurus file have a RUN
 * record whose shape and version disagree; they are read in the layout their first REQUEST record fits, with a
 * warning.
 */
class GatlingCorpusTest {

    static final Path CORPUS = Path.of("../../shared/corpus/gatling");

    /** What each file must give; users -1 = unknown. */
    record Expected(Class<? extends ResultFormat> format, long requests, long failures, int endpoints, String version,
                    int users, int warnings) {
    }

    private static final Class<GatlingTextLogFormat> TEXT = GatlingTextLogFormat.class;
    private static final Class<GatlingBinaryLogFormat> BINARY = GatlingBinaryLogFormat.class;
    private static final Class<GatlingStatsFormat> STATS = GatlingStatsFormat.class;
    private static final String LOG_2 = "2.x (log format 2.0)";

    static final Map<String, Expected> EXPECTED = new TreeMap<>(Stream.of(
            Map.entry("global-stats-json/pix-2.2.2.global_stats.json", new Expected(STATS, 7986, 2909, 0, null, -1, 0)), // the global_stats.json instance
            Map.entry("stats-json/pix-2.2.2.stats.json", new Expected(STATS, 7986, 2909, 80, null, -1, 0)),
            Map.entry("simulation-log-1.x/gatling-repo-1.x-action-node1.simulation.log", new Expected(TEXT, 323, 0, 15, "1.x", 13, 0)),
            Map.entry("simulation-log-1.x/gatling-repo-1.x-action-node2.simulation.log", new Expected(TEXT, 323, 0, 15, "1.x", 13, 0)),
            Map.entry("simulation-log-2.0-2.1/nuxeo-2.1-era-bench.simulation.log", new Expected(TEXT, 2464, 0, 23, LOG_2, 35, 0)),
            Map.entry("simulation-log-2.0-2.1/taurus-basic-2.0-2.1-legacy-order.simulation.log", new Expected(TEXT, 220, 110, 1, LOG_2, 10, 0)),
            Map.entry("simulation-log-2.2-2.3/nuxeo-2.3-createdocs.simulation.log", new Expected(TEXT, 1000, 0, 1, LOG_2, 8, 0)),
            Map.entry("simulation-log-2.2-2.3/pix-2.2.2-recorded.simulation.log", new Expected(TEXT, 7986, 2909, 80, LOG_2, 100, 0)),
            Map.entry("simulation-log-2.2-2.3/taurus-2.2.0.simulation.log", new Expected(TEXT, 45, 0, 1, LOG_2, 3, 0)),
            Map.entry("simulation-log-2.2-2.3/taurus-assertions-2.x.simulation.log", new Expected(TEXT, 6, 0, 2, LOG_2, 3, 0)),
            Map.entry("simulation-log-2.2-2.3/taurus-blazedemo-2.x.simulation.log", new Expected(TEXT, 243, 0, 1, LOG_2, 4, 0)),
            // two 'GROUP<TAB>message<TAB>time' lines skipped with one warning
            Map.entry("simulation-log-2.2-2.3/taurus-broken-groups-2.x.simulation.log", new Expected(TEXT, 644, 2, 3, LOG_2, 267, 1)),
            // 5 requests and 6 groups (nested: User-Login holds five), each an endpoint
            Map.entry("simulation-log-2.2-2.3/taurus-groups-comma-names-2.x.simulation.log", new Expected(TEXT, 5, 1, 11, LOG_2, 1, 0)),
            Map.entry("simulation-log-2.2-2.3/taurus-ko-empty-names-2.x.simulation.log", new Expected(TEXT, 2, 2, 1, LOG_2, 1, 0)),
            Map.entry("simulation-log-3.0-3.3/nuxeo-3.2.1-small.simulation.log", new Expected(TEXT, 2, 0, 2, "3.2.1", 1, 0)),
            Map.entry("simulation-log-3.0-3.3/taurus-3.0.2-groups-ko.simulation.log", new Expected(TEXT, 15, 15, 2, "3.0.2", 3, 0)),
            Map.entry("simulation-log-3.0-3.3/taurus-3.3.1.simulation.log", new Expected(TEXT, 100, 0, 1, "3.3.1", 10, 0)),
            Map.entry("simulation-log-3.4-3.12/nuxeo-3.10.5-bench.simulation.log", new Expected(TEXT, 16029, 0, 10, "3.10.5", 85, 0)),
            Map.entry("simulation-log-3.4-3.12/nuxeo-3.4.0-small-assertion.simulation.log", new Expected(TEXT, 31, 0, 4, "3.4.0", 3, 0)),
            Map.entry("simulation-log-3.4-3.12/taurus-3.5.1.simulation.log", new Expected(TEXT, 220, 0, 1, "3.5.1", 10, 0)),
            Map.entry("simulation-log-binary-3.13plus/gatling-repo-computerdatabase-3.13-binary.simulation.log", new Expected(BINARY, 105, 1, 11, "3.12.1", 11, 0)),
            Map.entry("simulation-log-binary-3.13plus/taurus-3.14.3-groups.simulation.log", new Expected(BINARY, 25, 0, 4, "3.14.3", 2, 0)),
            Map.entry("simulation-log-binary-3.13plus/taurus-3.14.3-recorded.simulation.log", new Expected(BINARY, 39, 0, 9, "3.14.3", 3, 0)),
            Map.entry("simulation-log-hand-crafted/gatling-known-stats-2.1-format.simulation.log", new Expected(TEXT, 8, 0, 1, LOG_2, 1, 1)),
            Map.entry("simulation-log-hand-crafted/gatling-known-stats-2.2-format.simulation.log", new Expected(TEXT, 8, 0, 1, LOG_2, 1, 1)),
            Map.entry("simulation-log-hand-crafted/gatling-known-stats-3.0-format.simulation.log", new Expected(TEXT, 8, 0, 1, LOG_2, 1, 1)),
            Map.entry("simulation-log-hand-crafted/gatling-known-stats-3.4-format.simulation.log", new Expected(TEXT, 8, 0, 1, LOG_2, 1, 1)),
            Map.entry("simulation-log-hand-edited/nuxeo-3.2.1-edited-to-3.5.0.simulation.log", new Expected(TEXT, 16095, 0, 10, "3.5.0", 85, 0)),
            // USER records lost their userId and scenario: users unknown
            Map.entry("simulation-log-hand-edited/taurus-groups-2.x-edited-to-3.5.1.simulation.log", new Expected(TEXT, 5, 1, 11, "3.5.1", -1, 1))
    ).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));

    static Stream<Arguments> files() {
        return EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static Path corpusFile(String relative) {
        Path file = CORPUS.resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared corpus not present: " + file);
        return file;
    }

    private static Extraction extract(Path file) {
        return Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void extractsAsExpected(String relative, Expected expected) {
        Path file = corpusFile(relative);
        assertThat(FormatDetector.standard().require(file, file.toString())).isInstanceOf(expected.format());
        Extraction x = extract(file);
        EndpointStats total = x.run().total().orElseThrow();
        assertThat(total.requests()).isEqualTo(expected.requests());
        assertThat(total.failures()).isEqualTo(expected.failures());
        assertThat(x.run().services()).flatExtracting(s -> s.endpoints()).hasSize(expected.endpoints());
        assertThat(x.run().metadata().toolVersion().orElse(null)).isEqualTo(expected.version());
        assertThat(x.run().metadata().workload().users())
                .isEqualTo(expected.users() < 0 ? OptionalInt.empty() : OptionalInt.of(expected.users()));
        assertThat(x.warnings()).hasSize(expected.warnings());
        assertThat(x.run().metadata().sources()).containsExactly(file.toString());
    }

    @Test
    void everyCorpusFileHasAnExpectation() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present");
        try (Stream<Path> files = Files.walk(CORPUS)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> CORPUS.relativize(f).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        }
    }

    /**
     * pix's simulation.log and the stats.json Gatling 2.2.2 wrote of the same run: per request the same counts, and
     * the same mean but for Gatling 2.2's truncation to whole ms (integer division: the report's mean is the whole
     * part of ours; Gatling 3 rounds instead, see GatlingFidelityTest).
     */
    @Test
    void pixLogAgreesWithItsOwnReport() {
        Run raw = extract(corpusFile("simulation-log-2.2-2.3/pix-2.2.2-recorded.simulation.log")).run();
        Run report = extract(corpusFile("stats-json/pix-2.2.2.stats.json")).run();
        Map<String, EndpointStats> ours = byKey(raw);
        Map<String, EndpointStats> theirs = byKey(report);
        assertThat(ours.keySet()).isEqualTo(theirs.keySet());
        theirs.forEach((key, r) -> {
            EndpointStats o = ours.get(key);
            assertThat(o.requests()).as(key).isEqualTo(r.requests());
            assertThat(o.failures()).as(key).isEqualTo(r.failures());
            assertThat(Math.floor(o.latency().mean().getAsDouble() + 1e-9)).as(key + " mean")
                    .isEqualTo(r.latency().mean().getAsDouble());
        });
        assertThat(Math.floor(raw.total().orElseThrow().latency().mean().getAsDouble() + 1e-9))
                .isEqualTo(report.total().orElseThrow().latency().mean().getAsDouble());
    }

    private static Map<String, EndpointStats> byKey(Run run) {
        return run.services().stream().flatMap(s -> s.endpoints().stream())
                .collect(Collectors.toMap(e -> e.id().key(), Function.identity()));
    }
}
