package dev.loadverdict.extractor.internal;

import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.ReadLimits;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.config.Naming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every reader has limits, and a file beyond one fails with one line naming file and line instead of filling memory:
 * quoted CSV fields that span lines, XML attribute values, names, services and endpoints.
 */
class ReaderLimitsTest {

    private static final String LOCUST_HEADER = "Type,Name,Request Count,Failure Count,Median Response Time,"
            + "Average Response Time,Min Response Time,Max Response Time,Average Content Size,Requests/s,Failures/s,"
            + "50%,95%,100%\n";
    private static final String K6_HEADER = "metric_name,timestamp,metric_value,check,error,error_code,"
            + "expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags\n";
    private static final String SAMPLES_HEADER = "timestamp,method,endpoint,latency_ms,ok,error,response_bytes\n";

    @TempDir
    Path dir;

    private Run extract(Path file) {
        return Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()).run();
    }

    /** Writes {@code head}, then a quoted field of about {@code chars} characters with a line break every 100. */
    private Path withQuotedField(String name, String head, int chars, String tail) throws IOException {
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write(head);
            out.write('"');
            String line = "x".repeat(99) + "\n";
            for (int i = 0; i < chars / 100; i++) {
                out.write(line);
            }
            out.write('"');
            out.write(tail);
        }
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {"locust", "k6", "samples"})
    void aQuotedFieldSpanningLinesIsBoundedAsOneRecord(String format) throws IOException {
        int chars = 3 * ReadLimits.MAX_LINE / 2;
        Path file = switch (format) {
            case "locust" -> withQuotedField("big_stats.csv", LOCUST_HEADER + "GET,", chars, ",1,0,5,5,1,9,10,1.0,0.0,5,9,9\n");
            case "k6" -> withQuotedField("k6.csv", K6_HEADER + "http_req_duration,1633706790,245.5,,,,true,,GET,",
                    chars, ",HTTP/2.0,default,,200,,tls1.3,https://x/,\n");
            default -> withQuotedField("samples.csv", SAMPLES_HEADER + "1795432723552.621,GET,", chars, ",21.9,1,,45\n");
        };
        assertThatThrownBy(() -> extract(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":2: a record (its quoted fields span lines 2–")
                .hasMessageContaining(") is longer than 1048576 ") // characters, or bytes where read as bytes
                .hasMessageEndingWith("; a quote is probably never closed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aQuotedFieldSpanningLinesUnderTheLimitIsRead() throws IOException {
        Path file = withQuotedField("ok_stats.csv", LOCUST_HEADER + "GET,", 10_000, ",1,0,5,5,1,9,10,1.0,0.0,5,9,9\n"
                + ",Aggregated,1,0,5,5,1,9,10,1.0,0.0,5,9,9\n");
        Run run = extract(file);
        assertThat(run.total().orElseThrow().requests()).isEqualTo(1);
        assertThat(run.services().get(0).endpoints().get(0).id().name()).hasSize(ReadLimits.MAX_ENDPOINT_NAME).contains("…");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsACharacterNotAnOpeningQuote() throws IOException {
        StringBuilder csv = new StringBuilder("a\"b,c\n");
        for (int i = 0; i < 100; i++) {
            csv.append("d,e\n");
        }
        try (Reader r = BoundedLineReader.csv(new StringReader(csv.toString()), "f.csv", 10)) {
            assertThat(r.transferTo(Writer.nullWriter())).isEqualTo(csv.length());
        }
        String quoted = "\"a\"\"\nb\nc\nd\ne\nf\n\",g\n"; // a doubled quote does not close the field
        assertThatThrownBy(() -> BoundedLineReader.csv(new StringReader(quoted), "f.csv", 10).transferTo(Writer.nullWriter()))
                .isInstanceOf(InputException.class).hasMessageStartingWith("f.csv:1: a record (its quoted fields span lines 1–");
    }

    @Test
    void anXmlAttributeBeyondItsLimitFailsNamingTheLine() throws IOException {
        Path file = jtlWithFiller("huge-attribute.jtl",
                "<httpSample t=\"20\" ts=\"1000\" s=\"true\" lb=\"A\" rc=\"200\" rm=\"OK\" tn=\"T 1-1\"/>\n"
                        + "<httpSample t=\"20\" ts=\"1000\" s=\"true\" rc=\"200\" lb=\"",
                2 * 1024, "\"/>\n");
        assertThatThrownBy(() -> extract(file)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(file + ":4: broken XML: ")
                .hasMessageContaining("1048576")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void largeXmlTextIsStreamedNotRefused() throws IOException {
        Path file = jtlWithFiller("big-response.jtl",
                "<httpSample t=\"20\" ts=\"1000\" s=\"true\" lb=\"A\" rc=\"200\" rm=\"OK\" tn=\"T 1-1\">\n"
                        + "<responseData class=\"java.lang.String\">",
                4 * 1024, "</responseData>\n</httpSample>\n");
        assertThat(extract(file).total().orElseThrow().requests()).isEqualTo(1);
    }

    @Test
    void longNamesKeepTheirBeginningAndStayDistinct() {
        String a = "/api/" + "a".repeat(100_000) + "/one";
        String b = "/api/" + "a".repeat(100_000) + "/two";
        assertThat(Names.bounded(a, ReadLimits.MAX_ENDPOINT_NAME)).hasSize(ReadLimits.MAX_ENDPOINT_NAME).startsWith("/api/aaa")
                .isNotEqualTo(Names.bounded(b, ReadLimits.MAX_ENDPOINT_NAME))
                .isEqualTo(Names.bounded(a, ReadLimits.MAX_ENDPOINT_NAME))
                .matches("(?s).*…[0-9a-f]{8}");
        assertThat(Names.bounded("/short", ReadLimits.MAX_ENDPOINT_NAME)).isEqualTo("/short");
        String emoji = "x".repeat(ReadLimits.MAX_ENDPOINT_NAME - 10) + "\uD83D\uDE00".repeat(100);
        String bounded = Names.bounded(emoji, ReadLimits.MAX_ENDPOINT_NAME);
        assertThat(Character.isHighSurrogate(bounded.charAt(bounded.indexOf('…') - 1))).isFalse();
    }

    @Test
    void aK6DurationBeyondAnyRequestIsBadInputNamingTheLineNotAnInternalError() throws IOException {
        Path ndjson = dir.resolve("huge.ndjson");
        Files.writeString(ndjson, "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":"
                + "\"2025-01-01T00:00:01Z\",\"value\":5,\"tags\":{\"name\":\"x\"}}}\n"
                + "{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":"
                + "\"2025-01-01T00:00:02Z\",\"value\":1e16,\"tags\":{\"name\":\"x\"}}}\n");
        assertThatThrownBy(() -> extract(ndjson)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(ndjson + ":2: http_req_duration of 1.0E16 ms is longer than any request");
        Path csv = dir.resolve("huge.csv");
        Files.writeString(csv, "metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,"
                + "name,proto,scenario,service,status,subproto,tls_version,url,extra_tags\n"
                + "http_req_duration,1633706790,1e16,,,,true,,GET,https://x/,HTTP/2.0,default,,200,,tls1.3,https://x/,\n");
        assertThatThrownBy(() -> extract(csv)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(csv + ":2: http_req_duration of 1.0E16 ms is longer than any request");
    }

    @Test
    void aJmeterElapsedBeyondAnyRequestIsBadInputNotSilentlyZero() throws IOException {
        Path jtl = dir.resolve("huge.jtl");
        Files.writeString(jtl, "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,"
                + "failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n"
                + "1795431750115,60,GET /a,200,OK,t 1-1,text,true,,749,130,1,1,http://x/a,54,0,24\n"
                + "1795431750215,10000000000000000,GET /a,200,OK,t 1-1,text,true,,749,130,1,1,http://x/a,54,0,24\n");
        assertThatThrownBy(() -> extract(jtl)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(jtl + ":3: elapsed of 10000000000000000 ms is longer than any request");
    }

    @Test
    void servicesBeyondTheCapAreCountedAsOtherServicesNeverDropped() throws IOException {
        Path file = dir.resolve("services.ndjson");
        try (Writer out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < 10_000; i++) {
                out.write("{\"metric\":\"http_req_duration\",\"type\":\"Point\",\"data\":{\"time\":\"2025-06-14T09:21:"
                        + String.format("%02d", i % 60) + ".14+01:00\",\"value\":" + (10 + i % 7) + ",\"tags\":{\"method\":\"GET\","
                        + "\"name\":\"/x\",\"service\":\"svc-" + i + "\",\"status\":\"200\",\"url\":\"/x\"}}}\n");
            }
        }
        Run run = extract(file);
        assertThat(run.services()).hasSize(Naming.defaults().maxServices() + 1);
        ServiceStats other = run.services().stream().filter(s -> s.name().equals(Naming.OTHER_SERVICES)).findFirst()
                .orElseThrow();
        assertThat(other.total().requests()).isEqualTo(10_000 - Naming.defaults().maxServices());
        assertThat(run.total().orElseThrow().requests()).isEqualTo(10_000);
    }

    @Test
    void endpointsBeyondTheRunWideCapGoToTheirServicesOtherEndpoints() {
        Naming naming = new Naming(true, true, 200, 100, 5);
        SampleAggregator aggregator = new SampleAggregator(new EndpointResolver(List.of(), naming), TimeWindow.all());
        for (int i = 0; i < 40; i++) {
            aggregator.add(RequestLabels.of("GET", "/e" + i), 1_700_000_000_000L + i, 1_000, true, null);
        }
        List<EndpointStats> endpoints = aggregator.finish().services().get(0).endpoints();
        assertThat(endpoints).hasSize(6).anySatisfy(e -> {
            assertThat(e.id().name()).isEqualTo(Naming.OTHER_ENDPOINTS);
            assertThat(e.requests()).isEqualTo(35);
        });
    }

    @Test
    void timeSeriesOfManyEndpointsStayWithinTheirMemoryBudgetAndKeepEveryRequest() {
        long budget = 2L << 20;
        SampleAggregator aggregator = new SampleAggregator(new EndpointResolver(List.of(), Naming.defaults()),
                TimeWindow.all(), budget);
        long start = 1_700_000_000_000L;
        int endpoints = 200;
        int seconds = 600;
        for (int s = 0; s < seconds; s++) {
            for (int e = 0; e < endpoints; e++) {
                for (int k = 0; k < 40; k++) { // past the raw latencies: every interval holds a histogram
                    aggregator.add(RequestLabels.of("GET", "/e" + e), start + s * 1000L + k, 1_000 + 37L * k, true, null);
                }
            }
            assertThat(aggregator.timeSeriesBytes()).isLessThanOrEqualTo(budget);
        }
        SampleAggregator.Aggregate aggregate = aggregator.finish();
        EndpointStats first = aggregate.services().get(0).endpoints().get(0);
        assertThat(first.timeSeries().orElseThrow().interval().toMillis()).isGreaterThan(2_000);
        assertThat(first.timeSeries().orElseThrow().points().stream().mapToLong(p -> p.requests()).sum())
                .isEqualTo(seconds * 40L);
        assertThat(aggregate.total().orElseThrow().requests()).isEqualTo((long) seconds * endpoints * 40);
    }

    /** An XML JTL whose {@code head} is followed by {@code kib} KiB of filler and then {@code tail}. */
    private Path jtlWithFiller(String name, String head, int kib, String tail) throws IOException {
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n" + head);
            for (int i = 0; i < kib; i++) {
                out.write("y".repeat(1024));
            }
            out.write(tail + "</testResults>\n");
        }
        return file;
    }
}
