package dev.loadverdict.extractor.gatling;

import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extraction;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.model.InputException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Broken, cut-off, hostile and wrong-version Gatling input: one clear {@link InputException} naming file and line
 * (text) or byte offset (binary), or what is complete plus a warning for a file cut off mid-record. Cut-off files
 * are made from the real runs in the fixtures; the few hand-built binary records below are written to the layout
 * of Gatling's {@code LogFileDataWriter} (docs/formats.md) to reach the decoder's limits, and are no tool output.
 */
class GatlingBadInputTest {

    static final Path TEXT_RUN = GatlingFidelityTest.FIXTURES.resolve("3.11/shop-e2e-log/simulation.log");
    static final Path BINARY_RUN = GatlingFidelityTest.FIXTURES.resolve("3.13/shop-e2e-binary/simulation.log");
    static final String RUN_3_11 = "RUN\tloadverdict.e2e.ShopSimulation\tshopsimulation\t1795432505818\t \t3.11.5\n";

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static Extraction extract(Path file) {
        return Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults());
    }

    private static InputException failure(Path file) {
        try {
            extract(file);
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("no InputException for " + file);
    }

    @Test
    void emptyFileIsNamed() throws IOException {
        assertThat(failure(write("simulation.log", "")).getMessage()).contains("simulation.log").endsWith("is empty");
    }

    @Test
    void garbageIsNotRecognised() throws IOException {
        InputException e = failure(write("simulation.log", "hello\tworld\n\u0001\u0002 nothing here\n"));
        assertThat(e.getMessage()).contains("not a load-test result loadverdict recognises");
        assertThat(String.join(" ", e.explanation())).contains("Gatling simulation.log");
    }

    @Test
    void textLogOfAVersionThatNeverWroteOneIsRefused() throws IOException {
        InputException e = failure(write("simulation.log", RUN_3_11.replace("3.11.5", "3.14.0")
                + "REQUEST\t\tsearch\t1795432506000\t1795432506100\tOK\t \n"));
        assertThat(e.line()).hasValue(1);
        assertThat(e.getMessage()).contains("simulation.log:1:").contains("'3.14.0'").contains("binary");
    }

    @Test
    void requestOfTheWrongLayoutNamesItsLine() throws IOException {
        InputException e = failure(write("simulation.log", RUN_3_11
                + "REQUEST\t\tsearch\t1795432506000\t1795432506100\tOK\t \n"
                + "REQUEST\t\tsearch\tsoon\t1795432506100\tOK\t \n"));
        assertThat(e.line()).hasValue(3);
        assertThat(e.getMessage()).contains("field 4 (start)").contains("'soon'").contains("3.4-3.12");
    }

    @Test
    void requestEndingBeforeItStartsIsRefused() throws IOException {
        InputException e = failure(write("simulation.log", RUN_3_11
                + "REQUEST\t\tsearch\t1795432506100\t1795432506000\tOK\t \n"));
        assertThat(e.getMessage()).contains(":2:").contains("ends").contains("before it starts");
    }

    @Test
    void hugeLineFailsWithoutFillingMemory() throws IOException {
        String huge = "REQUEST\t\t" + "x".repeat(3 << 20) + "\t1\t2\tOK\n";
        InputException e = failure(write("simulation.log", RUN_3_11 + huge));
        assertThat(e.line()).hasValue(2);
        assertThat(e.getMessage()).contains("longer than");
    }

    @Test
    void crlfAndCrLineEndsReadLikeLf() throws IOException {
        String log = Files.readString(TEXT_RUN);
        String lf = runJson(extract(TEXT_RUN));
        assertThat(runJson(extract(write("crlf.log", log.replace("\n", "\r\n"))))).isEqualTo(lf.replace(TEXT_RUN.toString(), dir.resolve("crlf.log").toString()));
        assertThat(runJson(extract(write("cr.log", log.replace("\n", "\r"))))).isEqualTo(lf.replace(TEXT_RUN.toString(), dir.resolve("cr.log").toString()));
    }

    private static String runJson(Extraction x) {
        return dev.loadverdict.codec.RunJson.write(x.run());
    }

    @Test
    void textLogCutOffMidRecordKeepsWhatIsCompleteAndWarns() throws IOException {
        String log = Files.readString(TEXT_RUN);
        int cut = log.indexOf("\tOK", log.indexOf("\nREQUEST\t", log.length() / 2)) - 3; // inside a REQUEST's end time
        long completeRequests = log.substring(0, cut).lines().filter(l -> l.startsWith("REQUEST\t")).count() - 1;
        long lines = log.substring(0, cut).lines().count();
        Extraction x = extract(write("simulation.log", log.substring(0, cut)));
        assertThat(x.run().total().orElseThrow().requests()).isEqualTo(completeRequests);
        assertThat(x.warnings()).singleElement().asString().contains("simulation.log:" + lines + ":")
                .contains("truncated");
    }

    @Test
    void binaryLogCutOffAnywhereKeepsWhatIsCompleteAndWarnsWithTheOffset() throws IOException {
        byte[] log = Files.readAllBytes(BINARY_RUN);
        long whole = extract(BINARY_RUN).run().total().orElseThrow().requests();
        long previous = 0;
        for (int percent = 10; percent <= 90; percent += 20) {
            Path cut = write("cut-" + percent + ".log", Arrays.copyOf(log, log.length * percent / 100));
            Extraction x = extract(cut);
            long requests = x.run().total().orElseThrow().requests();
            assertThat(requests).isGreaterThan(previous).isLessThan(whole);
            assertThat(x.warnings()).singleElement().asString().contains("cut-" + percent + ".log:byte ")
                    .contains("truncated");
            // the incomplete record runs from the offset named to the end of the file, every byte of it skipped
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(":byte (\\d+): .* the (\\d+) byte\\(s\\) of it skipped")
                    .matcher(x.warnings().get(0).toString());
            assertThat(m.find()).as(x.warnings().get(0).toString()).isTrue();
            assertThat(Long.parseLong(m.group(1)) + Long.parseLong(m.group(2))).isEqualTo(log.length * percent / 100);
            previous = requests;
        }
    }

    @Test
    void binaryLogCutInsideItsRunRecordFails() throws IOException {
        byte[] log = Files.readAllBytes(BINARY_RUN);
        InputException e = failure(write("simulation.log", Arrays.copyOf(log, 30)));
        assertThat(e.getMessage()).contains("no RUN record");
    }

    /** A RUN record as Gatling 3.13 writes it, one scenario, then what {@code records} writes. */
    private static byte[] binary(Records records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(0);
        latin1(out, "3.13.5");
        latin1(out, "loadverdict.e2e.ShopSimulation");
        out.writeLong(1795432505818L);
        out.writeInt(0); // empty description
        out.writeInt(1);
        latin1(out, "shopper");
        out.writeInt(0); // no assertions
        records.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static void latin1(DataOutputStream out, String s) throws IOException {
        out.writeInt(s.length());
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
        out.writeByte(0);
    }

    interface Records {
        void write(DataOutputStream out) throws IOException;
    }

    @Test
    void binaryRecordsDecodeWithCachedNamesAndUtf16() throws IOException {
        Path file = write("simulation.log", binary(out -> {
            for (int i = 0; i < 2; i++) {
                out.writeByte(1); // REQUEST
                out.writeInt(0);
                if (i == 0) {
                    out.writeInt(1);
                    byte[] name = "süß→".getBytes(StandardCharsets.UTF_16LE);
                    out.writeInt(name.length);
                    out.write(name);
                    out.writeByte(1);
                } else {
                    out.writeInt(-1);
                }
                out.writeInt(100 + i);
                out.writeInt(150 + 2 * i);
                out.writeByte(i == 0 ? 1 : 0);
                if (i == 0) {
                    out.writeInt(2);
                    out.writeInt(0); // empty message
                } else {
                    out.writeInt(3);
                    latin1(out, "status.find.is(200), but actually found 500");
                }
            }
        }));
        var run = extract(file).run();
        var endpoint = run.services().get(0).endpoints().get(0);
        assertThat(endpoint.id().key()).isEqualTo("süß→");
        assertThat(endpoint.requests()).isEqualTo(2);
        assertThat(endpoint.failuresByKind()).containsOnlyKeys("status.find.is(200), but actually found 500");
        assertThat(endpoint.latency().max().getAsDouble()).isEqualTo(51.0, org.assertj.core.api.Assertions.within(0.1));
    }

    @Test
    void recordsAcrossTheReadBufferAtEveryAlignmentInHierarchiesOfEveryDepth() throws IOException {
        for (int shift = 0; shift < 4; shift++) {
            int padding = shift;
            Path file = write("aligned-" + shift + ".log", binary(out -> {
                String[] strings = {"m".repeat(padding + 1), "home", "g1", "g2"};
                for (int i = 0; i < strings.length; i++) { // ERROR records define the cached strings 1 to 4
                    out.writeByte(4);
                    out.writeInt(i + 1);
                    latin1(out, strings[i]);
                    out.writeInt(0);
                }
                for (int i = 0; i < 6000; i++) { // about 150 KB: ints and records cross the 64 KB buffer's end
                    int depth = i % 3;
                    out.writeByte(1); // REQUEST
                    out.writeInt(depth);
                    for (int g = 0; g < depth; g++) {
                        out.writeInt(-(3 + g));
                    }
                    out.writeInt(-2);
                    out.writeInt(i);
                    out.writeInt(i + i % 50);
                    out.writeByte(i % 7 == 0 ? 0 : 1);
                    out.writeInt(-1);
                    if (i % 10 == 1) {
                        out.writeByte(3); // GROUP g1
                        out.writeInt(1);
                        out.writeInt(-3);
                        out.writeInt(i);
                        out.writeInt(i + 60);
                        out.writeInt(60);
                        out.writeByte(1);
                    }
                }
            }));
            var endpoints = extract(file).run().services().get(0).endpoints();
            assertThat(endpoints).extracting(e -> e.id().key())
                    .containsExactlyInAnyOrder("home", "g1 / home", "g1 / g2 / home", "GROUP g1");
            for (var endpoint : endpoints) {
                if (endpoint.id().key().equals("GROUP g1")) {
                    assertThat(endpoint.requests()).as("group executions").isEqualTo(600);
                    continue;
                }
                assertThat(endpoint.requests()).as(endpoint.id().key()).isEqualTo(2000);
                assertThat(endpoint.failures()).as(endpoint.id().key()).isBetween(280L, 290L);
                assertThat(endpoint.latency().max().getAsDouble()).isEqualTo(49.0, within(0.1));
            }
        }
    }

    @Test
    void hostileStringLengthIsRefused() throws IOException {
        Path file = write("simulation.log", binary(out -> {
            out.writeByte(4); // ERROR
            out.writeInt(1);
            out.writeInt(Integer.MAX_VALUE);
        }));
        assertThatThrownBy(() -> extract(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("record at byte 79").hasMessageContaining("a string of 2147483647 bytes");
    }

    @Test
    void cachedStringOutOfOrderOrUnknownIsRefused() throws IOException {
        Path skipped = write("skipped.log", binary(out -> {
            out.writeByte(4);
            out.writeInt(5);
            latin1(out, "boom");
            out.writeInt(10);
        }));
        assertThatThrownBy(() -> extract(skipped)).isInstanceOf(InputException.class)
                .hasMessageContaining("cached string 5 out of order (expected 1)");
        Path unknown = write("unknown.log", binary(out -> {
            out.writeByte(4);
            out.writeInt(-7);
            out.writeInt(10);
        }));
        assertThatThrownBy(() -> extract(unknown)).isInstanceOf(InputException.class)
                .hasMessageContaining("reference to cached string 7, but 0 are known");
    }

    @Test
    void unknownRecordTypeIsRefusedWithItsOffset() throws IOException {
        Path file = write("simulation.log", binary(out -> out.writeByte(9)));
        assertThatThrownBy(() -> extract(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("record at byte 79: unknown record type 9");
    }

    @Test
    void userOfAnUnknownScenarioIsRefused() throws IOException {
        Path file = write("simulation.log", binary(out -> {
            out.writeByte(2);
            out.writeInt(3);
            out.writeByte(1);
            out.writeInt(0);
        }));
        assertThatThrownBy(() -> extract(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("USER record of scenario 3; the RUN record names 1");
    }

    @Test
    void resultsDirectoryPrefersTheRawLogAndFallsBackToJsStatsJson() throws IOException {
        Path results = dir.resolve("shopsimulation-1");
        Files.createDirectories(results.resolve("js"));
        Files.writeString(results.resolve("index.html"), "<html></html>");
        Files.copy(GatlingFidelityTest.FIXTURES.resolve("3.11/shop-e2e-stats/stats.json"), results.resolve("js/stats.json"));
        Path global = GatlingCorpusTest.CORPUS.resolve("global-stats-json/pix-2.2.2.global_stats.json");
        Assumptions.assumeTrue(Files.isRegularFile(global), "shared corpus not present");
        Files.copy(global,
                results.resolve("js/global_stats.json"));
        Extraction fromReport = extract(results);
        assertThat(fromReport.run().metadata().sources()).containsExactly(results + "/js/stats.json");
        assertThat(fromReport.warnings()).singleElement().asString().contains("js/global_stats.json: skipped");
        assertThat(fromReport.run().services().get(0).endpoints().get(0).histogram()).isEmpty();

        Files.copy(TEXT_RUN, results.resolve("simulation.log"));
        Extraction fromLog = extract(results);
        assertThat(fromLog.run().metadata().sources()).containsExactly(results + "/simulation.log");
        assertThat(fromLog.run().total().orElseThrow().requests()).isEqualTo(fromReport.run().total().orElseThrow().requests());
        assertThat(fromLog.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("skipped"));
    }
}
