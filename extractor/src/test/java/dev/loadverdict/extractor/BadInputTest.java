package dev.loadverdict.extractor;

import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.testsupport.RandomText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadInputTest {

    static final String HEADER = "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,"
            + "Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,50%,95%,100%\n";

    @TempDir
    Path dir;

    private InputException failure(String fileName, String content) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        try {
            Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()).run();
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("no InputException for " + fileName);
    }

    @Test
    void emptyFileIsNamed() throws IOException {
        InputException e = failure("empty_stats.csv", "");
        assertThat(e.getMessage()).startsWith(dir.resolve("empty_stats.csv").toString()).endsWith("is empty");
    }

    @Test
    void csvThatIsNotLocustIsRejectedWithWhatLoadverdictReads() throws IOException {
        InputException e = failure("people.csv", "name,age\nada,36\n");
        assertThat(e.getMessage()).contains("people.csv").endsWith("not a load-test result loadverdict recognises");
        assertThat(e.explanation()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("It reads: Locust stats CSV, ");
    }

    @Test
    void notANumberNamesFileLineAndColumn() throws IOException {
        InputException e = failure("run_stats.csv", HEADER
                + "GET,/a,10,0,5,5,1,9,10,1.0,0.0,5,9,9\n"
                + "GET,/b,ten,0,5,5,1,9,10,1.0,0.0,5,9,9\n");
        assertThat(e.line()).hasValue(3);
        assertThat(e.getMessage()).contains("run_stats.csv:3:").contains("'Request Count'").contains("\"ten\"");
    }

    @Test
    void moreFailuresThanRequestsIsRejected() throws IOException {
        InputException e = failure("run_stats.csv", HEADER + "GET,/a,10,11,5,5,1,9,10,1.0,0.0,5,9,9\n");
        assertThat(e.getMessage()).contains(":2:").contains("more failures (11) than requests (10)");
    }

    @Test
    void headerOnlyIsRejected() throws IOException {
        InputException e = failure("run_stats.csv", HEADER);
        assertThat(e.getMessage()).contains("header but no rows");
    }

    @Test
    void truncatedQuotedFieldIsReportedNotThrownRaw() throws IOException {
        InputException e = failure("run_stats.csv", HEADER + "GET,\"/a unterminated,10,0,5");
        assertThat(e.getMessage()).contains("run_stats.csv");
    }

    @Test
    void aFileCutOffMidRowIsRejectedNotPassed() throws IOException {
        InputException e = failure("run_stats.csv", HEADER + "GET,/a,10,0,5,5,1,9,10,1.0,0.0,5,9,9\nGET,/b,10,0,5,5");
        assertThat(e.getMessage()).contains("run_stats.csv:3:").contains("has 6 fields but the header has 14")
                .contains("truncated");
    }

    @Test
    void aFileWithoutItsTotalRowIsTruncated() throws IOException {
        InputException e = failure("run_stats.csv", HEADER + "GET,/a,10,0,5,5,1,9,10,1.0,0.0,5,9,9\n");
        assertThat(e.getMessage()).contains("has no Aggregated (or Total) row").contains("truncated");
    }

    @Test
    void controlCharactersFromTheFileNeverReachTheMessage() throws IOException {
        InputException e = failure("run_stats.csv", HEADER + "GET,/a,1\u001b[2J\u001b]0;owned\u0007,0,5,5,1,9,10,1.0,0.0,5,9,9\n");
        assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\u0007").contains("not a whole number");
    }

    @Test
    void historyCsvAloneIsNotMistakenForStats() throws IOException {
        InputException e = failure("run_stats_history.csv",
                "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,Total Request Count,Total Failure Count,"
                        + "Total Median Response Time\n1,1,,Aggregated,0,0,N/A,0,0,0\n");
        assertThat(e.getMessage()).contains("is Locust's stats history")
                .contains("run_stats.csv of the same run, but that file is not beside it");
    }

    @Test
    void directoryWithoutResultsSaysSo() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThatThrownBy(() -> Extractor.standard().extract(List.of(dir.toString()), ExtractOptions.defaults()).run())
                .isInstanceOf(InputException.class).hasMessageContaining("no load-test results found");
    }

    @Test
    void missingInputSaysSo() {
        assertThatThrownBy(() -> Extractor.standard().extract(List.of(dir.resolve("nope").toString()),
                ExtractOptions.defaults()).run())
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("no such file or directory, and no result files start with it");
    }

    @Test
    void gzipAndBomAndCrlfAreReadTransparently() throws IOException {
        String csv = "\uFEFF" + (HEADER + "GET,/a,10,1,5,5,1,9,10,1.0,0.0,5,9,9\r\n,Aggregated,10,1,5,5,1,9,10,1.0,0.0,5,9,9\r\n");
        Path file = dir.resolve("run_stats.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        Run run = Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()).run();
        assertThat(run.services().get(0).endpoints()).singleElement()
                .satisfies(e -> assertThat(e.id().key()).isEqualTo("GET /a"));
        assertThat(run.total()).get().satisfies(t -> assertThat(t.failures()).isEqualTo(1));
    }

    @Test
    void invalidUtf8LabelIsKeptReadable() throws IOException {
        byte[] gbk = {(byte) 0xBD, (byte) 0xD3, (byte) 0xBF, (byte) 0xDA};
        Path file = dir.resolve("run_stats.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "GET,/").getBytes(StandardCharsets.UTF_8));
            out.write(gbk);
            out.write(",10,0,5,5,1,9,10,1.0,0.0,5,9,9\n,Aggregated,10,0,5,5,1,9,10,1.0,0.0,5,9,9\n".getBytes(StandardCharsets.UTF_8));
        }
        Run run = Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()).run();
        assertThat(run.services().get(0).endpoints().get(0).id().name()).startsWith("/").contains("\uFFFD");
    }

    @Test
    void aHugeSingleLineFailsCleanlyWithoutFillingMemory() throws IOException {
        Path file = dir.resolve("big_stats.csv");
        try (var out = Files.newBufferedWriter(file)) {
            out.write(HEADER);
            out.write("GET,/");
            for (int i = 0; i < 3 * ReadLimits.MAX_LINE / 64; i++) {
                out.write("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
            }
        }
        assertThatThrownBy(() -> Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()).run())
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":2: a record is longer than 1048576 bytes; this is not a Locust CSV file loadverdict can read");
    }

    static LongStream bodySeeds() {
        return RandomText.seeds(4242, 300);
    }

    /** Any (well-formed) text of up to 300 chars after the header; {@code new Random(seed)} regenerates it. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("bodySeeds")
    void arbitraryContentAfterAValidHeaderEitherParsesOrFailsCleanly(long seed) throws IOException {
        String body = RandomText.wellFormed(new Random(seed), 300);
        Path file = Files.createTempFile("fuzz", "_stats.csv");
        try {
            Files.writeString(file, HEADER + body, StandardCharsets.UTF_8);
            try {
                Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()).run();
            } catch (InputException e) {
                assertThat(e.getMessage()).as("seed %d, body \"%s\"", seed, RandomText.visible(body))
                        .startsWith(file.toString()).doesNotContain("\n");
            }
        } finally {
            Files.delete(file);
        }
    }
}
