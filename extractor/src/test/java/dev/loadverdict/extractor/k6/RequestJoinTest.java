package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.internal.SampleAggregator;
import dev.loadverdict.extractor.internal.TimeWindow;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.config.Naming;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestJoinTest {

    private final RequestJoin join = new RequestJoin(
            new SampleAggregator(new EndpointResolver(List.of(), Naming.defaults()), TimeWindow.all()));

    private static final long T = 1_700_000_000_000_000_000L;

    private static RequestTags tags(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return RequestTags.of(m);
    }

    private EndpointStats only(SampleAggregator.Aggregate a) {
        assertThat(a.services()).hasSize(1);
        assertThat(a.services().get(0).endpoints()).hasSize(1);
        return a.services().get(0).endpoints().get(0);
    }

    @Test
    void httpReqFailedDecidesEvenAgainstTheTags() {
        // a 200 that the script's response callback declared a failure
        RequestTags ok = tags("method", "GET", "name", "/a", "status", "200", "expected_response", "true");
        join.duration(T, ok, 1000);
        join.failed(T, ok, true);
        EndpointStats e = only(join.finish());
        assertThat(e.requests()).isEqualTo(1);
        assertThat(e.failures()).isEqualTo(1);
        assertThat(e.failuresByKind()).containsEntry("HTTP 200", 1L);
        assertThat(warnings(join, "f")).isEmpty();
    }

    @Test
    void joinsConsecutiveRequestsWithEqualTimeAndTags() {
        // CSV timestamps are whole seconds: many requests share time and tags
        RequestTags t = tags("method", "GET", "name", "/a", "status", "200");
        for (int i = 0; i < 5; i++) {
            join.duration(T, t, 1000 + i);
            join.failed(T, t, i % 2 == 0);
        }
        EndpointStats e = only(join.finish());
        assertThat(e.requests()).isEqualTo(5);
        assertThat(e.failures()).isEqualTo(3);
    }

    @Test
    void oldK6WithoutHttpReqFailedFallsBackToExpectedResponseThenStatus() {
        join.duration(T, tags("name", "/a", "expected_response", "false", "status", "200"), 1000);
        join.duration(T + 1, tags("name", "/a", "expected_response", "true", "status", "503"), 1000);
        join.duration(T + 2, tags("name", "/a", "status", "404"), 1000);
        join.duration(T + 3, tags("name", "/a", "status", "0", "error", "dial: i/o timeout"), 1000);
        join.duration(T + 4, tags("name", "/a", "status", "302"), 1000);
        join.duration(T + 5, tags("name", "/a"), 1000);
        EndpointStats e = only(join.finish());
        assertThat(e.requests()).isEqualTo(6);
        assertThat(e.failures()).isEqualTo(3);
        assertThat(e.failuresByKind()).containsOnlyKeys("HTTP 200", "HTTP 404", "dial: i/o timeout");
        assertThat(warnings(join, "run.json")).singleElement().asString()
                .startsWith("run.json: 4 requests carry neither http_req_failed nor expected_response");
    }

    @Test
    void theWindowIsBoundedAndEvictsOldestByTags() {
        for (int i = 0; i < RequestJoin.WINDOW * 3; i++) {
            join.duration(T + i, tags("name", "/a", "status", "500"), 10);
        }
        EndpointStats e = only(join.finish());
        assertThat(e.requests()).isEqualTo(RequestJoin.WINDOW * 3L);
        assertThat(e.failures()).isEqualTo(RequestJoin.WINDOW * 3L);
    }

    @Test
    void interleavedRequestsStillJoinInsideTheWindow() {
        RequestTags a = tags("name", "/a", "status", "200", "expected_response", "true");
        RequestTags b = tags("name", "/b", "status", "200", "expected_response", "true");
        join.duration(T, a, 1000);
        join.duration(T, b, 2000);
        join.failed(T, b, false);
        join.failed(T, a, true);
        SampleAggregator.Aggregate agg = join.finish();
        assertThat(agg.services().get(0).endpoints()).extracting(EndpointStats::failures).containsExactly(1L, 0L);
    }

    @Test
    void failedWithoutDurationIsCountedNotGuessed() {
        join.failed(T, tags("name", "/a"), true);
        join.duration(T, tags("name", "/a", "status", "200"), 1000);
        EndpointStats e = only(join.finish());
        assertThat(e.requests()).isEqualTo(1);
        assertThat(e.failures()).isZero();
        assertThat(warnings(join, "x")).anySatisfy(w -> assertThat(w).startsWith("x: 1 http_req_failed samples had no"));
    }

    @Test
    void aSampleTimeIsTheRequestEndSoItsStartIsEarlier() {
        RequestTags t = tags("name", "/a", "expected_response", "true");
        join.duration(T, t, 250_000); // 250 ms
        join.failed(T, t, false);
        SampleAggregator.Aggregate a = join.finish();
        assertThat(a.start()).contains(Instant.ofEpochMilli(T / 1_000_000 - 250));
        assertThat(a.end()).contains(Instant.ofEpochMilli(T / 1_000_000));
    }

    @Test
    void largestVusSampleIsTheUsers() {
        assertThat(join.maxVus()).isEmpty();
        join.vus(3);
        join.vus(12);
        join.vus(7);
        assertThat(join.maxVus()).hasValue(12);
    }

    @Test
    void labelsLeaveOutcomeTagsAndEmptyValues() {
        RequestTags t = tags("method", "POST", "name", "login", "url", "https://x/login", "group", "",
                "status", "500", "expected_response", "false", "error", "boom", "error_code", "1500",
                "scenario", "s1", "service", "auth", "proto", "HTTP/2.0", "vu", "3", "iter", "9");
        assertThat(t.labels().method()).isEqualTo("POST");
        assertThat(t.labels().name()).isEqualTo("login");
        assertThat(t.labels().url()).isEqualTo("https://x/login");
        assertThat(t.labels().group()).isNull();
        assertThat(t.labels().tags()).containsOnlyKeys("scenario", "service", "proto");
        assertThat(tags("url", "https://x/y").labels().name()).isEqualTo("https://x/y");
        assertThat(tags().labels().name()).isEqualTo(RequestTags.ALL_REQUESTS);
    }

    /** What the join tells the user about file {@code file}. */
    private static List<String> warnings(RequestJoin join, String file) {
        Diagnostics diagnostics = new Diagnostics(file);
        join.report(diagnostics);
        return diagnostics.warnings();
    }
}
