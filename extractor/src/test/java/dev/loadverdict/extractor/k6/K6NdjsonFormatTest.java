package dev.loadverdict.extractor.k6;

import dev.loadverdict.codec.RunJson;
import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extraction;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.internal.FormatDetector;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.TimeWindow;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.config.Naming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class K6NdjsonFormatTest {

    static final String METRIC = "{\"type\":\"Metric\",\"data\":{\"name\":\"http_req_duration\",\"type\":\"trend\","
            + "\"contains\":\"time\",\"thresholds\":[],\"submetrics\":null},\"metric\":\"http_req_duration\"}\n";

    @TempDir
    Path dir;

    /** The samples k6 writes for one HTTP request, in k6's order. */
    static String request(String time, String name, int status, double durationMs, boolean failed) {
        String tags = "{\"expected_response\":\"" + !failed + "\",\"group\":\"\",\"method\":\"GET\",\"name\":\"" + name
                + "\",\"proto\":\"HTTP/1.1\",\"scenario\":\"default\",\"status\":\"" + status + "\",\"url\":\"" + name + "\"}";
        StringBuilder b = new StringBuilder();
        b.append(point("http_reqs", time, "1", tags));
        b.append(point("http_req_duration", time, Double.toString(durationMs), tags));
        for (String phase : List.of("http_req_blocked", "http_req_connecting", "http_req_tls_handshaking",
                "http_req_sending", "http_req_waiting", "http_req_receiving")) {
            b.append(point(phase, time, "0.1", tags));
        }
        b.append(point("http_req_failed", time, failed ? "1" : "0", tags));
        return b.toString();
    }

    static String point(String metric, String time, String value, String tags) {
        return "{\"metric\":\"" + metric + "\",\"type\":\"Point\",\"data\":{\"time\":\"" + time + "\",\"value\":" + value
                + ",\"tags\":" + tags + "}}\n";
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    static ToolResult read(Path file, boolean shortcuts) {
        ReadContext context = new ReadContext(new EndpointResolver(List.of(), Naming.defaults()), TimeWindow.all());
        return new K6NdjsonFormat(shortcuts).read(InputFiles.head(file, file.toString()), context);
    }

    static String runJson(ToolResult r) {
        return RunJson.write(new Run(r.metadata(), r.total(), r.services()));
    }

    @Test
    void readsRequestsJoinsFailuresAndSkipsTheRest() throws IOException {
        String content = METRIC
                + request("2023-09-08T21:03:10.549397854+02:00", "http://test.k6.io/", 200, 121.233058, false)
                + point("vus", "2023-09-08T21:03:11.3+02:00", "7", "{}")
                + request("2023-09-08T21:03:11.549397854+02:00", "http://test.k6.io/", 500, 20.5, true)
                + point("checks", "2023-09-08T21:03:11.6+02:00", "1", "{\"check\":\"ok\"}")
                + request("2023-09-08T21:03:12.0+02:00", "http://test.k6.io/contacts.php", 200, 0.0004, false);
        ToolResult r = read(write("run.json", content), true);
        assertThat(r.warnings()).isEmpty();
        assertThat(r.total()).get().satisfies(t -> {
            assertThat(t.requests()).isEqualTo(3);
            assertThat(t.failures()).isEqualTo(1);
            assertThat(t.failuresByKind()).containsEntry("HTTP 500", 1L);
        });
        List<EndpointStats> endpoints = r.services().get(0).endpoints();
        assertThat(endpoints).extracting(e -> e.id().key())
                .containsExactly("GET http://test.k6.io/", "GET http://test.k6.io/contacts.php");
        assertThat(endpoints.get(0).latency().max()).hasValue(121.233);
        assertThat(endpoints.get(1).latency().min()).hasValue(0.0);
        assertThat(r.metadata().workload().users()).hasValue(7);
        assertThat(r.metadata().start()).contains(java.time.Instant.parse("2023-09-08T19:03:10.428Z"));
        assertThat(r.metadata().precision().resolutionMs()).isEqualTo(0.001);
    }

    @Test
    void oldK6KeyOrderNullTagsAndNoHttpReqFailed() throws IOException {
        String content = "{\"type\":\"Metric\",\"data\":{\"type\":\"trend\",\"contains\":\"time\",\"tainted\":null,"
                + "\"thresholds\":[],\"submetrics\":null,\"sub\":{\"name\":\"\",\"parent\":\"\",\"suffix\":\"\",\"tags\":null}},"
                + "\"metric\":\"http_req_duration\"}\n"
                + "{\"type\":\"Point\",\"data\":{\"time\":\"2017-05-09T14:34:45.625742514+02:00\",\"value\":5.12,"
                + "\"tags\":{\"group\":\"::my group\",\"method\":\"GET\",\"status\":\"404\",\"url\":\"https://httpbin.org/get\"}},"
                + "\"metric\":\"http_req_duration\"}\n"
                + "{\"type\":\"Point\",\"data\":{\"time\":\"2017-05-09T14:34:45.7+02:00\",\"value\":2,\"tags\":null},"
                + "\"metric\":\"http_req_duration\"}\n";
        Path file = write("old.json", content);
        ToolResult r = read(file, true);
        assertThat(r.total()).get().satisfies(t -> {
            assertThat(t.requests()).isEqualTo(2);
            assertThat(t.failures()).isEqualTo(1);
        });
        assertThat(r.services().get(0).endpoints()).extracting(e -> e.id().key())
                .containsExactlyInAnyOrder("GET https://httpbin.org/get", RequestTags.ALL_REQUESTS);
        assertThat(r.warnings()).singleElement().asString().contains("2 requests carry neither http_req_failed");
        assertThat(runJson(r)).isEqualTo(runJson(read(file, false)));
    }

    @Test
    void malformedLineNamesFileAndLine() throws IOException {
        String content = METRIC + request("2023-09-08T21:03:10.5+02:00", "/a", 200, 1, false)
                + "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"x\",\"value\":1,,}}\n"
                + request("2023-09-08T21:03:11.5+02:00", "/a", 200, 1, false);
        Path file = write("bad.json", content);
        for (boolean shortcuts : new boolean[] {true, false}) {
            assertThatThrownBy(() -> read(file, shortcuts))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(file + ":11: broken JSON:")
                    .satisfies(e -> assertThat(((InputException) e).line()).hasValue(11));
        }
    }

    @Test
    void badTimeOfANeededSampleIsAnError() throws IOException {
        Path file = write("t.json", point("http_req_duration", "yesterday", "1", "{}"));
        assertThatThrownBy(() -> read(file, true)).isInstanceOf(InputException.class)
                .hasMessage(file + ":1: http_req_duration sample whose 'time' is not an RFC 3339 timestamp: \"yesterday\"");
    }

    @Test
    void cutOffLastLineIsSkippedWithAWarningNamingIt() throws IOException {
        String whole = METRIC + request("2023-09-08T21:03:10.5+02:00", "/a", 200, 1, false)
                + request("2023-09-08T21:03:11.5+02:00", "/a", 200, 2, false);
        // cut inside the second request's http_req_waiting line, then inside its http_req_duration line
        for (String marker : List.of("\"http_req_waiting\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:11",
                "\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2023-09-08T21:03:11")) {
            String cut = whole.substring(0, whole.indexOf(marker) + marker.length());
            long lines = cut.chars().filter(c -> c == '\n').count() + 1;
            Path file = write("cut.json", cut);
            for (boolean shortcuts : new boolean[] {true, false}) {
                ToolResult r = read(file, shortcuts);
                assertThat(r.warnings()).anySatisfy(w -> assertThat(w)
                        .startsWith(file + ":" + lines + ": skipped the last line: it is cut off"));
                assertThat(r.total()).get().extracting(EndpointStats::requests)
                        .isEqualTo(marker.contains("waiting") ? 2L : 1L);
            }
        }
    }

    @Test
    void aCutOffLineThatIsNotLastIsAnError() throws IOException {
        String content = METRIC + "{\"metric\":\"http_reqs\",\"type\":\"Point\",\"data\":{\"time\":\"2023\n"
                + request("2023-09-08T21:03:11.5+02:00", "/a", 200, 2, false);
        Path file = write("mid.json", content);
        assertThatThrownBy(() -> read(file, true)).isInstanceOf(InputException.class).hasMessageStartingWith(file + ":2: ");
    }

    @Test
    void binaryGarbageAfterAGoodStartFailsCleanly() throws IOException {
        Path file = dir.resolve("garbage.json");
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        for (int i = 0; i < junk.length; i++) {
            junk[i] = junk[i] == '\n' || junk[i] == '\r' ? 0 : junk[i];
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(request("2023-09-08T21:03:10.5+02:00", "/a", 200, 1, false).getBytes(StandardCharsets.UTF_8));
            out.write(junk);
            out.write('\n');
            out.write(request("2023-09-08T21:03:11.5+02:00", "/a", 200, 1, false).getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":10: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void binaryGarbageAloneIsNotDetected() throws IOException {
        Path file = dir.resolve("noise.bin");
        byte[] junk = new byte[10_000];
        new Random(11).nextBytes(junk);
        Files.write(file, junk);
        assertThatThrownBy(() -> Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("not a load-test result loadverdict recognises");
    }

    @Test
    void detection() throws IOException {
        K6NdjsonFormat f = new K6NdjsonFormat();
        assertThat(f.detect(head("a", METRIC))).isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(f.detect(head("b", "\n" + point("vus", "2023-09-08T21:03:11.3+02:00", "1", "{}"))))
                .isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(f.detect(head("c", "{\"type\":\"Point\",\"data\":{\"ti"))).isEqualTo(MatchStrength.WEAK_MATCH);
        assertThat(f.detect(head("d", "{\"metrics\":{}}\n"))).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(f.detect(head("e", "{\n  \"root_group\": {}\n}\n"))).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(f.detect(head("f", "metric_name,timestamp,metric_value\n"))).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(FormatDetector.standard().detect(head("g", METRIC))).get().isInstanceOf(K6NdjsonFormat.class);
    }

    private Head head(String name, String content) throws IOException {
        Path file = write(name, content);
        return InputFiles.head(file, file.toString());
    }

    @Test
    void emptyFileIsReportedByTheDetector() throws IOException {
        Path file = write("empty.json", "");
        assertThatThrownBy(() -> Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()))
                .isInstanceOf(InputException.class).hasMessage(file + ": is empty");
    }

    @Test
    void gzipAndCrlfAndBomAreRead() throws IOException {
        String content = "\uFEFF" + (METRIC + request("2023-09-08T21:03:10.5+02:00", "/a", 200, 3, false)).replace("\n", "\r\n");
        Path file = dir.resolve("run.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        Extraction x = Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults());
        assertThat(x.run().total()).get().extracting(EndpointStats::requests).isEqualTo(1L);
    }

    @Test
    void aHugeLineFailsCleanly() throws IOException {
        Path file = dir.resolve("huge.json");
        try (var out = Files.newBufferedWriter(file)) {
            out.write(METRIC);
            out.write("{\"metric\":\"x\",\"type\":\"Point\",\"data\":{\"tags\":{\"a\":\"");
            for (int i = 0; i < 40_000; i++) {
                out.write("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
            }
        }
        assertThatThrownBy(() -> read(file, true)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":2: line is longer than");
    }

    @Test
    void shortcutsSkipOnlyLinesTheFullParseIgnores() {
        byte[] b = (METRIC + point("http_req_blocked", "t", "1", "{}") + point("http_req_duration", "t", "1", "{}")
                + point("vus", "t", "1", "{}") + point("vus_max", "t", "1", "{}")
                + point("http_req_failed", "t", "1", "{}") + "{\"metric\":\"http_req_blocked\",\"type\":\"Point\",\"data\":{\"time\"")
                .getBytes(StandardCharsets.UTF_8);
        List<Boolean> skipped = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i <= b.length; i++) {
            if (i == b.length || b[i] == '\n') {
                skipped.add(NdjsonReader.skippable(b, start, i));
                start = i + 1;
            }
        }
        assertThat(skipped).containsExactly(true, true, false, false, true, false, false);
    }
}
