package dev.loadverdict.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz targets for every document loadverdict reads back: the configuration, runs, baselines, history entries,
 * suite pointers, saved comparisons and the legacy baseline import.
 *
 * <p>The property of every target: whatever the bytes, reading either succeeds or throws an
 * {@link InputException} naming the file on one line; any other exception or error (a RuntimeException, an
 * OutOfMemoryError, a StackOverflowError) or a hang is a finding. A document that reads must also write, and
 * what it writes must read back and write again to the same text (so every accepted document survives
 * {@code baseline promote} and friends); an imported legacy baseline is a run, so it must write as one and read back.
 *
 * <p>By default ({@code ./mvnw verify}) each target runs once over its saved inputs in
 * {@code src/test/resources/dev/loadverdict/codec/CodecFuzzTestInputs/<target>/} (seeds from the golden files,
 * the examples and the docs, and every crash found so far). {@code ./mvnw verify -Pfuzz} fuzzes each target
 * (see the {@code fuzz} profile in the parent POM); a crash lands in that directory as {@code crash-*}.
 *
 * <p>Discipline: inputs longer than {@link #MAX_LEN} bytes are skipped (every real document of these kinds is far
 * smaller); {@code @Timeout} is a JUnit timeout when regression testing and libFuzzer's per-input timeout when
 * fuzzing; the fuzzing JVM runs with a bounded heap, so runaway memory shows as an OutOfMemoryError.
 */
class CodecFuzzTest {

    /** The longest input a target reads. */
    static final int MAX_LEN = 64 * 1024;

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void config(byte[] data) {
        read(data, "loadverdict.yml", ConfigParser::parse, null);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void configJson(byte[] data) {
        read(data, "loadverdict.json", ConfigParser::parse, null);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void run(byte[] data) {
        read(data, "run.json", RunJson::read, RunJson::write);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void baseline(byte[] data) {
        read(data, "baseline.json", BaselineJson::read, BaselineJson::write);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void history(byte[] data) {
        read(data, "history/20240101T000000Z-abc.json", HistoryJson::read, HistoryJson::write);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void suitePointer(byte[] data) {
        read(data, "suite.json", SuiteJson::read, SuiteJson::write);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void comparison(byte[] data) {
        read(data, "comparison.json", ComparisonJson::read, ComparisonJson::write);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void legacyBaseline(byte[] data) {
        Run run = read(data, "performance-baselines.json", LegacyBaselineJson::read, null);
        if (run != null) { // imported as a run: that run must write and read back
            String written = RunJson.write(run);
            assertThat(RunJson.write(RunJson.read("(written back)", new StringReader(written)))).isEqualTo(written);
        }
    }

    /**
     * Reads {@code data} as the file {@code source} is read by the CLI (strict UTF-8, as
     * {@code Files.newBufferedReader} does), and when {@code write} is given, writes what was read and reads it back.
     */
    static <T> T read(byte[] data, String source, BiFunction<String, Reader, T> reader, Function<T, String> write) {
        if (data.length > MAX_LEN) {
            return null;
        }
        T value;
        try {
            value = reader.apply(source, new InputStreamReader(new ByteArrayInputStream(data),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)));
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith(source + ":").doesNotContain("\n", "\r");
            return null;
        }
        if (write != null) {
            String written = write.apply(value);
            T again = reader.apply("(written back)", new StringReader(written));
            assertThat(write.apply(again)).as("what was written reads back the same").isEqualTo(written);
        }
        return value;
    }
}
