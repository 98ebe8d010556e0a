package dev.loadverdict.baselines;

import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineFilesTest {

    @TempDir
    Path dir;

    final BaselineFiles files = new BaselineFiles(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    static Run run(long requests) {
        EndpointStats e = new EndpointStats(EndpointId.of("GET", "/a"), requests, 0, new TreeMap<>(),
                OptionalDouble.of(1.0), LatencyStats.empty(), Optional.empty(), Optional.empty());
        return new Run(RunMetadata.of(Tool.LOCUST, Optional.empty(), List.of("x_stats.csv"), SourcePrecision.locust()),
                Optional.of(e), List.of(new ServiceStats("default", e, List.of(e))));
    }

    @Test
    void firstPromotionIsVersionOneAndKeptAsSuch() throws IOException {
        Path file = dir.resolve("shop.json");
        BaselineFiles.Promotion p = files.promote(file, "shop.json", run(1), Baseline.Provenance.none());
        assertThat(p.baseline().version()).isEqualTo(1);
        assertThat(p.versionedCopy().getFileName().toString()).isEqualTo("shop.v1.json");
        assertThat(Files.readString(p.versionedCopy())).isEqualTo(Files.readString(file));
        assertThat(files.read(file, "shop.json")).isEqualTo(p.baseline());
    }

    @Test
    void laterPromotionsKeepEveryVersion() throws IOException {
        Path file = dir.resolve("shop.json");
        files.promote(file, "shop.json", run(1), Baseline.Provenance.none());
        String v1 = Files.readString(file);
        files.promote(file, "shop.json", run(2), Baseline.Provenance.none());
        files.promote(file, "shop.json", run(3), Baseline.Provenance.none());
        assertThat(files.read(file, "shop.json").version()).isEqualTo(3);
        assertThat(Files.readString(dir.resolve("shop.v1.json"))).isEqualTo(v1);
        assertThat(files.read(dir.resolve("shop.v2.json"), "v2").run()).isEqualTo(run(2));
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("shop.json", "shop.v1.json", "shop.v2.json", "shop.v3.json");
        }
    }

    @Test
    void aBaselineWrittenBeforeVersionedCopiesIsKeptBeforeBeingReplaced() throws IOException {
        Path file = dir.resolve("shop.json");
        files.promote(file, "shop.json", run(1), Baseline.Provenance.none());
        Files.delete(dir.resolve("shop.v1.json"));
        String v1 = Files.readString(file);
        files.promote(file, "shop.json", run(2), Baseline.Provenance.none());
        assertThat(Files.readString(dir.resolve("shop.v1.json"))).isEqualTo(v1);
    }

    @Test
    void aClaimedVersionStopsThePromotionAndChangesNothing() throws IOException {
        Path file = dir.resolve("shop.json");
        files.promote(file, "shop.json", run(1), Baseline.Provenance.none());
        String before = Files.readString(file);
        Files.writeString(dir.resolve("shop.v2.json"), "written by someone else");
        assertThatThrownBy(() -> files.promote(file, "shop.json", run(2), Baseline.Provenance.none()))
                .isInstanceOf(InputException.class).hasMessageContaining("version 2 already exists as shop.v2.json");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void conflictingHistoryIsRefused() throws IOException {
        Path file = dir.resolve("shop.json");
        files.promote(file, "shop.json", run(1), Baseline.Provenance.none());
        Files.writeString(dir.resolve("shop.v1.json"), "something else");
        String before = Files.readString(file);
        assertThatThrownBy(() -> files.promote(file, "shop.json", run(2), Baseline.Provenance.none()))
                .isInstanceOf(InputException.class).hasMessageContaining("differs from shop.v1.json, its kept copy of version 1");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aCorruptBaselineIsNeverReplaced() throws IOException {
        Path file = Files.writeString(dir.resolve("shop.json"), "{\"schema\": \"loadverdict.baseline/1\"");
        assertThatThrownBy(() -> files.promote(file, "shop.json", run(1), Baseline.Provenance.none()))
                .isInstanceOf(InputException.class);
        assertThat(Files.readString(file)).isEqualTo("{\"schema\": \"loadverdict.baseline/1\"");
        try (var list = Files.list(dir)) {
            assertThat(list.count()).isEqualTo(1);
        }
    }

    @Test
    void concurrentPromotionsNeverLoseAVersion() throws Exception {
        Path file = dir.resolve("shop.json");
        files.promote(file, "shop.json", run(0), Baseline.Provenance.none());
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 1; i <= writers; i++) {
            long requests = i;
            Callable<Integer> task = () -> {
                start.await();
                try {
                    return files.promote(file, "shop.json", run(requests), Baseline.Provenance.none()).baseline().version();
                } catch (InputException e) {
                    return -1;
                }
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        List<Integer> versions = new ArrayList<>();
        for (Future<Integer> f : results) {
            versions.add(f.get());
        }
        pool.shutdown();
        List<Integer> won = versions.stream().filter(v -> v > 0).sorted().toList();
        assertThat(won).doesNotHaveDuplicates().isNotEmpty();
        for (int v : won) {
            assertThat(dir.resolve("shop.v" + v + ".json")).exists();
        }
        int current = files.read(file, "shop.json").version();
        assertThat(current).isEqualTo(won.get(won.size() - 1));
        assertThat(files.read(dir.resolve("shop.v" + current + ".json"), "v")).isEqualTo(files.read(file, "shop.json"));
    }

    @Test
    void versionedNames() {
        assertThat(BaselineFiles.versionedName(Path.of("a/shop.json"), 3)).isEqualTo("shop.v3.json");
        assertThat(BaselineFiles.versionedName(Path.of("baseline"), 2)).isEqualTo("baseline.v2");
    }

    @Test
    void aDirectoryIsNotABaseline() {
        assertThatThrownBy(() -> files.read(dir, "baselines/")).isInstanceOf(InputException.class)
                .hasMessageContaining("is a directory");
    }
}
