package dev.loadverdict.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Baseline suites from the command line: promote, record, list, verify, and compare against SUITE / SUITE@vN. */
class BaselineSuitesTest {
    private static final ObjectMapper JSON = new ObjectMapper();


    private static final Path EXAMPLES = Cli.ROOT.resolve("examples/runs");

    @TempDir
    Path tmp;

    private Cli.Result run(String... args) {
        return Cli.runIn(tmp, Map.of("GITHUB_SHA", "3f9c2ab0123456789"), args);
    }

    private static String example(String name) {
        return EXAMPLES.resolve(name).toString();
    }

    /** A real JMeter A/A run of the same shop (examples/jmeter-aa): distinct runs for histories of five and more. */
    private static String aa(String name) {
        return Cli.ROOT.resolve("examples/jmeter-aa").resolve(name + ".jtl.gz").toString();
    }

    @Test
    void aSuiteIsPromotedRecordedListedAndComparedAgainst() {
        Cli.Result promoted = run("baseline", "promote", example("locust-baseline"), "--suite", "shop");
        assertThat(promoted.exitCode()).as(promoted.err()).isZero();
        assertThat(promoted.err()).contains("baselines/shop is now at version 1");
        assertThat(tmp.resolve("baselines/shop/baseline.json")).exists();
        assertThat(tmp.resolve("baselines/shop/history")).isDirectoryContaining("regex:.*-3f9c2ab\\.json");

        Cli.Result recorded = run("baseline", "record", example("locust-unchanged"), "--suite", "shop");
        assertThat(recorded.exitCode()).isZero();
        assertThat(recorded.err()).contains("recorded as shop@v2 in baselines/shop (the current baseline is unchanged)");

        Cli.Result list = run("baseline", "list");
        assertThat(list.out()).contains("shop").contains("v1").contains(" 2 ");

        Cli.Result regressed = run("compare", "--baseline", "shop", example("locust-regressed"));
        assertThat(regressed.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(regressed.out()).contains("Baseline:   shop@v1, version 1").contains("commit 3f9c2ab");

        Cli.Result pinned = run("compare", "--baseline", "shop@v2", example("locust-unchanged"));
        assertThat(pinned.exitCode()).isZero();
        assertThat(pinned.out()).contains("Baseline:   shop@v2, version 2");
    }

    @Test
    void aRollbackMakesAnEarlierRunCurrentAgainWithoutRecordingItTwice() throws IOException {
        assertThat(run("baseline", "promote", example("locust-baseline"), "--suite", "shop").exitCode()).isZero();
        assertThat(run("baseline", "promote", example("locust-regressed"), "--suite", "shop", "--force").exitCode()).isZero();
        Cli.Result back = run("baseline", "promote", "shop@v1", "--suite", "shop");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(back.err()).contains("baselines/shop is at version 1 again (rolled back from v2");
        try (Stream<Path> files = Files.list(tmp.resolve("baselines/shop/history"))) {
            assertThat(files).hasSize(2);
        }
        assertThat(Files.readString(tmp.resolve("baselines/shop/baseline.json"))).contains("\"note\": \"rollback to v1 (from v2)\"");
        assertThat(run("baseline", "show", "shop").out()).contains("Baseline:  shop@v1, version 1").contains("by rollback to v1 (from v2)");
        Cli.Result compared = run("compare", "--baseline", "shop", example("locust-regressed"));
        assertThat(compared.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(compared.out()).contains("Baseline:   shop@v1, version 1");
        // rolling back to the newer run is refused like any promotion of a regressed run
        Cli.Result refused = run("baseline", "promote", "shop@v2", "--suite", "shop");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(refused.err()).contains("not rolled back");
        Cli.Result missing = run("baseline", "promote", "shop@v9", "--suite", "shop");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("has 2 runs, so there is no version 9");
    }

    @Test
    void aRegressedRunIsKeptButIsNoReferenceUntilPromoted() {
        assertThat(run("baseline", "record", aa("aa-01"), "--suite", "shop").exitCode()).isZero();
        assertThat(run("baseline", "record", aa("aa-02"), "--suite", "shop").exitCode()).isZero();
        assertThat(run("baseline", "record", aa("slow-search"), "--suite", "shop", "--regressed").exitCode()).isZero();
        Cli.Result median = run("compare", "--baseline", "shop@median:3", aa("slow-search"));
        assertThat(median.out()).as("the regression is still one against the runs before it")
                .contains("chosen as the median of v1-v2");
        assertThat(median.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(run("baseline", "promote", "shop@v3", "--suite", "shop", "--force").exitCode()).isZero();
        Cli.Result accepted = run("compare", "--baseline", "shop@median:3", aa("slow-search"));
        assertThat(accepted.out()).as("promoted, it is accepted as a reference").contains("chosen as the median of v1-v3");
    }

    @Test
    void aHeldPromotionLockIsAConflictWithItsOwnExitCodeAndBreakLockTakesItOver() throws IOException {
        assertThat(run("baseline", "promote", aa("aa-01"), "--suite", "shop").exitCode()).isZero();
        Files.writeString(tmp.resolve("baselines/shop/.promote.lock"), "4242 build-agent-7 2026-11-23T09:59:00Z\n");
        Cli.Result conflict = run("baseline", "promote", aa("aa-02"), "--suite", "shop");
        assertThat(conflict.exitCode()).isEqualTo(ExitCode.CONFLICT);
        assertThat(conflict.err()).startsWith("loadverdict: conflict: baselines/shop/.promote.lock: held by process 4242 on build-agent-7")
                .contains("the run was recorded as shop@v2").contains("--break-lock");
        assertThat(conflict.err().lines().skip(1)).as("one error, continued on indented lines").allMatch(l -> l.startsWith("  "));
        Cli.Result taken = run("baseline", "promote", "shop@v2", "--suite", "shop", "--break-lock");
        assertThat(taken.exitCode()).as(taken.err()).isZero();
        assertThat(run("baseline", "list").out()).containsPattern("shop +v2 +2 ");
    }

    @Test
    void aRunIsNeverRecordedTwice() throws IOException {
        assertThat(run("baseline", "record", example("locust-unchanged"), "--suite", "shop").exitCode()).isZero();
        Cli.Result again = run("baseline", "record", example("locust-unchanged"), "--suite", "shop");
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).contains("already recorded as shop@v1 in baselines/shop; nothing was recorded");
        // the old nightly pattern, record then promote the same results: one entry, made current
        Cli.Result promoted = run("baseline", "promote", example("locust-unchanged"), "--suite", "shop");
        assertThat(promoted.exitCode()).as(promoted.err()).isZero();
        assertThat(promoted.err()).contains("already in baselines/shop's history as v1");
        try (Stream<Path> files = Files.list(tmp.resolve("baselines/shop/history"))) {
            assertThat(files).hasSize(1);
        }
        assertThat(run("baseline", "list").out()).containsPattern("shop +v1 +1 ");
    }

    @Test
    void aHistoryFileABaselineFileOrSuiteAtVersionIsARun() throws IOException {
        assertThat(run("baseline", "promote", example("locust-baseline"), "--suite", "shop").exitCode()).isZero();
        assertThat(run("baseline", "record", example("locust-regressed"), "--suite", "shop").exitCode()).isZero();
        Path regressedEntry;
        try (Stream<Path> files = Files.list(tmp.resolve("baselines/shop/history"))) {
            // the clock is fixed: the second run recorded in the same millisecond is named a millisecond later
            regressedEntry = files.max(java.util.Comparator.comparing(f -> f.getFileName().toString())).orElseThrow();
        }
        for (String current : new String[] {"shop@v2", regressedEntry.toString()}) {
            Cli.Result r = run("compare", "--baseline", "shop@v1", current);
            assertThat(r.exitCode()).as(current + ": " + r.err()).isEqualTo(ExitCode.REGRESSION);
            assertThat(r.out()).containsPattern("CRITICAL +default +GET /api/search +p95 +110 ms +260 ms");
        }
        Cli.Result fromBaselineFile = run("compare", "--baseline", "shop@v2",
                Cli.ROOT.resolve("examples/baselines/shop.json").toString());
        assertThat(fromBaselineFile.exitCode()).as(fromBaselineFile.err()).isZero();
        assertThat(run("compare", "--baseline", "shop@v1", "--skip-warmup", "5s", "shop@v2").err())
                .contains("apply to raw tool output");
        // a history file recorded into another suite is a new run there
        assertThat(run("baseline", "promote", regressedEntry.toString(), "--suite", "other", "--force").exitCode()).isZero();
        assertThat(run("baseline", "list").out()).containsPattern("other +v1 +1 ");
    }

    @Test
    void retentionKeepsTheNewestRunsAndTheCurrentBaselineInFullAndBoundsTheSuitesSize() throws IOException {
        assertThat(run("baseline", "promote", aa("aa-01"), "--suite", "shop").exitCode()).isZero();
        List<String> more = List.of("aa-02", "aa-03", "aa-04", "aa-05", "aa-06", "aa-07", "aa-08", "aa-09", "aa-10", "aa-11",
                "slow-search");
        for (String name : more) {
            Cli.Result r = run("baseline", "record", aa(name), "--suite", "shop", "--keep-full", "3");
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(tmp.resolve("baselines/shop/history"))) {
            files = list.sorted(java.util.Comparator.comparing(p -> p.getFileName().toString().replace(".json", ""))).toList();
        }
        assertThat(files).hasSize(12);
        long fullMax = 0;
        long summaryMax = 0;
        for (int i = 0; i < files.size(); i++) {
            String json = Files.readString(files.get(i));
            boolean full = i == 0 || i >= 9; // the current baseline (v1) and the newest three
            assertThat(json.contains("\"histogram\"")).as(files.get(i) + " in full").isEqualTo(full);
            if (full) {
                fullMax = Math.max(fullMax, json.length());
            } else {
                summaryMax = Math.max(summaryMax, json.length());
            }
        }
        // the bound: a summary is a fraction of a full run, so N runs take at most 4 full runs and N - 4 summaries
        assertThat(summaryMax).isLessThan(fullMax / 3);
        long total = files.stream().mapToLong(f -> f.toFile().length()).sum();
        assertThat(total).isLessThanOrEqualTo(4 * fullMax + 8 * summaryMax);
        assertThat(run("baseline", "verify").exitCode()).as("compacted files carry their new checksums").isZero();
        Cli.Result history = run("baseline", "history", "shop", "--endpoint", "GET /api/search");
        assertThat(history.out()).contains("12 runs").contains("noise   ±");
        Cli.Result compared = run("compare", "--baseline", "shop@v2", aa("slow-search"));
        assertThat(compared.exitCode()).as("a compacted run is still a baseline, tested by thresholds").isEqualTo(ExitCode.REGRESSION);
    }

    @Test
    void promotionRefusesARegressedRunUnlessForced() throws IOException {
        assertThat(run("baseline", "promote", example("locust-baseline"), "--suite", "shop").exitCode()).isZero();
        String pointer = Files.readString(tmp.resolve("baselines/shop/baseline.json"));

        Cli.Result refused = run("baseline", "promote", example("locust-regressed"), "--suite", "shop");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(refused.err()).contains("not promoted: the run has critical regressions against shop@v1")
                .contains("GET /api/search");
        assertThat(Files.readString(tmp.resolve("baselines/shop/baseline.json"))).isEqualTo(pointer);
        assertThat(historySize()).isEqualTo(1);

        Cli.Result forced = run("baseline", "promote", example("locust-regressed"), "--suite", "shop", "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(forced.err()).contains("now at version 2");
    }

    @Test
    void theSameGuardProtectsASingleBaselineFile() {
        Path file = tmp.resolve("shop.json");
        assertThat(run("baseline", "promote", example("locust-baseline"), "--to", file.toString()).exitCode()).isZero();
        Cli.Result refused = run("baseline", "promote", example("locust-regressed"), "--to", file.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(tmp.resolve("shop.v2.json")).doesNotExist();
    }

    @Test
    void missingSuitesAndVersionsAreBadInputOrPassWhenAsked() {
        assertThat(run("baseline", "promote", example("locust-baseline"), "--suite", "shop").exitCode()).isZero();
        Cli.Result noSuite = run("compare", "--baseline", "other", example("locust-unchanged"));
        assertThat(noSuite.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noSuite.err()).contains("loadverdict baseline promote RUN --suite other");
        Cli.Result passing = run("compare", "--baseline", "other", "--if-no-baseline", "pass", example("locust-unchanged"));
        assertThat(passing.exitCode()).isZero();
        Cli.Result noVersion = run("compare", "--baseline", "shop@v5", example("locust-unchanged"));
        assertThat(noVersion.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(noVersion.err()).contains("has 1 run, so there is no version 5");
        assertThat(run("baseline", "promote", example("locust-baseline"), "--suite", "../x").exitCode())
                .isEqualTo(ExitCode.USAGE);
        assertThat(run("baseline", "promote", example("locust-baseline")).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void verifyTakesBaselinesDirLikeEveryOtherCommandAndTheOldPositionalWarnsOnce() {
        assertThat(run("baseline", "promote", example("locust-baseline"), "--suite", "shop", "--baselines-dir", "perf")
                .exitCode()).isZero();
        Cli.Result byOption = run("baseline", "verify", "--baselines-dir", "perf");
        assertThat(byOption.exitCode()).isZero();
        assertThat(byOption.out()).contains("perf/ is sound: 1 suite");
        assertThat(byOption.err()).isEmpty();
        assertThat(run("baseline", "verify").exitCode()).as("no baselines/ directory").isEqualTo(ExitCode.BAD_INPUT);

        Cli.Result positional = run("baseline", "verify", "perf");
        assertThat(positional.exitCode()).isZero();
        assertThat(positional.out()).contains("perf/ is sound: 1 suite");
        assertThat(positional.err().lines()).containsExactly("loadverdict: warning: 'baseline verify DIR' is deprecated and"
                + " will be removed; use 'baseline verify --baselines-dir DIR' like every other command");
        assertThat(run("baseline", "verify", "perf", "--baselines-dir", "perf").exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void verifyNamesEveryDamagedFileAndExitsThree() throws IOException {
        assertThat(run("baseline", "promote", example("locust-baseline"), "--suite", "shop").exitCode()).isZero();
        assertThat(run("baseline", "promote", example("locust-baseline"), "--to", "baselines/single.json").exitCode()).isZero();
        Cli.Result sound = run("baseline", "verify");
        assertThat(sound.exitCode()).isZero();
        assertThat(sound.out()).contains("baselines/ is sound: 1 suite");

        Path history;
        try (Stream<Path> files = Files.list(tmp.resolve("baselines/shop/history"))) {
            history = files.findFirst().orElseThrow();
        }
        Files.writeString(history, Files.readString(history).replaceFirst("\"requests\": [0-9]+", "\"requests\": 999999"));
        Files.writeString(tmp.resolve("baselines/single.json"), "{ \"schema\": \"loadverdict.baseline/1\", ");
        Cli.Result broken = run("baseline", "verify");
        assertThat(broken.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(broken.err()).contains("baselines/shop/history/" + history.getFileName())
                .contains("does not match its checksum").contains("baselines/single.json").contains("2 problems");

        assertThat(run("baseline", "promote", example("locust-baseline"), "--to", "baselines/other.json").exitCode()).isZero();
        Files.writeString(tmp.resolve("baselines/other.v1.json"),
                Files.readString(tmp.resolve("baselines/other.json")).replace("\"gitSha\"", "\"gitRef\": \"x\", \"gitSha\""));
        assertThat(run("baseline", "verify").err()).contains("baselines/other.json: differs from baselines/other.v1.json");
    }

    @Test
    void aBaselineFileEditedWithItsChecksumRemovedIsRefusedByItsKeptCopy() throws IOException {
        assertThat(run("baseline", "promote", example("locust-baseline"), "--to", "baselines/shop.json").exitCode()).isZero();
        Path file = tmp.resolve("baselines/shop.json");
        String edited = Files.readString(file).replaceAll("\\n\\s*\"sha256\": \"[0-9a-f]+\",?", "")
                .replaceFirst("\"p95\": [0-9.]+", "\"p95\": 900.0");
        assertThat(edited).doesNotContain("sha256").contains("\"p95\": 900.0");
        Files.writeString(file, edited);
        Cli.Result compared = run("compare", "--baseline", "baselines/shop.json", example("locust-regressed"));
        assertThat(compared.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(compared.err().replace("\n  ", " ")).isEqualTo("loadverdict: baselines/shop.json: differs from baselines/shop.v1.json, its"
                + " kept copy of version 1: one of them was edited; copy the right one over the other, or promote a run again\n");
    }

    @Test
    void historyShowsEachRunWithMedianMadAndTheNoiseBandOnceThereAreFiveRuns() {
        for (String name : new String[] {"aa-01", "aa-02", "aa-03"}) {
            assertThat(run("baseline", "record", aa(name), "--suite", "shop").exitCode()).isZero();
        }
        Cli.Result three = run("baseline", "history", "shop", "--endpoint", "GET /api/search");
        assertThat(three.exitCode()).as(three.err()).isZero();
        assertThat(three.out()).contains("shop: p95 of default GET /api/search, 3 runs").contains("3f9c2ab")
                .contains("median  148 ms").contains("no band yet: it needs 5 runs");
        for (String name : new String[] {"aa-04", "slow-search"}) {
            assertThat(run("baseline", "record", aa(name), "--suite", "shop").exitCode()).isZero();
        }
        Cli.Result five = run("baseline", "history", "shop", "--endpoint", "GET /api/search");
        assertThat(five.out()).contains("5 runs").contains("300 ms").contains("noise   ±")
                .contains("trend   ▁▁▁▁█");

        Cli.Result csv = run("baseline", "history", "shop", "--metric", "error_rate", "--format", "csv");
        assertThat(csv.out().lines().findFirst()).contains("version,recorded,commit,requests,value");
        assertThat(csv.out().lines().count()).isEqualTo(6);
        Cli.Result json = run("baseline", "history", "shop", "--last", "2", "--format", "json");
        assertThat(json.out()).contains("\"metric\" : \"p95\"").contains("\"version\" : 5").doesNotContain("\"version\" : 3");

        assertThat(run("baseline", "history", "shop", "--metric", "p42").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run("baseline", "history", "nope").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void aMedianBaselineIsNotHostageToOneUnluckyRun() {
        assertThat(run("baseline", "promote", example("locust-baseline"), "--suite", "shop").exitCode()).isZero();
        assertThat(run("baseline", "record", example("locust-regressed"), "--suite", "shop").exitCode()).isZero();
        assertThat(run("baseline", "record", example("locust-unchanged"), "--suite", "shop").exitCode()).isZero();
        // Against the unlucky run alone, the regressed run looks fine; against the median of three it fails.
        assertThat(run("compare", "--baseline", "shop@v2", example("locust-regressed")).exitCode()).isZero();
        Cli.Result median = run("compare", "--baseline", "shop@median:3", example("locust-regressed"));
        assertThat(median.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(median.out()).contains("Baseline:   shop@median:3, version 3").contains("chosen as the median of v1-v3");
        Cli.Result show = run("baseline", "show", "shop@median:3");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("GET /api/search").contains("110 ms");
    }

    @Test
    void aLegacyFlatBaselineIsImportedAndComparedByServiceTotals() {
        Cli.Result imported = run("baseline", "import", Cli.ROOT.resolve("examples/legacy/performance-baselines.json").toString(),
                "--suite", "legacy");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("imported 1 service(s) into baselines/legacy, now at version 1");
        Cli.Result regressed = run("compare", "--baseline", "legacy", example("locust-regressed"));
        assertThat(regressed.exitCode()).isEqualTo(ExitCode.REGRESSION);
        assertThat(regressed.out()).contains("(total)").contains("140 ms").contains("240 ms");
        Cli.Result unchanged = run("compare", "--baseline", "legacy", example("locust-unchanged"));
        assertThat(unchanged.exitCode()).isZero();
        assertThat(run("baseline", "show", "legacy").out()).contains("imported from");
        assertThat(run("baseline", "import", "nope.json", "--suite", "x").exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void differentLoadProfilesWarnInEveryFormatAndStrictProfileRefuses() {
        assertThat(run("baseline", "import", Cli.ROOT.resolve("examples/legacy/performance-baselines.json").toString(),
                "--suite", "legacy", "--tool", "k6").exitCode()).isZero();
        Cli.Result text = run("compare", "--baseline", "legacy", example("locust-unchanged"));
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("WARNING: not a like-for-like comparison: the run was made with locust but the baseline with k6.");
        assertThat(text.err()).contains("loadverdict: warning: not a like-for-like comparison");
        assertThat(run("compare", "--baseline", "legacy", "--format", "md", example("locust-unchanged")).out())
                .contains("> [!WARNING]").contains("made with locust but the baseline with k6");
        assertThat(run("compare", "--baseline", "legacy", "--format", "json", example("locust-unchanged")).out())
                .contains("\"warnings\": [\n    \"not a like-for-like comparison: the run was made with locust but the baseline with k6\"\n  ]");
        Cli.Result strict = run("compare", "--baseline", "legacy", "--strict-profile", example("locust-unchanged"));
        assertThat(strict.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(strict.err()).contains("not comparable (--strict-profile)");
    }

    @Test
    void aLegacyBaselineImportedWithoutItsToolIsNoToolDifference() {
        // the import records "generic" for want of knowing the tool: that is not a run made with another tool
        assertThat(run("baseline", "import", Cli.ROOT.resolve("examples/legacy/performance-baselines.json").toString(),
                "--suite", "legacy").exitCode()).isZero();
        Cli.Result text = run("compare", "--baseline", "legacy", example("locust-unchanged"));
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).doesNotContain("WARNING");
        assertThat(text.err()).doesNotContain("like-for-like");
        Cli.Result strict = run("compare", "--baseline", "legacy", "--strict-profile", example("locust-unchanged"));
        assertThat(strict.exitCode()).as(strict.err()).isZero();
    }

    @Test
    void aSuiteWithFiveRecordedRunsGivesNoiseBandsAndSaysSoOtherwise() {
        assertThat(run("baseline", "promote", aa("aa-01"), "--suite", "shop").exitCode()).isZero();
        Cli.Result few = run("compare", "--baseline", "shop", aa("aa-06"));
        assertThat(few.out()).contains("Noise band not available: suite shop has 1 recorded run, 5 are needed");
        Cli.Result file = run("compare", "--baseline", Cli.ROOT.resolve("examples/baselines/shop.json").toString(),
                example("locust-unchanged"));
        assertThat(file.out()).contains("Noise band not available: the baseline is a single file");
        for (String name : new String[] {"aa-02", "aa-03", "aa-04", "aa-05"}) {
            assertThat(run("baseline", "record", aa(name), "--suite", "shop").exitCode()).isZero();
        }
        Cli.Result banded = run("compare", "--baseline", "shop", "--format", "json", aa("slow-search"));
        assertThat(banded.out()).contains("Noise bands from the last 5 recorded runs of suite shop")
                .contains("noise band of 5 recorded runs");
        assertThat(banded.exitCode()).isEqualTo(ExitCode.REGRESSION);
    }

    @Test
    void historyShowsTheNoiseBandsCompareUsesForEveryMetric() throws IOException {
        assertThat(run("baseline", "promote", aa("aa-01"), "--suite", "shop").exitCode()).isZero();
        for (String name : new String[] {"aa-02", "aa-03", "aa-04", "aa-05", "aa-06", "aa-07"}) {
            assertThat(run("baseline", "record", aa(name), "--suite", "shop").exitCode()).isZero();
        }
        for (String k : new String[] {"3", "1.5"}) {
            JsonNode comparison = JSON.readTree(run("compare", "--baseline", "shop", "--noise-k", k, "--format", "json",
                    aa("aa-08")).out());
            int checked = 0;
            for (JsonNode finding : comparison.get("findings")) {
                String reason = StreamSupport.stream(finding.get("reasons").spliterator(), false).map(JsonNode::asText)
                        .filter(r -> r.startsWith("noise band of ")).findFirst().orElseThrow();
                Matcher band = Pattern.compile(": (\\S+) ± (\\S+) ").matcher(reason);
                assertThat(band.find()).as(reason).isTrue();
                List<String> args = new java.util.ArrayList<>(List.of("baseline", "history", "shop", "--metric",
                        finding.get("metric").asText(), "--noise-k", k, "--format", "json"));
                if (finding.has("endpoint")) {
                    args.addAll(List.of("--endpoint", finding.get("endpoint").asText()));
                }
                JsonNode shown = JSON.readTree(run(args.toArray(String[]::new)).out()).get("noiseBand");
                String as = finding.get("metric").asText() + " of " + finding.path("endpoint").asText("(total)") + ", k " + k;
                assertThat(shown.get("halfWidth").asDouble()).as(as).isCloseTo(Double.parseDouble(band.group(2)),
                        org.assertj.core.data.Offset.offset(halfUnit(band.group(2))));
                assertThat(shown.get("low").asDouble() + shown.get("halfWidth").asDouble()).as(as)
                        .isCloseTo(Double.parseDouble(band.group(1)), org.assertj.core.data.Offset.offset(halfUnit(band.group(1))));
                checked++;
            }
            assertThat(checked).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void promotionRefusesByTheComparisonCompareMakesNoiseBandsIncluded() {
        assertThat(run("baseline", "promote", aa("aa-01"), "--suite", "shop").exitCode()).isZero();
        for (String name : new String[] {"aa-02", "aa-03", "aa-04", "aa-05"}) {
            assertThat(run("baseline", "record", aa(name), "--suite", "shop").exitCode()).isZero();
        }
        Cli.Result compared = run("compare", "--baseline", "shop", aa("slow-search"));
        Cli.Result refused = run("baseline", "promote", aa("slow-search"), "--suite", "shop");
        assertThat(refused.exitCode()).isEqualTo(compared.exitCode()).isEqualTo(ExitCode.REGRESSION);
        String report = refused.err().substring(0, refused.err().indexOf("loadverdict: not promoted"));
        assertThat(report).contains("Noise bands from the last 5 recorded runs of suite shop")
                .contains("noise band of 5 recorded runs").isEqualTo(compared.out());
    }

    @Test
    void showAndHistoryPrintNamesFromResultFilesInertly() throws IOException {
        String hostile = "\u001B]0;PWNED\u0007svc\u001B[2J\rloadverdict: PASS\u202Egnp";
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            ndjson.append("{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2025-06-14T09:21:")
                    .append(String.format("%02d", i)).append(".14+01:00\",\"value\":").append(10 + i % 7)
                    .append(",\"tags\":{\"method\":\"GET\",\"name\":\"/x\",\"service\":")
                    .append(JSON.writeValueAsString(hostile)).append(",\"status\":\"200\",\"url\":\"/x\"}}}\n");
        }
        Path run = Files.writeString(tmp.resolve("hostile.ndjson"), ndjson);
        assertThat(run("baseline", "promote", run.toString(), "--suite", "h").exitCode()).isZero();
        String service = JSON.readTree(run("baseline", "history", "h", "--format", "json").out()).get("service").asText();
        assertThat(service).isEqualTo(hostile);
        for (Cli.Result shown : List.of(run("baseline", "show", "h"), run("baseline", "history", "h"),
                run("baseline", "history", "h", "--service", hostile))) {
            assertThat(shown.exitCode()).as(shown.err()).isZero();
            assertThat(shown.out()).contains("svc").doesNotContain("\u001B", "\u0007", "\r", "\u202E");
        }
    }

    /** Half a unit of the last digit a number was printed with: how far the printed value may be from the true one. */
    private static double halfUnit(String printed) {
        int dot = printed.indexOf('.');
        return 0.5 * Math.pow(10, dot < 0 ? 0 : -(printed.length() - dot - 1)) + 1e-9;
    }

    @Test
    void calibrateSuggestsThresholdsFromASuiteOrFromRunsAndWritesAValidFragment() throws IOException {
        for (String name : new String[] {"aa-01", "aa-02", "aa-03"}) {
            assertThat(run("baseline", "record", aa(name), "--suite", "shop").exitCode()).isZero();
        }
        Cli.Result suite = run("calibrate", "shop", "--write", "calibrated.yml");
        assertThat(suite.exitCode()).as(suite.err()).isZero();
        assertThat(suite.out()).contains("GET /api/search").contains("EXPECTED").contains("MEASURED");
        String yaml = Files.readString(tmp.resolve("calibrated.yml"));
        assertThat(yaml).startsWith("# loadverdict calibrate").contains("\"GET /api/search\":");
        assertThat(run("compare", "--config", "calibrated.yml", "--baseline", "shop@v1", aa("aa-04")).exitCode())
                .isZero();
        assertThat(run("calibrate", "shop", "--write", "calibrated.yml").exitCode()).isEqualTo(ExitCode.BAD_INPUT);

        Cli.Result runs = run("calibrate", aa("aa-05"), aa("aa-06"), aa("aa-07"));
        assertThat(runs.exitCode()).isZero();
        assertThat(run("calibrate", example("locust-baseline"), example("locust-unchanged")).exitCode())
                .isEqualTo(ExitCode.BAD_INPUT);
    }

    private long historySize() throws IOException {
        try (Stream<Path> files = Files.list(tmp.resolve("baselines/shop/history"))) {
            return files.count();
        }
    }
}
