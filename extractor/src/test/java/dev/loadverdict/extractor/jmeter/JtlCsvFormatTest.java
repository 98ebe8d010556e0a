package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extraction;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.RelativeWindow;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;
import dev.loadverdict.model.config.MappingRule;
import dev.loadverdict.model.config.Naming;
import dev.loadverdict.testsupport.RandomText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JtlCsvFormatTest {

    static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
            + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n";

    static final Path DEFAULT17 = Path.of("src/test/resources/fixtures/jmeter/5.1/default17-htmlreport/results.csv");

    @TempDir
    Path dir;

    private final JtlCsvFormat format = new JtlCsvFormat();

    private MatchStrength detect(String text) {
        return format.detect(new Head(dir.resolve("x"), text));
    }

    @Test
    void numbersOfARealFileAreExact() {
        // independently, with awk over the file:
        //   awk -F, 'NR>1 {n[$3]++; s[$3]+=$2; ...}'  ->  JR-OK n=252 min=101 max=353 sum=59447,
        //   JR-KO n=3 (all failed) min=100 max=329 sum=599; all n=255 sum=60046;
        //   sort -n of elapsed, nearest rank ceil(0.95*255)=243 -> p95 = 339
        Run run = Jtl.extract(DEFAULT17).run();
        EndpointStats ok = Jtl.endpoints(run).get("JR-OK");
        assertThat(ok.requests()).isEqualTo(252);
        assertThat(ok.failures()).isZero();
        assertThat(ok.latency().count()).isEqualTo(252);
        assertThat(ok.latency().min()).hasValue(101.0);
        assertThat(ok.latency().max()).hasValue(353.0);
        assertThat(ok.latency().mean().getAsDouble()).isEqualTo(59447.0 / 252);
        EndpointStats ko = Jtl.endpoints(run).get("JR-KO");
        assertThat(ko.requests()).isEqualTo(3);
        assertThat(ko.failures()).isEqualTo(3);
        assertThat(ko.failuresByKind()).containsExactly(Map.entry("400 Bad request", 3L));
        EndpointStats total = run.total().orElseThrow();
        assertThat(total.requests()).isEqualTo(255);
        assertThat(total.latency().min()).hasValue(100.0);
        assertThat(total.latency().mean().getAsDouble()).isEqualTo(60046.0 / 255);
        assertThat(total.latency().percentile(95).getAsDouble()).isCloseTo(339.0, within(339.0 * 0.001));
        // JMeter's own dashboard for this file (statistics-json fixture): Total throughput 4.2369361136495804
        assertThat(total.throughput().getAsDouble()).isCloseTo(4.2369361136495804, within(1e-12));
        assertThat(run.metadata().tool()).isEqualTo(Tool.JMETER);
        assertThat(run.metadata().toolVersion()).isEmpty();
        assertThat(run.metadata().start()).contains(Instant.ofEpochMilli(1551783627191L));
        assertThat(run.metadata().workload()).isEqualTo(new Workload(Workload.Model.CLOSED,
                java.util.OptionalInt.of(1), java.util.OptionalDouble.empty()));
        assertThat(run.metadata().precision().resolutionMs()).isEqualTo(1.0);
    }

    @Test
    void subResultsCountForTheirOwnLabelAndTransactionsStayOutOfTotals() throws IOException {
        Path file = Jtl.write(dir, "run.jtl", HEADER
                + "1000,300,Page,200,OK,Users 1-1,text,true,,10,1,1,2,https://x/,0,0,0\n"
                + "1000,100,Page-0,302,Found,Users 1-1,,true,,10,1,1,2,http://x/,0,0,0\n"
                + "1100,200,Page-1,200,OK,Users 1-1,text,true,,10,1,1,2,https://x/,0,0,0\n"
                + "1000,300,Flow,200,\"Number of samples in transaction : 1, number of failing samples : 0\","
                + "Users 1-1,,true,,10,1,1,2,null,0,0,0\n"
                + "2000,0,Empty,200,\"Number of samples in transaction : 0, number of failing samples : 0\","
                + "Users 1-2,,true,,0,0,1,2,null,0,0,0\n");
        Run run = Jtl.extract(file).run();
        Map<String, EndpointStats> endpoints = Jtl.endpoints(run);
        assertThat(endpoints.keySet()).containsExactly("Flow", "Page", "Page-0", "Page-1");
        assertThat(endpoints.values()).allSatisfy(e -> assertThat(e.requests()).isEqualTo(1));
        assertThat(run.total().orElseThrow().requests()).isEqualTo(3);
        assertThat(run.services().get(0).total().requests()).isEqualTo(3);
        assertThat(run.total().orElseThrow().latency().max()).hasValue(300.0);
    }

    @Test
    void aFileOfTransactionsAloneHasThemAsItsTotals() throws IOException {
        // the shape of taurus-transaction-controller-no-threadname.jtl: only transaction-controller rows
        Path file = Jtl.write(dir, "tc.jtl", "timeStamp,elapsed,label,responseCode,responseMessage,success\n"
                + "1,264,T1,200,\"Number of samples in transaction : 1, number of failing samples : 0\",true\n"
                + "9,998,T2,200,\"Number of samples in transaction : 1, number of failing samples : 1\",false\n");
        Run run = Jtl.extract(file).run();
        assertThat(run.total().orElseThrow().requests()).isEqualTo(2);
        assertThat(run.total().orElseThrow().failures()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {",", "\t", ";", "|"})
    void theDelimiterIsFoundFromTheHeader(String delimiter) throws IOException {
        String header = String.join(delimiter, "timeStamp", "elapsed", "label", "responseCode", "success", "URL") + "\n";
        String row = String.join(delimiter, "1700000000000", "12", "\"a" + delimiter + "b\"", "200", "true", "https://h/p");
        Path file = Jtl.write(dir, "d.jtl", header + row + "\n");
        assertThat(detect(header + row)).isEqualTo(MatchStrength.FULL_MATCH);
        Map<String, EndpointStats> endpoints = Jtl.endpoints(Jtl.extract(file).run());
        assertThat(endpoints).containsOnlyKeys("a" + delimiter + "b");
        assertThat(endpoints.get("a" + delimiter + "b").latency().max()).hasValue(12.0);
    }

    @Test
    void aQuotedLabelSpanningLinesKeepsLaterLineNumbersRight() throws IOException {
        Path file = Jtl.write(dir, "ml.jtl", HEADER
                + "1000,5,\"multi\nline \"\"label\"\"\nhere\",200,OK,T 1-1,text,true,,1,1,1,1,null,0,0,0\n"
                + "1001,x5,b,200,OK,T 1-1,text,true,,1,1,1,1,null,0,0,0\n");
        InputException e = Jtl.failure(file);
        assertThat(e.line()).hasValue(5);
        assertThat(e.getMessage()).startsWith(file + ":5: column 'elapsed' (field 2) is not a whole number: \"x5\"");
        Path good = Jtl.write(dir, "ml2.jtl", HEADER
                + "1000,5,\"multi\nline \"\"label\"\"\nhere\",200,OK,T 1-1,text,true,,1,1,1,1,null,0,0,0\n");
        assertThat(Jtl.endpoints(Jtl.extract(good).run())).containsOnlyKeys("multi\nline \"label\"\nhere");
    }

    @Test
    void aNonNumericElapsedNamesFileLineAndColumn() throws IOException {
        Path file = Jtl.write(dir, "bad.csv", HEADER
                + "1000,5,a,200,OK,T 1-1,text,true,,1,1,1,1,null,0,0,0\n"
                + "1001,abc,a,200,OK,T 1-1,text,true,,1,1,1,1,null,0,0,0\n");
        InputException e = Jtl.failure(file);
        assertThat(e.getMessage()).isEqualTo(file + ":3: column 'elapsed' (field 2) is not a whole number: \"abc\"");
    }

    @Test
    void aSuccessThatIsNeitherTrueNorFalseIsRefused() throws IOException {
        Path file = Jtl.write(dir, "bad.csv", HEADER + "1000,5,a,200,OK,T 1-1,text,yes,,1,1,1,1,null,0,0,0\n");
        assertThat(Jtl.failure(file).getMessage()).contains(":2: column 'success' (field 8) is neither true nor false");
    }

    @Test
    void aLastLineCutOffByAKilledRunIsSkippedWithAWarning() throws IOException {
        Path file = Jtl.write(dir, "killed.jtl", HEADER
                + "1000,5,a,200,OK,T 1-1,text,true,,1,1,1,1,null,0,0,0\n"
                + "1001,7,a,200,OK,T 1-1,text,true,,1,1,1,1,null,0,0,0\n"
                + "1002,9,a,200,OK,T 1-1,te");
        Extraction extraction = Jtl.extract(file);
        assertThat(extraction.run().total().orElseThrow().requests()).isEqualTo(2);
        assertThat(extraction.warnings()).singleElement().asString()
                .startsWith(file + ":4: truncated: the last line ends without a line break")
                .contains("7 of 17 fields");
    }

    @Test
    void aLastLineCutInsideANumberIsAlsoSkipped() throws IOException {
        Path file = Jtl.write(dir, "killed.jtl", "timeStamp,elapsed,label,success,allThreads\n"
                + "1000,5,a,true,1\n1001,7,a,tr");
        Extraction extraction = Jtl.extract(file);
        assertThat(extraction.run().total().orElseThrow().requests()).isEqualTo(1);
        assertThat(extraction.warnings()).singleElement().asString().startsWith(file + ":3: truncated:");
    }

    @Test
    void aCompleteLastLineWithoutLineBreakCounts() throws IOException {
        Path file = Jtl.write(dir, "ok.jtl", "timeStamp,elapsed,label,success\n1000,5,a,true\n1001,7,a,true");
        Extraction extraction = Jtl.extract(file);
        assertThat(extraction.run().total().orElseThrow().requests()).isEqualTo(2);
        assertThat(extraction.warnings()).isEmpty();
    }

    @Test
    void aShortRowInsideTheFileIsAnError() throws IOException {
        Path file = Jtl.write(dir, "short.jtl", "timeStamp,elapsed,label,success\n1000,5,a\n1001,7,a,true\n");
        assertThat(Jtl.failure(file).getMessage()).isEqualTo(file + ":2: has 3 fields where the header has 4");
    }

    @Test
    void dateTimestampsAreRecognisedFromTheFirstRow() throws IOException {
        Path slashes = Jtl.write(dir, "a.csv", "timeStamp,elapsed,label,success\n"
                + "2024/05/01 10:00:00.250,5,a,true\n2024/05/01 10:00:01.000,5,a,true\n");
        Path dashes = Jtl.write(dir, "b.csv", "timeStamp,elapsed,label,success\n"
                + "2024-05-01 10:00:00.250,5,a,true\n2024-05-01 10:00:01.000,5,a,true\n");
        for (Path file : List.of(slashes, dashes)) {
            Run run = Jtl.extract(file).run();
            assertThat(run.metadata().start()).contains(Instant.parse("2024-05-01T10:00:00.250Z"));
            assertThat(run.metadata().end()).contains(Instant.parse("2024-05-01T10:00:01.005Z"));
        }
        assertThat(TimestampFormat.of("2014-02-24 07:42:21.256")).get().hasToString("uuuu-MM-dd HH:mm:ss.SSS");
        assertThat(TimestampFormat.of("2024-05-01T10:00:00.250+02:00").orElseThrow().parse("2024-05-01T10:00:00.250+02:00"))
                .isEqualTo(Instant.parse("2024-05-01T08:00:00.250Z").toEpochMilli());
        assertThat(TimestampFormat.of("1551783627191")).contains(TimestampFormat.EPOCH_MILLIS);
        assertThat(TimestampFormat.of("Tue 5 May")).isEmpty();
    }

    @Test
    void anUnknownTimestampFormatIsNamed() throws IOException {
        Path file = Jtl.write(dir, "a.csv", "timeStamp,elapsed,label,success\n5 May 2024,5,a,true\n");
        assertThat(Jtl.failure(file).getMessage()).startsWith(file + ":2: column 'timeStamp' (field 1) is not epoch"
                + " milliseconds or a date such as");
    }

    @Test
    void aTimestampThatChangesFormatIsAnError() throws IOException {
        Path file = Jtl.write(dir, "a.csv", "timeStamp,elapsed,label,success\n1000,5,a,true\n2024/05/01 10:00:00,5,a,true\n");
        assertThat(Jtl.failure(file).getMessage()).contains(":3: column 'timeStamp' (field 1) does not match the"
                + " file's first timestamp (epoch milliseconds)");
    }

    @Test
    void headerlessFilesUseJMetersDefaultColumns() throws IOException {
        Path v5 = Jtl.write(dir, "v5.jtl",
                "1000,5,a,500,Internal Server Error,Load 1-1,text,false,,1,1,1,7,https://h/a,0,0,0\n"
                        + "1001,6,a,200,OK,Load 1-2,text,true,,1,1,2,9,https://h/a,0,0,0\n");
        assertThat(format.detect(new Head(v5, Jtl.head(v5)))).isEqualTo(MatchStrength.SOLID_MATCH);
        Run run = Jtl.extract(v5).run();
        assertThat(run.metadata().workload().users()).hasValue(9);
        assertThat(Jtl.endpoints(run).get("a").failuresByKind()).containsOnlyKeys("500 Internal Server Error");
        Path v2 = Jtl.write(dir, "v2.jtl", "1393227741256,1425,GET /login,200,OK,Thread Group 1-1,text,true,3478,1016\n");
        assertThat(Jtl.extract(v2).run().total().orElseThrow().latency().max()).hasValue(1425.0);
    }

    @Test
    void batchedRowsCountAsTheirSampleCount() throws IOException {
        Path file = Jtl.write(dir, "batch.csv", "timeStamp,elapsed,label,success,SampleCount,ErrorCount\n"
                + "1000,400,a,false,4,1\n");
        EndpointStats a = Jtl.endpoints(Jtl.extract(file).run()).get("a");
        assertThat(a.requests()).isEqualTo(4);
        assertThat(a.failures()).isEqualTo(1);
        assertThat(a.latency().mean()).hasValue(100.0);
    }

    @Test
    void failureKindsFollowJMetersFields() {
        assertThat(SampleRules.failureKind("Test failed: text expected", "200", "OK")).isEqualTo("Test failed: text expected");
        assertThat(SampleRules.failureKind("", "Non HTTP response code: java.net.UnknownHostException",
                "Non HTTP response message: blazdemo.com: Name or service not known"))
                .isEqualTo("Non HTTP response code: java.net.UnknownHostException");
        assertThat(SampleRules.failureKind(null, "500", "Internal Server Error")).isEqualTo("500 Internal Server Error");
        assertThat(SampleRules.failureKind(null, null, null)).isNull();
        assertThat(SampleRules.failureKind(null, "", "message")).isEqualTo("message");
    }

    @Test
    void theThreadGroupIsTheThreadNameBeforeItsNumbers() throws IOException {
        assertThat(SampleRules.threadGroup("Thread Group 1-5")).isEqualTo("Thread Group");
        assertThat(SampleRules.threadGroup("Groupe d'unités 12-345")).isEqualTo("Groupe d'unités");
        assertThat(SampleRules.threadGroup("sc1-ThreadStarter 1-1")).isEqualTo("sc1-ThreadStarter");
        assertThat(SampleRules.threadGroup("pool-1-thread-3")).isEqualTo("pool-1-thread-3");
        assertThat(SampleRules.threadGroup("Group 1-")).isEqualTo("Group 1-");
        assertThat(SampleRules.threadGroup("")).isNull();
        Path file = Jtl.write(dir, "tg.csv", "timeStamp,elapsed,label,success,threadName\n"
                + "1000,5,a,true,Checkout Users 1-1\n1000,5,a,true,Browse Users 1-7\n1000,5,a,true,Browse Users 1-8\n");
        MappingRule byGroup = new MappingRule(Map.of(MappingRule.Field.THREAD_GROUP, Pattern.compile("^Browse")),
                Map.of(), Optional.of("catalogue"), Optional.empty());
        Run run = Extractor.standard().extract(List.of(file.toString()), ExtractOptions.of(List.of(byGroup),
                Naming.defaults(), RelativeWindow.all())).run();
        assertThat(run.services()).extracting(s -> s.name() + "=" + s.total().requests())
                .containsExactlyInAnyOrder("catalogue=2", "default=1");
    }

    @Test
    void theUrlColumnIsTheRequestsUrlUnlessNull() throws IOException {
        Path file = Jtl.write(dir, "url.csv", "timeStamp,elapsed,label,success,URL\n"
                + "1000,5,a,true,https://shop/api/items/1\n1000,5,b,true,null\n");
        MappingRule byUrl = new MappingRule(Map.of(MappingRule.Field.URL, Pattern.compile("/api/items/")),
                Map.of(), Optional.of("items"), Optional.empty());
        Run run = Extractor.standard().extract(List.of(file.toString()), ExtractOptions.of(List.of(byUrl),
                Naming.defaults(), RelativeWindow.all())).run();
        assertThat(run.services()).extracting(s -> s.name() + ":" + s.endpoints().get(0).id().key())
                .containsExactlyInAnyOrder("items:a", "default:b");
    }

    @Test
    void detectionWantsJMeterColumnsAtTheStartOfTheHeader() {
        assertThat(detect("name,age\nada,36\n")).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(detect("label,value\nx,1\n")).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(detect("repo path, elapsed, label, success, bytes (prose)\n")).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(detect("metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,"
                + "name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata\n"))
                .isEqualTo(MatchStrength.NO_MATCH);
        assertThat(detect("label,responseCode,responseMessage,dataType,success\n")).isEqualTo(MatchStrength.SOLID_MATCH);
        assertThat(detect(HEADER)).isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(detect("timeStamp,elapsed,label,success,\"SessionName\"\n")).isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(detect("<?xml version=\"1.0\"?><testResults>")).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(detect("{\"a\":1}")).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(detect("")).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(detect("1455366135623,9128,192.168.0.12 CPU,,,,,true,0,0,0,0\n"))
                .as("PerfMon output: no thread name").isEqualTo(MatchStrength.NO_MATCH);
    }

    @Test
    void aHeaderWithoutTimesIsRefusedWithTheReason() throws IOException {
        Path file = Jtl.write(dir, "batch.csv", "label,responseCode,responseMessage,success\nx,200,OK,true\n");
        assertThat(Jtl.failure(file).getMessage()).isEqualTo(file + ":1: JMeter CSV without 'timeStamp', 'elapsed'"
                + " column(s): loadverdict needs the start, response time, label and outcome of every sample (see"
                + " jmeter.save.saveservice.* in jmeter.properties)");
    }

    @Test
    void aHeaderOnlyFileHoldsNoRequests() throws IOException {
        Path file = Jtl.write(dir, "empty.jtl", HEADER);
        assertThat(Jtl.failure(file).getMessage()).endsWith("holds no requests");
        ToolResult result = Jtl.read(format, file);
        assertThat(result.services()).isEmpty();
    }

    @Test
    void theTimeWindowCutsRawSamples() throws IOException {
        Path file = Jtl.write(dir, "w.jtl", "timeStamp,elapsed,label,success\n"
                + "0,5,a,true\n1000,5,a,true\n2000,5,a,true\n3000,5,a,true\n");
        Run run = Extractor.standard().extract(List.of(file.toString()),
                ExtractOptions.defaults().withWindow(new RelativeWindow(
                        java.time.Duration.ZERO, java.time.Duration.ZERO, Optional.of(java.time.Duration.ofSeconds(1)),
                        Optional.of(java.time.Duration.ofSeconds(3))))).run();
        assertThat(run.total().orElseThrow().requests()).isEqualTo(2);
    }

    @Test
    void gzipAndCrlfAreReadTransparently() throws IOException {
        Path file = dir.resolve("results.jtl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("\uFEFFtimeStamp,elapsed,label,success\r\n1000,5,a,true\r\n1001,7,a,false\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        EndpointStats a = Jtl.endpoints(Jtl.extract(file).run()).get("a");
        assertThat(a.requests()).isEqualTo(2);
        assertThat(a.failures()).isEqualTo(1);
    }

    @Test
    void binaryGarbageIsNotTakenForAResult() throws IOException {
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Path file = dir.resolve("garbage.jtl");
        Files.write(file, bytes);
        assertThat(Jtl.failure(file).getMessage()).startsWith(file + ": not a load-test result loadverdict recognises");
    }

    static LongStream garbageSeeds() {
        return RandomText.seeds(4242, 300);
    }

    /** Up to 400 random bytes after the header; {@code new Random(seed)} regenerates them. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("garbageSeeds")
    void binaryGarbageAfterAValidHeaderParsesOrFailsCleanly(long seed) throws IOException {
        byte[] body = RandomText.bytes(new Random(seed), 400);
        Path file = Files.createTempFile("fuzz", ".jtl");
        try {
            byte[] header = HEADER.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] all = new byte[header.length + body.length];
            System.arraycopy(header, 0, all, 0, header.length);
            System.arraycopy(body, 0, all, header.length, body.length);
            Files.write(file, all);
            try {
                Jtl.extract(file);
            } catch (InputException e) {
                assertThat(e.getMessage()).as("seed %d", seed).startsWith(file.toString()).doesNotContain("\n");
            }
        } finally {
            Files.delete(file);
        }
    }
}
