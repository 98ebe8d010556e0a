package dev.loadverdict.extractor.locust;

import dev.loadverdict.codec.RunJson;
import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extraction;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.ReadLimits;
import dev.loadverdict.extractor.internal.Histograms;
import dev.loadverdict.extractor.RelativeWindow;
import dev.loadverdict.extractor.Stage;
import dev.loadverdict.extractor.UserPlateau;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.TimeSeries;
import org.HdrHistogram.Histogram;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Locust {@code --csv} set read as one run, cut to windows from its history, and {@code --json}; on the real
 * Locust 2.12 run in {@code fixtures/locust/2.12/full-history-quirks} (see its PROVENANCE).
 */
class LocustSetTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/locust/2.12");
    static final Path QUIRKS = FIXTURES.resolve("full-history-quirks");
    static final Path HISTORY = QUIRKS.resolve("quirks_stats_history.csv");
    static final Path JSON = FIXTURES.resolve("json-serialize/quirks.json");

    @TempDir
    Path tmp;

    static Extraction extract(String input, ExtractOptions options) {
        return Extractor.standard().extract(List.of(input), options);
    }

    static Extraction extract(String input) {
        return extract(input, ExtractOptions.defaults());
    }

    @Test
    void theDirectoryThePrefixAndTheStatsFileAreTheSameOneRun() {
        Extraction byDir = extract(QUIRKS.toString());
        Extraction byPrefix = extract(QUIRKS.resolve("quirks_").toString());
        Extraction byStats = extract(QUIRKS.resolve("quirks_stats.csv").toString());
        assertThat(RunJson.write(byPrefix.run())).isEqualTo(RunJson.write(byStats.run()));
        assertThat(byDir.run().services()).isEqualTo(byStats.run().services());
        assertThat(byStats.run().metadata().sources()).hasSize(4);
        assertThat(byDir.warnings()).noneMatch(w -> w.contains("skipped"));
    }

    @Test
    void theSiblingsAddKindsTimeSeriesUsersAndAnExceptionsWarning() {
        Extraction e = extract(QUIRKS.toString());
        Run run = e.run();
        EndpointStats checkout = endpoint(run, "POST /api/checkout");
        assertThat(checkout.failures()).isEqualTo(19);
        assertThat(checkout.failuresByKind()).containsOnlyKeys(
                "HTTPError('500 Server Error: Internal Server Error for url: http://127.0.0.1:39301/api/checkout')");
        assertThat(endpoint(run, "GET /api/produits/détail — 商品").failuresByKind())
                .containsEntry("CatchResponseError('unexpected \"price\", got 0, expected > 0')", 4L);
        assertThat(endpoint(run, "GET /api/search").requests()).isEqualTo(135);
        assertThat(run.metadata().workload().users()).hasValue(10);
        assertThat(run.metadata().start()).contains(Instant.ofEpochSecond(1795432208));
        assertThat(run.metadata().end()).as("endpoint rows at 225; Locust stopped before that Aggregated row").contains(Instant.ofEpochSecond(1795432225));
        TimeSeries series = run.total().orElseThrow().timeSeries().orElseThrow();
        assertThat(series.points().stream().mapToLong(TimeSeries.Point::requests).sum())
                .as("the history's last cumulative total").isEqualTo(732);
        assertThat(checkout.timeSeries()).isPresent();
        assertThat(e.warnings()).anyMatch(w -> w.endsWith("quirks_exceptions.csv: the test's own code raised 13 "
                + "exceptions (not requests, so not in the run's counts); most often (13x): \"cart total is negative, id=2\""));
    }

    @Test
    void failuresThatDisagreeWithTheStatsAreKeptWithAWarning() throws IOException {
        Path set = copySet("run_");
        String failures = Files.readString(set.resolve("run_failures.csv"), StandardCharsets.UTF_8);
        Files.writeString(set.resolve("run_failures.csv"), failures.replace("/api/checkout'),19", "/api/checkout'),17"),
                StandardCharsets.UTF_8);
        Extraction e = extract(set.resolve("run_").toString());
        assertThat(e.warnings()).anyMatch(w -> w.contains("run_failures.csv: 'POST /api/checkout' has 17 failures by kind but 19"));
        assertThat(endpoint(e.run(), "POST /api/checkout").failures()).isEqualTo(19);
    }

    @Test
    void aFailuresFileWithThousandsOfUnlistedEndpointsGivesTheCappedWarningsAndOneCount() throws IOException {
        String stats = "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
                + "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,"
                + "95%,98%,99%,99.9%,99.99%,100%\n"
                + "GET,/only,10,0,5,5.0,1,9,10,1.0,0.0,5,5,5,5,5,5,5,5,9,9,9\n"
                + ",Aggregated,10,0,5,5.0,1,9,10,1.0,0.0,5,5,5,5,5,5,5,5,9,9,9\n";
        StringBuilder failures = new StringBuilder("Method,Name,Error,Occurrences\n");
        int unlisted = 3_000;
        for (int i = 0; i < unlisted; i++) {
            failures.append("GET,\"/gone/").append(i).append("\u001B[2J\r\nloadverdict: PASS\",boom,1\n");
        }
        Files.writeString(tmp.resolve("run_stats.csv"), stats, StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("run_failures.csv"), failures, StandardCharsets.UTF_8);

        List<String> warnings = extract(tmp.resolve("run_stats.csv").toString()).warnings().stream()
                .filter(w -> w.startsWith(tmp.resolve("run_failures.csv") + ":")).toList();

        assertThat(warnings).hasSize(ReadLimits.MAX_WARNINGS_PER_FILE + 1);
        assertThat(warnings.subList(0, ReadLimits.MAX_WARNINGS_PER_FILE))
                .allMatch(w -> w.contains(" failures of 'GET /gone/") && w.endsWith("does not list; they are left out"))
                .allSatisfy(w -> assertThat(w).doesNotContain("\u001B", "\r", "\n"));
        assertThat(warnings.get(ReadLimits.MAX_WARNINGS_PER_FILE)).endsWith("run_failures.csv: "
                + (unlisted - ReadLimits.MAX_WARNINGS_PER_FILE) + " more warnings left out (only the first "
                + ReadLimits.MAX_WARNINGS_PER_FILE + " of a file are shown)");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 9, 14})
    void windowsSplitTheHistorysCountsExactly(int splitSeconds) {
        Map<String, long[]> last = lastTotals(HISTORY);
        Run early = extract(QUIRKS.toString(), window(Optional.empty(), Optional.of(Duration.ofSeconds(splitSeconds)))).run();
        Run late = extract(QUIRKS.toString(), window(Optional.of(Duration.ofSeconds(splitSeconds)), Optional.empty())).run();
        for (Map.Entry<String, long[]> e : last.entrySet()) {
            long requests = requests(early, e.getKey()) + requests(late, e.getKey());
            assertThat(requests).as(e.getKey()).isEqualTo(e.getValue()[0]);
            assertThat(failures(early, e.getKey()) + failures(late, e.getKey())).as(e.getKey()).isEqualTo(e.getValue()[1]);
        }
    }

    @Test
    void aWindowKeepsExactCountsAndMeanButNoPercentiles() {
        // rows at 208 (0 users) … 213 (10 users, 155 requests) … 218 (423) …; [5s, 10s) keeps the rows 213..217
        Run run = extract(QUIRKS.toString(), window(Optional.of(Duration.ofSeconds(5)), Optional.of(Duration.ofSeconds(10)))).run();
        EndpointStats total = run.total().orElseThrow();
        Map<String, long[]> at212 = totalsAt(HISTORY, 1795432212);
        Map<String, long[]> at217 = totalsAt(HISTORY, 1795432217);
        assertThat(total.requests()).isEqualTo(at217.get("Aggregated")[0] - at212.get("Aggregated")[0]);
        assertThat(total.latency().percentiles()).isEmpty();
        assertThat(total.latency().min()).isEmpty();
        double sum217 = at217.get("Aggregated")[0] * averageAt(HISTORY, 1795432217);
        double sum212 = at212.get("Aggregated")[0] * averageAt(HISTORY, 1795432212);
        assertThat(total.latency().mean().getAsDouble()).isCloseTo((sum217 - sum212) / total.requests(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(total.failuresByKind()).isEmpty();
        assertThat(run.metadata().start()).contains(Instant.ofEpochSecond(1795432212));
        assertThat(run.metadata().end()).contains(Instant.ofEpochSecond(1795432217));
        assertThat(total.throughput().getAsDouble()).isCloseTo(total.requests() / 5.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void steadyUsersKeepsTheStretchAtThePeak() {
        Run run = extract(QUIRKS.toString(), ExtractOptions.defaults().withPlateau(Optional.of(UserPlateau.peak()))).run();
        // 10 users from the row at 213 (155 requests so far) to the last row at 224 (732)
        assertThat(run.total().orElseThrow().requests()).isEqualTo(732 - 155);
        assertThat(run.metadata().start()).contains(Instant.ofEpochSecond(1795432213));
        assertThat(run.metadata().workload().users()).hasValue(10);
        assertThatThrownBy(() -> extract(QUIRKS.toString(), ExtractOptions.defaults().withPlateau(Optional.of(UserPlateau.at(6)))))
                .isInstanceOf(InputException.class).hasMessageContaining("the user count is 6 in a single history row only");
        assertThatThrownBy(() -> extract(QUIRKS.toString(), ExtractOptions.defaults().withPlateau(Optional.of(UserPlateau.at(7)))))
                .isInstanceOf(InputException.class).hasMessageContaining("the user count is never 7");
    }

    @Test
    void steadyUsersWithWarmupCutsInsideTheStretch() {
        Run run = extract(QUIRKS.toString(), ExtractOptions.defaults()
                .withWindow(new RelativeWindow(Duration.ofSeconds(2), Duration.ZERO, Optional.empty(), Optional.empty()))
                .withPlateau(Optional.of(UserPlateau.peak()))).run();
        // the stretch's increments start after 213; skipping 2 s keeps the rows from 216 on
        assertThat(run.total().orElseThrow().requests()).isEqualTo(732 - 260);
    }

    @Test
    void stagesComeFromTheHistory() {
        Run run = extract(QUIRKS.toString(), ExtractOptions.defaults().withStages(List.of(
                Stage.of("ramp", Duration.ZERO, Optional.of(Duration.ofSeconds(6))),
                Stage.of("steady", Duration.ofSeconds(6), Optional.empty())))).run();
        assertThat(run.stages()).hasSize(2);
        long sum = run.stages().stream().mapToLong(s -> s.total().orElseThrow().requests()).sum();
        assertThat(sum).isEqualTo(732);
        assertThat(run.total().orElseThrow().requests()).as("the whole run stays the stats file's").isEqualTo(889);
    }

    @Test
    void aWindowNeedsTheHistoryWithEndpointRows() {
        assertThatThrownBy(() -> extract(FIXTURES.resolve("shop-regressed").toString(), window(Optional.of(Duration.ofSeconds(5)), Optional.empty())))
                .isInstanceOf(InputException.class).hasMessageContaining("cannot be cut to a time window");
        assertThatThrownBy(() -> extract(FIXTURES.resolve("shop-baseline-history").toString(), window(Optional.of(Duration.ofSeconds(5)), Optional.empty())))
                .isInstanceOf(InputException.class).hasMessageContaining("run Locust with --csv-full-history");
    }

    @Test
    void aPartGivenAloneSaysWhatToGiveInstead() {
        assertThatThrownBy(() -> extract(QUIRKS.resolve("quirks_exceptions.csv").toString()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("is Locust's exceptions CSV, a part of the run in quirks_stats.csv");
        assertThatThrownBy(() -> extract(QUIRKS.resolve("quirks_failures.csv").toString()))
                .isInstanceOf(InputException.class).hasMessageContaining("Locust's failures CSV");
    }

    @Test
    void windowsReadTheSameFromCrCrLfLineEnds() throws IOException {
        Path set = copySet("run_");
        for (String name : List.of("run_stats.csv", "run_stats_history.csv", "run_failures.csv")) {
            String text = Files.readString(set.resolve(name), StandardCharsets.UTF_8);
            Files.writeString(set.resolve(name), text.replace("\r\n", "\n").replace("\n", "\r\r\n"), StandardCharsets.UTF_8);
        }
        ExtractOptions window = window(Optional.of(Duration.ofSeconds(3)), Optional.of(Duration.ofSeconds(11)));
        Run crcrlf = extract(set.resolve("run_").toString(), window).run();
        Run original = extract(QUIRKS.resolve("quirks_").toString(), window).run();
        assertThat(crcrlf.services()).isEqualTo(original.services());
        assertThat(crcrlf.total()).isEqualTo(original.total());
    }

    @Test
    void aHistoryCutOffWhileWrittenKeepsItsCompleteRowsWithAWarning() throws IOException {
        Path set = copySet("run_");
        String history = Files.readString(set.resolve("run_stats_history.csv"), StandardCharsets.UTF_8);
        Files.writeString(set.resolve("run_stats_history.csv"), history.substring(0, history.length() - 40), StandardCharsets.UTF_8);
        Extraction e = extract(set.resolve("run_").toString());
        assertThat(e.warnings()).anyMatch(w -> w.matches(".*run_stats_history\\.csv:120: the last row is cut off.*"));
    }

    @Test
    void aBrokenExceptionsFileIsLeftOutWithAWarning() throws IOException {
        Path set = copySet("run_");
        Files.writeString(set.resolve("run_exceptions.csv"), "Count,Message,Traceback,Nodes\nlots,boom,,local\n");
        Extraction e = extract(set.resolve("run_").toString());
        assertThat(e.warnings()).anyMatch(w -> w.contains("run_exceptions.csv:2: column 'Count' is not a whole number")
                && w.endsWith("(the exceptions file is left out)"));
        assertThat(e.run().total().orElseThrow().requests()).isEqualTo(889);
    }

    @Test
    void aDamagedHistoryRowIsAnErrorWithItsLine() throws IOException {
        Path set = copySet("run_");
        List<String> lines = Files.readAllLines(set.resolve("run_stats_history.csv"), StandardCharsets.UTF_8);
        lines.set(10, "1795432209,2,GET,/api/products");
        Files.write(set.resolve("run_stats_history.csv"), lines, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> extract(set.resolve("run_").toString()))
                .isInstanceOf(InputException.class).hasMessageContaining("run_stats_history.csv:11:")
                .hasMessageContaining("the file is damaged");
    }

    @Test
    void aHugeSingleLineHistoryFailsClearly() throws IOException {
        Path set = copySet("run_");
        try (var out = Files.newBufferedWriter(set.resolve("run_stats_history.csv"))) {
            out.write("Timestamp,User Count,Type,Name,Total Request Count,Total Failure Count\n");
            char[] block = new char[1 << 16];
            java.util.Arrays.fill(block, 'x');
            for (int i = 0; i < 800; i++) {
                out.write(block); // 50 MB on one line
            }
        }
        assertThatThrownBy(() -> extract(set.resolve("run_").toString()))
                .isInstanceOf(InputException.class).hasMessageContaining("run_stats_history.csv:2: a record is longer than");
    }

    @Test
    void theJsonHistogramBecomesAnHdrHistogramOnLocustsGrid() {
        Run run = extract(JSON.toString()).run();
        EndpointStats search = endpoint(run, "GET /api/search");
        Histogram h = Histograms.decode(search.histogram().orElseThrow(), "test");
        assertThat(h.getTotalCount()).isEqualTo(search.requests()).isEqualTo(145);
        for (double p : search.latency().percentiles().values()) {
            assertThat(p).isEqualTo(LocustJsonFormat.lockstepForTest(p)).isGreaterThanOrEqualTo(180).isLessThanOrEqualTo(270);
        }
        EndpointStats total = run.total().orElseThrow();
        assertThat(Histograms.decode(total.histogram().orElseThrow(), "test").getTotalCount()).isEqualTo(922);
        assertThat(total.requests()).isEqualTo(922);
        assertThat(run.metadata().precision().significantDigits()).hasValue(2);
        assertThat(total.timeSeries().orElseThrow().points().stream().mapToLong(TimeSeries.Point::requests).sum()).isEqualTo(922);
    }

    @Test
    void aJsonFileCutOffInsideAnEntryKeepsTheCompleteOnes() throws IOException {
        String json = Files.readString(JSON, StandardCharsets.UTF_8);
        Path cut = tmp.resolve("cut.json");
        Files.writeString(cut, json.substring(0, json.indexOf("\"name\": \"/api/products\"") + 10), StandardCharsets.UTF_8);
        Extraction e = extract(cut.toString());
        assertThat(e.warnings()).anyMatch(w -> w.contains("cut.json:") && w.contains("the file ends inside an entry"));
        assertThat(e.run().total().orElseThrow().requests()).isPositive().isLessThan(922);
    }

    @Test
    void brokenJsonNamesItsLine() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "[\n  {\"name\": \"/a\", \"num_requests\": 3, \"total_response_time\": 1.0,\n"
                + "   \"response_times\": {\"x\": 3}, \"num_reqs_per_sec\": {}, \"start_time\": 1.0}\n]\n");
        assertThatThrownBy(() -> extract(bad.toString())).isInstanceOf(InputException.class)
                .hasMessageContaining("bad.json:3:").hasMessageContaining("response_times key is not a time in ms");
    }

    private Path copySet(String prefix) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("set"));
        try (var files = Files.list(QUIRKS)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("quirks_")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString().replace("quirks_", prefix)));
            }
        }
        return dir;
    }

    private static ExtractOptions window(Optional<Duration> from, Optional<Duration> to) {
        return ExtractOptions.defaults().withWindow(new RelativeWindow(Duration.ZERO, Duration.ZERO, from, to));
    }

    static EndpointStats endpoint(Run run, String key) {
        return run.services().stream().flatMap(s -> s.endpoints().stream()).filter(e -> e.id().key().equals(key))
                .findFirst().orElseThrow(() -> new AssertionError("no endpoint " + key));
    }

    private static long requests(Run run, String key) {
        return key.equals("Aggregated") ? run.total().map(EndpointStats::requests).orElse(0L)
                : run.services().stream().flatMap(s -> s.endpoints().stream()).filter(e -> e.id().key().equals(key))
                .mapToLong(EndpointStats::requests).sum();
    }

    private static long failures(Run run, String key) {
        return key.equals("Aggregated") ? run.total().map(EndpointStats::failures).orElse(0L)
                : run.services().stream().flatMap(s -> s.endpoints().stream()).filter(e -> e.id().key().equals(key))
                .mapToLong(EndpointStats::failures).sum();
    }

    /** The Aggregated row's Total Average Response Time at a timestamp. */
    static double averageAt(Path history, long epochSecond) {
        try (Reader r = Files.newBufferedReader(history, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                if (Long.parseLong(row.get("Timestamp")) == epochSecond && row.get("Name").equals("Aggregated")) {
                    return Double.parseDouble(row.get("Total Average Response Time"));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no Aggregated row at " + epochSecond);
    }

    /** Requests and failures of each row key in the history's last row, read plainly with commons-csv. */
    static Map<String, long[]> lastTotals(Path history) {
        return totalsAt(history, Long.MAX_VALUE);
    }

    static Map<String, long[]> totalsAt(Path history, long epochSecond) {
        Map<String, long[]> totals = new HashMap<>();
        try (Reader r = Files.newBufferedReader(history, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                if (Long.parseLong(row.get("Timestamp")) <= epochSecond) {
                    String name = row.get("Name").replaceAll("\\?.*", ""); // loadverdict drops query strings by default
                    String key = row.get("Type").isEmpty() ? name : row.get("Type") + " " + name;
                    totals.put(key, new long[] {Long.parseLong(row.get("Total Request Count")),
                            Long.parseLong(row.get("Total Failure Count"))});
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return totals.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
