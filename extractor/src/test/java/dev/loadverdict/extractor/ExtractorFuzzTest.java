package dev.loadverdict.extractor;

import dev.loadverdict.extractor.internal.Histograms;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.loadverdict.codec.RunJson;
import dev.loadverdict.model.EncodedHistogram;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz targets for every tool format's reader, through the public entry point: the fuzzed bytes are written to a
 * file named as the tool names it and read with {@code Extractor.standard().extract(...)}, which detects the
 * format from the content, so each target differs from the others by its seeds (the real files of its format
 * in {@code src/test/resources/dev/loadverdict/extractor/ExtractorFuzzTestInputs/<target>/}) and its file name.
 * Targets of several files (Locust's CSV set) split the input at {@link #NEXT_FILE}.
 *
 * <p>The property of every target: whatever the bytes, extraction either gives a run or throws an
 * {@link InputException} naming the file on one line; any other exception or error (a RuntimeException, an
 * OutOfMemoryError, a StackOverflowError) or a hang is a finding. A run that extracts must also write as run
 * JSON and read back (the CLI writes it, and {@code compare} reads it). When the whole file extracts, it is
 * extracted once more with one of the other ways to read it (a time window, stages, the user-count plateau,
 * JMeter sub-samples), picked by the input's length, under the same property.
 *
 * <p>By default ({@code ./mvnw verify}) each target runs once over its saved inputs (regression mode);
 * {@code ./mvnw verify -Pfuzz} fuzzes each target, and a crash lands in its inputs directory as {@code crash-*}.
 * Discipline: inputs longer than {@link #MAX_LEN} bytes are skipped; {@code @Timeout} is a JUnit timeout when
 * regression testing and libFuzzer's per-input timeout when fuzzing; the fuzzing JVM has a bounded heap.
 */
class ExtractorFuzzTest {

    /** The longest input a target reads: real files are larger, but 256 KiB reach every code path. */
    static final int MAX_LEN = 256 * 1024;

    /** Separates the files of a multi-file target in its input. */
    static final String NEXT_FILE = "\n--8<-- next file --8<--\n";

    private static final Path DIR = createDirectory();

    // ---- Locust

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void locustStatsCsv(byte[] data) {
        extract(data, "run_stats.csv");
    }

    /**
     * The files Locust's {@code --csv run --csv-full-history} writes, in this order, split at {@link #NEXT_FILE}.
     * The dictionary holds {@link #NEXT_FILE} escaped: jazzer-junit 0.30 writes a {@code @DictionaryEntries} entry's
     * line breaks unescaped, and libFuzzer then refuses the whole dictionary and the target does not fuzz at all.
     */
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    @DictionaryFile(resourcePath = "ExtractorFuzzTest-locustCsvSet.dict")
    void locustCsvSet(byte[] data) {
        extract(data, "run_stats.csv", "run_stats_history.csv", "run_failures.csv", "run_exceptions.csv");
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void locustJson(byte[] data) {
        extract(data, "locust.json");
    }

    // ---- k6

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void k6Ndjson(byte[] data) {
        extract(data, "k6.json");
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void k6Csv(byte[] data) {
        extract(data, "k6.csv");
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void k6SummaryExport(byte[] data) {
        extract(data, "summary-export.json");
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void k6HandleSummary(byte[] data) {
        extract(data, "summary.json");
    }

    // ---- JMeter

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void jmeterCsv(byte[] data) {
        extract(data, "results.jtl");
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void jmeterCsvWithoutHeader(byte[] data) {
        extract(data, "results.csv");
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void jmeterXml(byte[] data) {
        extract(data, "results.xml");
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void jmeterStatisticsJson(byte[] data) {
        extract(data, "statistics.json");
    }

    // ---- Gatling

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void gatlingTextLog(byte[] data) {
        extract(data, "simulation.log");
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void gatlingBinaryLog(byte[] data) {
        extract(data, "simulation.log");
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void gatlingStatsJson(byte[] data) {
        extract(data, "stats.json");
    }

    // ---- generic

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void genericSamplesCsv(byte[] data) {
        extract(data, "samples.csv");
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void genericSamplesNdjson(byte[] data) {
        extract(data, "samples.ndjson");
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void genericDocument(byte[] data) {
        extract(data, "run.json");
    }

    // ---- any format, gzipped (files are un-gzipped by their first bytes, whatever their name)

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void gzipped(byte[] data) {
        extract(data, "results.gz");
    }

    // ---- the histograms runs carry (decoded when a run is compared)

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void histogram(byte[] data) {
        if (data.length == 0 || data.length > MAX_LEN) {
            return;
        }
        try {
            Histograms.decode(new EncodedHistogram(data), "run.json").getValueAtPercentile(99);
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("run.json: ").doesNotContain("\n", "\r");
        }
    }

    /**
     * Writes the parts of {@code data} (split at {@link #NEXT_FILE}, at most one part per name; an empty part is
     * no file) under {@code names} in an empty directory, and extracts the first file or, for inputs of odd
     * length, the directory.
     */
    static void extract(byte[] data, String... names) {
        if (data.length > MAX_LEN) {
            return;
        }
        Path dir = DIR.resolve(names[0].replace('.', '-'));
        List<byte[]> parts = split(data, names.length);
        try {
            clear(dir);
            for (int i = 0; i < parts.size(); i++) {
                if (i == 0 || parts.get(i).length > 0) {
                    Files.write(dir.resolve(names[i]), parts.get(i));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String input = data.length % 2 == 0 ? dir.resolve(names[0]).toString() : dir.toString();
        Optional<Run> run = extract(dir, input, ExtractOptions.defaults());
        if (run.isPresent()) {
            extract(dir, input, variant(data.length, run.get()));
        }
    }

    /** Another way to read a file that reads whole. */
    private static ExtractOptions variant(int length, Run run) {
        ExtractOptions defaults = ExtractOptions.defaults();
        return switch (length % 5) {
            case 0 -> defaults.withWindow(new RelativeWindow(Duration.ofSeconds(1), Duration.ofSeconds(1),
                    Optional.empty(), Optional.empty()));
            case 1 -> defaults.withWindow(new RelativeWindow(Duration.ZERO, Duration.ZERO,
                    Optional.of(Duration.ofMillis(500)), Optional.of(Duration.ofSeconds(30))));
            case 2 -> defaults.withStages(List.of(Stage.of("ramp", Duration.ZERO, Optional.of(Duration.ofSeconds(2))),
                    Stage.of("steady", Duration.ofSeconds(2), Optional.empty())));
            case 3 -> defaults.withPlateau(Optional.of(UserPlateau.peak()));
            default -> defaults.withSubSamples(true).withWindow(new RelativeWindow(Duration.ZERO,
                    Duration.ofMillis(run.services().size()), Optional.empty(), Optional.empty()));
        };
    }

    /** The run, or empty after an {@link InputException} that names a file of {@code dir} on one line. */
    private static Optional<Run> extract(Path dir, String input, ExtractOptions options) {
        Run run;
        try {
            run = Extractor.standard().extract(List.of(input), options).run();
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith(dir.toString()).doesNotContain("\n", "\r");
            return Optional.empty();
        }
        for (ServiceStats service : run.services()) {
            for (EndpointStats endpoint : service.endpoints()) {
                endpoint.histogram().ifPresent(h -> Histograms.decode(h, "extracted"));
            }
        }
        String json = RunJson.write(run);
        assertThat(RunJson.write(RunJson.read("(written)", new StringReader(json))))
                .as("the extracted run reads back as written").isEqualTo(json);
        return Optional.of(run);
    }

    /** {@code data} split at the first {@code count - 1} occurrences of {@link #NEXT_FILE}. */
    static List<byte[]> split(byte[] data, int count) {
        byte[] separator = NEXT_FILE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + separator.length <= data.length && parts.size() < count - 1; i++) {
            if (Arrays.equals(data, i, i + separator.length, separator, 0, separator.length)) {
                parts.add(Arrays.copyOfRange(data, start, i));
                start = i + separator.length;
                i = start - 1;
            }
        }
        parts.add(Arrays.copyOfRange(data, start, data.length));
        return parts;
    }

    private static void clear(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(dir)) {
                        Files.delete(p);
                    }
                }
            }
        } else {
            Files.createDirectories(dir);
        }
    }

    private static Path createDirectory() {
        try {
            Path dir = Files.createTempDirectory("loadverdict-fuzz");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary directory
                }
            }));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
