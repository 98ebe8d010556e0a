package dev.loadverdict.extractor.locust;

import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extraction;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.UserPlateau;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every Locust file of the shared corpus, read in place, either extracts with the stated requests or fails with
 * the stated deliberate message. Skipped where the corpus is absent. A test checks the list is complete.
 */
class LocustCorpusTest {

    static final Path CORPUS = Path.of("../../shared/corpus/locust");

    /** Requests of the run, or the message a deliberate refusal contains. */
    record Expected(long requests, String refusal) {
        static Expected extracts(long requests) {
            return new Expected(requests, null);
        }

        static Expected refused(String message) {
            return new Expected(-1, message);
        }
    }

    static final Map<String, Expected> EXPECTED = new TreeMap<>(Map.of(
            "exceptions-csv/loadtestinghub-empty_exceptions.csv",
            Expected.refused("is Locust's exceptions CSV, which loadverdict reads together with loadtestinghub-empty_stats.csv"),
            "stats-csv-legacy/perfplugin-locust-0.x-requests.csv", Expected.extracts(-2),
            "stats-csv/loadtestinghub-grpc-custom-percentiles_stats.csv", Expected.extracts(11779),
            "stats-csv/perfplugin-locust-stats-blank-lines.csv", Expected.extracts(-2),
            "stats-history-csv/loadtestinghub-grpc-custom-percentiles_stats_history.csv",
            Expected.refused("is Locust's stats history, which loadverdict reads together with loadtestinghub-grpc-custom-percentiles_stats.csv"),
            "taurus-worker-ldjson/taurus-locust-workers-2015.ldjson", Expected.refused("Locust worker reports captured by Taurus"),
            "taurus-worker-ldjson/taurus-locust-workers-2017.ldjson", Expected.refused("Locust worker reports captured by Taurus")));

    static Stream<Arguments> files() {
        return EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static Path corpus() {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "shared corpus not present: " + CORPUS);
        return CORPUS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void extractsOrIsRefusedDeliberately(String relative, Expected expected) {
        String file = corpus().resolve(relative).toString();
        if (expected.refusal() != null) {
            assertThatThrownBy(() -> Extractor.standard().extract(List.of(file), ExtractOptions.defaults()))
                    .isInstanceOf(InputException.class).hasMessageContaining(expected.refusal());
            return;
        }
        Run run = Extractor.standard().extract(List.of(file), ExtractOptions.defaults()).run();
        assertThat(run.services()).isNotEmpty();
        if (expected.requests() >= 0) {
            assertThat(run.total().orElseThrow().requests()).isEqualTo(expected.requests());
        }
    }

    @Test
    void everyLocustFileOfTheCorpusIsListed() throws IOException {
        try (Stream<Path> files = Files.walk(corpus())) {
            List<String> all = files.filter(Files::isRegularFile).map(p -> CORPUS.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
            assertThat(all).containsExactlyElementsOf(EXPECTED.keySet());
        }
    }

    /** The genuine Locust ~2.3x stats and full history of one run (two corpus folders) put side by side. */
    @Test
    void theLoadtestinghubStatsAndHistoryAreOneWindowableRun(@TempDir Path tmp) throws IOException {
        Path prefix = tmp.resolve("locust_");
        Files.copy(corpus().resolve("stats-csv/loadtestinghub-grpc-custom-percentiles_stats.csv"), tmp.resolve("locust_stats.csv"));
        Files.copy(CORPUS.resolve("stats-history-csv/loadtestinghub-grpc-custom-percentiles_stats_history.csv"),
                tmp.resolve("locust_stats_history.csv"));
        Extraction whole = Extractor.standard().extract(List.of(prefix.toString()), ExtractOptions.defaults());
        assertThat(whole.run().metadata().workload().users()).hasValue(500);
        assertThat(whole.run().total().orElseThrow().timeSeries()).isPresent();
        Run steady = Extractor.standard().extract(List.of(prefix.toString()),
                ExtractOptions.defaults().withPlateau(Optional.of(UserPlateau.peak()))).run();
        assertThat(steady.total().orElseThrow().requests()).isPositive().isLessThan(11779);
        assertThat(steady.total().orElseThrow().latency().mean()).isPresent();
    }
}
