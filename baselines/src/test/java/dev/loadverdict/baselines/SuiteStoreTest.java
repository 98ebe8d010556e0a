package dev.loadverdict.baselines;

import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.loadverdict.baselines.BaselineFilesTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuiteStoreTest {

    @TempDir
    Path dir;

    /** A clock that moves one second per reading, so every record gets its own time. */
    static final class Ticking extends Clock {
        private Instant now;

        Ticking(String start) {
            now = Instant.parse(start);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }

    private SuiteStore store(String start) {
        return new SuiteStore(dir, "baselines", new Ticking(start));
    }

    private static Baseline.Provenance sha(String sha) {
        return new Baseline.Provenance(Optional.of(sha), Optional.of("main"), Optional.empty(), Optional.empty());
    }

    @Test
    void restoreMakesAnEarlierRunCurrentWithoutAddingToTheHistory() {
        SuiteStore store = store("2026-11-23T10:00:00Z");
        store.promote("nightly", run(100), sha("3f9c2ab77"));
        store.promote("nightly", run(300), sha("91d0e4c00"));
        Baseline restored = store.restore("nightly", 1);
        assertThat(restored.version()).isEqualTo(1);
        assertThat(store.size("nightly")).isEqualTo(2);
        assertThat(store.current("nightly").orElseThrow().run()).isEqualTo(run(100));
        assertThat(store.currentNote("nightly")).contains("rollback to v1 (from v2)");
        assertThat(store.verify()).isEmpty();
        store.promote("nightly", run(200), sha("aaaaaaa00"));
        assertThat(store.currentNote("nightly")).as("a plain promotion clears the note").isEmpty();
        assertThatThrownBy(() -> store.restore("nightly", 7)).isInstanceOf(InputException.class)
                .hasMessageContaining("there is no version 7");
    }

    @Test
    void findTellsWhetherThisVeryRunIsAlreadyRecorded() {
        SuiteStore store = store("2026-11-23T10:00:00Z");
        store.record("nightly", run(100), sha("3f9c2ab77"));
        store.record("nightly", run(200), sha("91d0e4c00"));
        assertThat(store.find("nightly", run(200)).map(Baseline::version)).contains(2);
        assertThat(store.find("nightly", run(100)).map(Baseline::version)).contains(1);
        assertThat(store.find("nightly", run(150))).isEmpty();
    }

    @Test
    void promoteMakesTheCurrentBaselineAndRecordOnlyAddsToHistory() {
        SuiteStore store = store("2026-11-23T10:00:00Z");
        Baseline promoted = store.promote("nightly", run(100), sha("3f9c2ab77"));
        assertThat(promoted.version()).isEqualTo(1);
        Baseline recorded = store.record("nightly", run(200), sha("91d0e4c00"));
        assertThat(recorded.version()).isEqualTo(2);
        assertThat(store.current("nightly")).contains(promoted);
        assertThat(store.version("nightly", 2).run()).isEqualTo(run(200));
        assertThat(store.size("nightly")).isEqualTo(2);
        assertThat(store.suites()).containsExactly("nightly");
        assertThat(dir.resolve("nightly/history")).isDirectoryContaining("regex:.*/20261123T1000\\d\\d\\.000Z-3f9c2ab\\.json")
                .isDirectoryContaining("regex:.*/20261123T1000\\d\\d\\.000Z-91d0e4c\\.json");
    }

    @Test
    void aSuiteWithOnlyRecordedRunsHasNoCurrentBaseline() {
        SuiteStore store = store("2026-11-23T10:00:00Z");
        store.record("nightly", run(100), Baseline.Provenance.none());
        assertThat(store.current("nightly")).isEmpty();
        assertThat(dir.resolve("nightly/history")).isDirectoryContaining(p -> p.getFileName().toString().endsWith("-nogit00.json"));
    }

    @Test
    void runsRecordedOnTwoBranchesMergeWithoutConflictInTimeOrder() throws IOException {
        Path branchA = Files.createDirectories(dir.resolve("a"));
        Path branchB = Files.createDirectories(dir.resolve("b"));
        new SuiteStore(branchA, "a", new Ticking("2026-11-23T10:00:00Z")).record("s", run(1), sha("aaaaaaa"));
        new SuiteStore(branchB, "b", new Ticking("2026-11-23T09:00:00Z")).record("s", run(2), sha("bbbbbbb"));
        Path merged = Files.createDirectories(dir.resolve("merged/s/history"));
        for (Path branch : List.of(branchA, branchB)) {
            try (Stream<Path> files = Files.list(branch.resolve("s/history"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, merged.resolve(f.getFileName()));
                }
            }
        }
        SuiteStore store = new SuiteStore(dir.resolve("merged"), "merged", new Ticking("2026-11-24T00:00:00Z"));
        assertThat(store.version("s", 1).run()).isEqualTo(run(2));
        assertThat(store.version("s", 2).run()).isEqualTo(run(1));
    }

    @Test
    void aSecondPromotionWhileOneHoldsTheLockIsAConflictThatKeepsItsRunInTheHistory() throws IOException {
        SuiteStore store = store("2026-11-23T10:00:00Z");
        Baseline first = store.promote("nightly", run(100), sha("1111111"));
        // held by a process of another host (or one still running here): a conflict, not bad input
        Files.writeString(dir.resolve("nightly/.promote.lock"), "4242 build-agent-7 2026-11-23T10:00:30Z\n");
        assertThatThrownBy(() -> store.promote("nightly", run(300), sha("3333333")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("baselines/nightly/.promote.lock: held by process 4242 on build-agent-7")
                .hasMessageContaining("Nothing was promoted; the run was recorded as nightly@v2")
                .hasMessageContaining("--break-lock");
        assertThat(store.current("nightly")).contains(first);
        assertThat(store.size("nightly")).as("the losing promotion's run stays in the history").isEqualTo(2);
        assertThat(store.verify()).singleElement().asString().contains("a promotion is running or was killed: process 4242");
        // knowingly taken over
        Baseline promoted = store.breakingLock().promote("nightly", run(400), sha("4444444"));
        assertThat(store.current("nightly")).contains(promoted);
        assertThat(dir.resolve("nightly/.promote.lock")).doesNotExist();
    }

    @Test
    void aLockLeftByAProcessThatNoLongerRunsOnThisHostIsTakenOver() throws IOException {
        SuiteStore store = store("2026-11-23T10:00:00Z");
        store.promote("nightly", run(100), sha("1111111"));
        String host = Files.isReadable(Path.of("/proc/sys/kernel/hostname"))
                ? Files.readString(Path.of("/proc/sys/kernel/hostname")).strip() : java.net.InetAddress.getLocalHost().getHostName();
        Process gone = new ProcessBuilder("true").start();
        long deadPid = gone.pid();
        try {
            gone.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        Files.writeString(dir.resolve("nightly/.promote.lock"), deadPid + " " + host + " 2026-11-23T10:00:30Z\n");
        assertThat(store.verify()).singleElement().asString().contains("which no longer runs");
        Baseline promoted = store.promote("nightly", run(300), sha("3333333"));
        assertThat(store.current("nightly")).contains(promoted);
    }

    @Test
    void aRecordLandingBetweenAPromotionsWritesCannotMisdirectItsPointer() {
        // the race: a record between the promotion's history write and its pointer write used to shift the index
        // the pointer was chosen by, so baseline.json named the record-only run
        SuiteStore store = store("2026-11-23T10:00:00Z");
        store.promote("nightly", run(100), sha("1111111"));
        // the racing record's file sorts before the promoted one's (an earlier clock, as on another machine)
        SuiteStore racing = store("2026-11-23T09:59:00Z");
        store.betweenEntryAndPointer = () -> racing.record("nightly", run(999), sha("9999999"));
        Baseline promoted = store.promote("nightly", run(300), sha("3333333"));
        assertThat(store.current("nightly").orElseThrow().run()).isEqualTo(run(300));
        assertThat(promoted.run()).isEqualTo(run(300));
        assertThat(store.size("nightly")).isEqualTo(3);
        assertThat(store.verify()).isEmpty();
    }

    @Test
    void aRunThatLandsLastIsTheLastVersionHoweverEarlyItsClockAndNoEarlierVersionShifts() {
        SuiteStore store = store("2026-11-23T10:00:00Z");
        Baseline first = store.record("nightly", run(100), sha("1111111"));
        // another job took its time a minute earlier (another machine's clock, or a slow write) but lands after
        SuiteStore late = store("2026-11-23T09:59:00Z");
        Baseline second = late.record("nightly", run(200), sha("2222222"));
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.version("nightly", 1).run()).isEqualTo(run(100));
        assertThat(store.version("nightly", 2).run()).isEqualTo(run(200));
        // and one that lands between another's landing and its check goes after it too
        SuiteStore racing = store("2026-11-23T09:58:00Z");
        late.afterEntryLanded = () -> {
            late.afterEntryLanded = () -> { };
            racing.record("nightly", run(300), sha("3333333"));
        };
        Baseline third = late.record("nightly", run(400), sha("4444444"));
        assertThat(store.version("nightly", 3).run()).isEqualTo(run(300));
        assertThat(third.version()).isEqualTo(4);
        assertThat(store.version("nightly", 4).run()).isEqualTo(run(400));
        assertThat(store.size("nightly")).isEqualTo(4);
        assertThat(store.verify()).isEmpty();
    }

    @Test
    void verifyReportsTheTemporaryFilesAnInterruptedWriteLeft() throws IOException {
        SuiteStore store = store("2026-11-23T10:00:00Z");
        store.promote("nightly", run(100), sha("1111111"));
        Files.writeString(dir.resolve("nightly/history/.20261123T100001.000Z-1111111.json1234.tmp"), "{");
        assertThat(store.verify()).singleElement().asString()
                .contains("baselines/nightly/history/.20261123T100001.000Z-1111111.json1234.tmp: a temporary file");
        assertThat(store.size("nightly")).isEqualTo(1);
    }

    @Test
    void anEditedHistoryFileIsDetectedAndNamedWhileOtherSuitesStillWork() throws IOException {
        SuiteStore store = store("2026-11-23T10:00:00Z");
        store.promote("broken", run(100), sha("1111111"));
        store.promote("fine", run(100), sha("2222222"));
        Path file;
        try (Stream<Path> files = Files.list(dir.resolve("broken/history"))) {
            file = files.findFirst().orElseThrow();
        }
        Files.writeString(file, Files.readString(file).replace("\"requests\": 100", "\"requests\": 90"));
        assertThatThrownBy(() -> store.current("broken"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("baselines/broken/history/" + file.getFileName())
                .hasMessageContaining("does not match its checksum");
        assertThat(store.current("fine")).isPresent();
        assertThat(store.verify()).singleElement().asString().contains(file.getFileName().toString());
    }

    @Test
    void aPointerToAMissingHistoryFileIsAClearError() throws IOException {
        SuiteStore store = store("2026-11-23T10:00:00Z");
        store.promote("s", run(1), sha("1111111"));
        Files.writeString(dir.resolve("s/baseline.json"),
                "{\"schema\": \"loadverdict.suite/1\", \"current\": \"gone.json\", \"promoted\": \"2026-11-23T10:00:00Z\"}");
        assertThatThrownBy(() -> store.current("s")).isInstanceOf(InputException.class)
                .hasMessageContaining("baselines/s/baseline.json").hasMessageContaining("history/gone.json");
        Files.writeString(dir.resolve("s/baseline.json"),
                "{\"schema\": \"loadverdict.suite/1\", \"current\": \"../../etc/passwd\", \"promoted\": \"2026-11-23T10:00:00Z\"}");
        assertThatThrownBy(() -> store.current("s")).isInstanceOf(InputException.class)
                .hasMessageContaining("not a history file name");
    }

    @Test
    void unknownSuitesAndVersionsAreClearErrors() {
        SuiteStore store = store("2026-11-23T10:00:00Z");
        store.promote("s", run(1), sha("1111111"));
        assertThatThrownBy(() -> store.current("other")).isInstanceOf(InputException.class)
                .hasMessageContaining("no such baseline suite (suites here: s)");
        assertThatThrownBy(() -> store.version("s", 7)).isInstanceOf(InputException.class)
                .hasMessageContaining("has 1 run, so there is no version 7");
        assertThatThrownBy(() -> store.record("../x", run(1), sha("1111111")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A process killed (SIGKILL) while promoting over and over: whatever moment it died at, the current baseline
     * and every history file still read back; at worst the lock is left behind, and verify says so.
     */
    @Test
    void aPromotionKilledAtAnyMomentLeavesTheSuiteReadable() throws Exception {
        SuiteStore store = store("2026-11-23T10:00:00Z");
        store.promote("s", run(1), sha("1111111"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PromoteForever.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            // wait until the child promotes (a busy machine starts a JVM slowly), then kill it at some moment after
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (historyCount() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(200 + new java.util.Random(7).nextInt(300));
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(store.size("s")).isGreaterThan(1);
        assertThat(store.current("s")).isPresent();
        for (int v = 1; v <= store.size("s"); v++) {
            assertThat(store.version("s", v).run().services()).isNotEmpty();
        }
        assertThat(store.verify()).allMatch(p -> p.contains("a promotion is running or was killed")
                || p.contains("a temporary file an interrupted write left behind"));
    }

    private long historyCount() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("s/history"))) {
            return files.count();
        }
    }

    /** Promotes into suite {@code s} of the directory given until killed. */
    public static final class PromoteForever {
        public static void main(String[] args) {
            SuiteStore store = new SuiteStore(Path.of(args[0]), "baselines", Clock.systemUTC());
            for (long i = 2; ; i++) {
                store.promote("s", run(i), sha("abcdef0"));
            }
        }
    }
}
