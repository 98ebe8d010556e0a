package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.TimeWindow;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.config.Naming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class K6SummaryFormatTest {

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        Path file = dir.resolve("summary.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private ToolResult read(String content) throws IOException {
        Path file = write(content);
        ReadContext context = new ReadContext(new EndpointResolver(List.of(), Naming.defaults()), TimeWindow.all());
        return new K6SummaryFormat().read(InputFiles.head(file, "summary.json"), context);
    }

    @Test
    void submetricNamesParseLikeK6() {
        assertThat(Submetric.parse("http_req_duration")).isEqualTo(new Submetric("http_req_duration", Map.of()));
        assertThat(Submetric.parse("http_req_duration{expected_response:true}").tags())
                .containsExactly(entry("expected_response", "true"));
        assertThat(Submetric.parse("http_req_duration{name:/api/x, method:\"GET\"}").tags())
                .containsExactly(entry("name", "/api/x"), entry("method", "GET"));
        assertThat(Submetric.parse("http_req_duration{url:'https://x.io:8443/a?b=c'}").tags())
                .containsExactly(entry("url", "https://x.io:8443/a?b=c"));
        assertThat(Submetric.parse("http_req_duration{scenario:}").tags()).containsExactly(entry("scenario", ""));
        assertThat(Submetric.parse("http_req_duration{name:/x")).isNull();
        assertThat(Submetric.parse("http_req_duration}{")).isNull();
    }

    /** A --summary-export with submetrics by name (the trend's count is not among the default stats). */
    static final String BY_NAME_EXPORT = """
            {
                "root_group": {"name": "", "path": "", "id": "d41d8cd98f00b204e9800998ecf8427e", "groups": {}, "checks": {}},
                "metrics": {
                    "http_reqs": {"count": 100, "rate": 10.0},
                    "http_reqs{name:/api/a}": {"count": 60, "rate": 6.0},
                    "http_reqs{name:/api/b}": {"count": 30, "rate": 3.0},
                    "http_req_failed": {"passes": 7, "fails": 93, "value": 0.07},
                    "http_req_failed{name:/api/a}": {"passes": 5, "fails": 55, "value": 0.08333},
                    "http_req_duration": {"avg": 20, "min": 1, "med": 15, "max": 300, "p(90)": 40, "p(95)": 60, "p(99.9)": 250},
                    "http_req_duration{name:/api/a}": {"avg": 10, "min": 1, "med": 9, "max": 50, "p(90)": 20, "p(95)": 30,
                        "thresholds": {"p(95)<100": false}},
                    "http_req_duration{name:/api/b}": {"avg": 30, "min": 2, "med": 25, "max": 300, "p(90)": 60, "p(95)": 90},
                    "http_req_duration{method:GET}": {"avg": 30, "min": 2, "med": 25, "max": 300, "p(90)": 60, "p(95)": 90},
                    "http_req_duration{expected_response:true}": {"avg": 19, "min": 1, "med": 14, "max": 290, "p(90)": 39, "p(95)": 59},
                    "http_req_duration{scenario:spike}": {"avg": 19, "min": 1, "med": 14, "max": 290, "p(90)": 39, "p(95)": 59},
                    "vus": {"value": 1, "min": 1, "max": 5},
                    "vus_max": {"value": 10, "min": 10, "max": 10}
                }
            }
            """;

    @Test
    void tagSubmetricsByNameBecomeEndpoints() throws IOException {
        ToolResult r = read(BY_NAME_EXPORT);
        List<EndpointStats> endpoints = r.services().get(0).endpoints();
        assertThat(endpoints).extracting(e -> e.id().key()).containsExactly(SummaryReader.OTHER_REQUESTS, "/api/a", "/api/b");
        EndpointStats a = endpoints.get(1);
        assertThat(a.requests()).isEqualTo(60);
        assertThat(a.failures()).isEqualTo(5);
        assertThat(a.throughput()).hasValue(6.0);
        assertThat(a.latency().count()).isEqualTo(60);
        assertThat(a.latency().percentiles()).containsExactly(entry(50.0, 9.0), entry(90.0, 20.0), entry(95.0, 30.0));
        EndpointStats b = endpoints.get(2);
        assertThat(b.requests()).isEqualTo(30);
        assertThat(b.failures()).isZero(); // no http_req_failed{name:/api/b}: nothing known, nothing invented
        EndpointStats other = endpoints.get(0);
        assertThat(other.requests()).isEqualTo(10);
        assertThat(other.failures()).isEqualTo(2);
        assertThat(other.latency().count()).isZero();
        assertThat(r.total()).get().satisfies(t -> {
            assertThat(t.requests()).isEqualTo(100);
            assertThat(t.failures()).isEqualTo(7);
            assertThat(t.latency().percentiles()).containsKeys(50.0, 90.0, 95.0, 99.9);
        });
        assertThat(r.warnings()).singleElement().asString()
                .isEqualTo("summary.json: ignored 1 http_req_duration submetrics by method: they overlap the endpoints "
                        + "taken from the submetrics by name");
        assertThat(r.metadata().workload().users()).hasValue(5);
        assertThat(r.metadata().duration()).contains(Duration.ofSeconds(10));
    }

    @Test
    void endpointWithoutAnyCountIsKeptAndReported() throws IOException {
        ToolResult r = read("""
                {"metrics": {
                  "http_reqs": {"type": "counter", "contains": "default", "values": {"count": 10, "rate": 1}},
                  "http_req_failed": {"type": "rate", "contains": "default", "values": {"rate": 0, "passes": 0, "fails": 10}},
                  "http_req_duration": {"type": "trend", "contains": "time", "values": {"avg": 2, "min": 1, "med": 2, "max": 3}},
                  "http_req_duration{name:/x}": {"type": "trend", "contains": "time", "values": {"avg": 2, "p(99.99)": 3}}
                }, "state": {"testRunDurationMs": 10000.5}}
                """);
        EndpointStats x = r.services().get(0).endpoints().get(0);
        assertThat(x.id().key()).isEqualTo("/x");
        assertThat(x.requests()).isZero();
        assertThat(x.latency().percentiles()).containsExactly(entry(99.99, 3.0));
        assertThat(r.warnings()).singleElement().asString().contains("gives no request count for /x");
        assertThat(r.metadata().duration()).contains(Duration.ofNanos(10_000_500_000L));
    }

    @Test
    void passesOfHttpReqFailedAreTheFailures() throws IOException {
        ToolResult r = read("""
                {"root_group": {"checks": {}, "groups": {}},
                 "metrics": {"http_reqs": {"count": 100, "rate": 5}, "http_req_failed": {"passes": 1, "fails": 99, "value": 0.01},
                             "http_req_duration": {"avg": 2, "min": 1, "med": 2, "max": 3, "p(90)": 3, "p(95)": 3}}}
                """);
        assertThat(r.total()).get().satisfies(t -> {
            assertThat(t.requests()).isEqualTo(100);
            assertThat(t.failures()).isEqualTo(1);
        });
        assertThat(r.services().get(0).endpoints()).singleElement()
                .satisfies(e -> assertThat(e.id().key()).isEqualTo(RequestTags.ALL_REQUESTS));
    }

    @Test
    void moreFailuresThanRequestsIsRejected() {
        assertThatThrownBy(() -> read("""
                {"metrics": {"http_reqs": {"count": 10, "rate": 5}, "http_req_failed": {"passes": 11, "fails": 0, "value": 1},
                             "http_req_duration": {"avg": 2, "min": 1, "med": 2, "max": 3}}}
                """)).isInstanceOf(InputException.class)
                .hasMessage("summary.json: Aggregated: http_req_failed counts 11 failed requests, more than the 10 requests made");
    }

    @Test
    void withoutHttpReqFailedFailuresAreZeroWithAWarning() throws IOException {
        ToolResult r = read("""
                {"metrics": {"http_reqs": {"count": 10, "rate": 5}, "http_req_duration": {"avg": 2, "min": 1, "med": 2, "max": 3}}}
                """);
        assertThat(r.total()).get().extracting(EndpointStats::failures).isEqualTo(0L);
        assertThat(r.warnings()).singleElement().asString().contains("no http_req_failed metric");
    }

    @Test
    void noRequestMetricsMeansNoRequests() throws IOException {
        Path file = write("""
                {"metrics": {"iterations": {"count": 10, "rate": 5}, "vus": {"value": 1, "min": 1, "max": 1}},
                 "root_group": {"checks": {}, "groups": {}}}
                """);
        assertThatThrownBy(() -> Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()))
                .isInstanceOf(InputException.class).hasMessage(file + ": holds no requests");
    }

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        Path file = write("{\n  \"metrics\": {\n    \"http_reqs\": {\"count\": 1,,}\n  }\n}\n");
        assertThatThrownBy(() -> new K6SummaryFormat().read(InputFiles.head(file, "s.json"),
                new ReadContext(new EndpointResolver(List.of(), Naming.defaults()), TimeWindow.all())))
                .isInstanceOf(InputException.class).hasMessageStartingWith("s.json:3: broken JSON:");
    }

    @Test
    void negativeNumbersAreRejected() {
        assertThatThrownBy(() -> read("""
                {"metrics": {"http_reqs": {"count": 10, "rate": 5}, "http_req_duration": {"avg": -2, "min": 1, "med": 2, "max": 3}}}
                """)).isInstanceOf(InputException.class).hasMessageContaining("'avg' is not a number >= 0: -2.0");
        // a negative count gave the run a negative duration (count / rate) first: an internal error
        assertThatThrownBy(() -> read("""
                {"metrics": {"http_reqs": {"count": -5, "rate": 1}, "http_req_duration": {"avg": 2, "min": 1, "med": 2, "max": 3}}}
                """)).isInstanceOf(InputException.class).hasMessageContaining("'count' is not a number >= 0: -5.0");
    }

    @Test
    void detection() throws IOException {
        K6SummaryFormat f = new K6SummaryFormat();
        assertThat(f.detect(head(BY_NAME_EXPORT))).isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(f.detect(head("{\"metrics\":{\"http_reqs\":{\"count\":1,\"rate\":2}}}"))).isEqualTo(MatchStrength.SOLID_MATCH);
        assertThat(f.detect(head("{\"state\":{\"testRunDurationMs\":1},\"metrics\":{\"x\":{\"type\":\"trend\","
                + "\"contains\":\"time\",\"values\":{\"avg\":1}}}}"))).isEqualTo(MatchStrength.FULL_MATCH);
        // a summary longer than the head is judged by its beginning
        assertThat(f.detect(head(BY_NAME_EXPORT.substring(0, BY_NAME_EXPORT.indexOf("http_req_failed{"))))).isEqualTo(MatchStrength.FULL_MATCH);
        assertThat(f.detect(head("{\"schema\":\"loadverdict.run/1\",\"metadata\":{}}"))).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(f.detect(head("{\"metrics\":{\"cpu\":{\"load\":1}}}"))).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(f.detect(head("[1,2]"))).isEqualTo(MatchStrength.NO_MATCH);
        assertThat(f.detect(head(K6NdjsonFormatTest.METRIC))).isEqualTo(MatchStrength.NO_MATCH);
    }

    private static Head head(String text) {
        return new Head(Path.of("x.json"), text);
    }
}
