package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extraction;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.internal.FormatDetector;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.model.EndpointStats;
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
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every k6 file of the shared corpus, read in place (the AGPL xk6-dashboard files may not be copied into the
 * project). Skipped where the corpus is absent. Each file's expected outcome is stated here; all of them are
 * genuine k6 output and extract with requests, none is expected to fail.
 */
class K6CorpusTest {

    static final Path CORPUS = Path.of("../../shared/corpus/k6");

    /** What each file must give. */
    record Expected(Class<? extends ResultFormat> format, long requests, long failures, int endpoints) {
    }

    static final Map<String, Expected> EXPECTED = new TreeMap<>(Map.of(
            "csv/jsonvsprotobuf-getuser-1000iter.csv", new Expected(K6CsvFormat.class, 1000, 0, 1),
            "csv/taurus-k6-kpi.csv", new Expected(K6CsvFormat.class, 4, 2, 2),
            "handlesummary-json/jsonvsprotobuf-getuser-1000iter-summary.json", new Expected(K6SummaryFormat.class, 1000, 0, 1),
            "handlesummary-json/k6reporter-grpc.json", new Expected(K6SummaryFormat.class, 9615, 0, 1),
            "handlesummary-json/k6reporter-simple-http.json", new Expected(K6SummaryFormat.class, 878, 349, 1),
            "ndjson-out-json/jsonvsprotobuf-getuser-1000iter.ndjson", new Expected(K6NdjsonFormat.class, 1000, 0, 1),
            "ndjson-out-json/xk6dashboard-test-k6io-2023-05.ndjson", new Expected(K6NdjsonFormat.class, 28, 0, 2),
            "ndjson-out-json/xk6dashboard-test-k6io-2023-09.ndjson", new Expected(K6NdjsonFormat.class, 322, 0, 2)));

    static Stream<Arguments> files() {
        return EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static Stream<String> ndjsonFiles() {
        return EXPECTED.entrySet().stream().filter(e -> e.getValue().format() == K6NdjsonFormat.class).map(Map.Entry::getKey);
    }

    private static Path corpusFile(String relative) {
        Path file = CORPUS.resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared corpus not present: " + file);
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void extractsAsExpected(String relative, Expected expected) {
        Path file = corpusFile(relative);
        assertThat(FormatDetector.standard().require(file, file.toString())).isInstanceOf(expected.format());
        Extraction x = Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults());
        EndpointStats total = x.run().total().orElseThrow();
        assertThat(total.requests()).isEqualTo(expected.requests()).isPositive();
        assertThat(total.failures()).isEqualTo(expected.failures());
        assertThat(x.run().services()).flatExtracting(s -> s.endpoints()).hasSize(expected.endpoints());
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("ndjsonFiles")
    void shortcutsGiveExactlyTheFullParse(String relative) {
        Path file = corpusFile(relative);
        assertThat(K6NdjsonFormatTest.runJson(K6NdjsonFormatTest.read(file, true)))
                .isEqualTo(K6NdjsonFormatTest.runJson(K6NdjsonFormatTest.read(file, false)));
    }

    @Test
    void shortcutsGiveExactlyTheFullParseOnTheFixture() {
        Path file = K6FidelityTest.RUN.resolve("jsonvsprotobuf-ndjson/data.json.gz");
        assertThat(InputFiles.head(file, file.toString()).firstLine()).startsWith("{\"type\":\"Metric\"");
        assertThat(K6NdjsonFormatTest.runJson(K6NdjsonFormatTest.read(file, true)))
                .isEqualTo(K6NdjsonFormatTest.runJson(K6NdjsonFormatTest.read(file, false)));
    }
}
