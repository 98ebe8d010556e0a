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

    /**
     * A quote that is never closed makes the rest of the file one field: the records after it would be lost or read as
     * a name, so the file is refused naming the record's line (JTL: a quote cut off on the last line is a truncated
     * last line, skipped with a warning).
     */
    @Test
    void aQuoteThatIsNeverClosedIsRefusedNotSwallowingTheRecordsAfterIt() throws IOException {
        String k6 = "metric_name,timestamp,metric_value,name\nhttp_req_duration,1749889289,26.1,/a\n"
                + "http_req_duration,1749889289,5.2,\"/b\nhttp_req_duration,1749889289,5.1,/a\n"
                + "http_req_duration,1749889289,4.1,/a\n";
        assertThat(failure("k6.csv", k6).getMessage()).isEqualTo(dir.resolve("k6.csv") + ":3: broken CSV: a quoted"
                + " field of the record on this line is never closed (the file ends inside it, 3 line(s) later)");
        String jtl = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,"
                + "bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n"
                + "1700000000000,5,GET /a,200,OK,tg 1-1,text,true,,10,5,1,1,http://h/a,5,0,1\n"
                + "1700000000001,5,\"GET /b,200,OK,tg 1-1,text,true,,10,5,1,1,http://h/b,5,0,1\n"
                + "1700000000002,5,GET /a,200,OK,tg 1-1,text,true,,10,5,1,1,http://h/a,5,0,1\n";
        assertThat(failure("results.jtl", jtl).getMessage()).startsWith(dir.resolve("results.jtl")
                + ":3: broken CSV: a quoted field of the record on this line is never closed");
        Path cut = dir.resolve("cut.jtl");
        Files.writeString(cut, jtl.substring(0, jtl.indexOf("1700000000001")) + "1700000000002,5,\"GET /c,200,OK,tg");
        Extraction x = Extractor.standard().extract(List.of(cut.toString()), ExtractOptions.defaults());
        assertThat(x.run().total().orElseThrow().requests()).isEqualTo(1);
        assertThat(x.warnings()).singleElement().asString().contains("cut.jtl:3: truncated")
                .contains("a quoted field is cut off");
    }

    @Test
    void aLocustExceptionsFileCutInsideAQuotedTracebackIsLeftOut() throws IOException {
        Path fixture = Path.of("src/test/resources/fixtures/locust/2.12/full-history-quirks");
        for (String name : List.of("quirks_stats.csv", "quirks_failures.csv")) {
            Files.copy(fixture.resolve(name), dir.resolve(name));
        }
        Files.writeString(dir.resolve("quirks_exceptions.csv"), "Count,Message,Traceback,Nodes\n"
                + "13,\"cart total is negative, id=2\",\"  File \"\"x.py\"\", line 1\n  raise");
        Extraction x = Extractor.standard().extract(List.of(dir.resolve("quirks_stats.csv").toString()),
                ExtractOptions.defaults());
        assertThat(x.warnings()).anySatisfy(w -> assertThat(w.toString())
                .contains("quirks_exceptions.csv:2: broken CSV: a quoted field of the record on this line is never closed")
                .contains("left out"));
    }

    @Test
    void aLineOfAnEmptyQuotedFieldIsARecordNotABlankLine() throws IOException {
        String k6 = "metric_name,timestamp,metric_value,name\nhttp_req_duration,1749889289,26.1,/a\n\"\"\n"
                + "http_req_duration,1749889289,5.1,/a\n";
        assertThat(failure("k6.csv", k6).getMessage()).isEqualTo(dir.resolve("k6.csv")
                + ":3: a row with 1 of the header's 4 columns");
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
