package dev.loadverdict.codec;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LegacyBaselineJsonTest {

    /** The shape the issue names (docs/performance-baselines.json of many teams). */
    static final String EXAMPLE = """
            {
              "api_gateway": {
                "avg_latency_ms": 45.2,
                "median_latency_ms": 38,
                "p95_latency_ms": 120,
                "p99_latency_ms": 250,
                "error_rate_pct": 0.5,
                "rps": 150.3,
                "total_requests": 9000,
                "total_failures": 45,
                "timestamp": "2024-01-15T10:30:00Z",
                "baseline_users": 50
              },
              "search": { "p95_latency_ms": 80, "total_requests": 1000, "error_rate_pct": 1.0,
                          "timestamp": "2024-01-15T10:00:00Z", "baseline_users": 20, "duration_s": 300 }
            }
            """;

    @Test
    void everyGivenFieldIsCarriedAndNothingIsInvented() {
        Run run = LegacyBaselineJson.read("perf.json", new StringReader(EXAMPLE));
        assertThat(run.services()).extracting(s -> s.name()).containsExactly("api_gateway", "search");
        EndpointStats gw = run.service("api_gateway").orElseThrow().total();
        assertThat(gw.requests()).isEqualTo(9000);
        assertThat(gw.failures()).isEqualTo(45);
        assertThat(gw.latency().mean()).hasValue(45.2);
        assertThat(gw.latency().percentile(50)).hasValue(38.0);
        assertThat(gw.latency().percentile(95)).hasValue(120.0);
        assertThat(gw.latency().percentile(99)).hasValue(250.0);
        assertThat(gw.latency().percentile(90)).isEmpty();
        assertThat(gw.throughput()).hasValue(150.3);
        EndpointStats search = run.service("search").orElseThrow().total();
        assertThat(search.failures()).isEqualTo(10);                 // 1.0% of 1000
        assertThat(search.latency().mean()).isEmpty();              // never guessed
        assertThat(run.metadata().start()).contains(Instant.parse("2024-01-15T10:00:00Z"));
        assertThat(run.metadata().workload().users()).hasValue(50);
        assertThat(run.metadata().duration()).contains(java.time.Duration.ofSeconds(300));
        assertThat(run.services()).allMatch(s -> s.endpoints().isEmpty());
    }

    @Test
    void servicesMayBeNestedUnderServices() {
        Run run = LegacyBaselineJson.read("perf.json", new StringReader("{\"services\": " + EXAMPLE + "}"));
        assertThat(run.services()).hasSize(2);
    }

    @Test
    void mistakesAreNamedWithTheirLine() {
        assertThatThrownBy(() -> LegacyBaselineJson.read("perf.json", new StringReader("{\n \"a\": {\"p95_latncy_ms\": 1}}")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("perf.json:2: a.p95_latncy_ms: unknown key");
        assertThatThrownBy(() -> LegacyBaselineJson.read("perf.json", new StringReader(
                "{\"a\": {\"total_requests\": 100, \"total_failures\": 1, \"error_rate_pct\": 5}}")))
                .isInstanceOf(InputException.class).hasMessageContaining("says 5.0% but total_failures/total_requests is 1.0000%");
        assertThatThrownBy(() -> LegacyBaselineJson.read("perf.json", new StringReader("{\"a\": {\"error_rate_pct\": 5}}")))
                .isInstanceOf(InputException.class).hasMessageContaining("needs total_requests");
        assertThatThrownBy(() -> LegacyBaselineJson.read("perf.json", new StringReader("{}")))
                .isInstanceOf(InputException.class).hasMessageContaining("holds no services");
        assertThatThrownBy(() -> LegacyBaselineJson.read("perf.json", new StringReader("{\"a\": {\"timestamp\": \"yesterday\"}}")))
                .isInstanceOf(InputException.class).hasMessageContaining("expected an ISO-8601 UTC time");
        // found by fuzzing (CodecFuzzTestInputs/legacyBaseline/negative-duration.json): it was an internal error
        assertThatThrownBy(() -> LegacyBaselineJson.read("perf.json", new StringReader(
                "{\"a\": {\"p95_latency_ms\": 120,\n \"duration_s\": -300}}")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("perf.json:2: a.duration_s: must be >= 0 but was -300.0");
        assertThatThrownBy(() -> LegacyBaselineJson.read("perf.json", new StringReader("{\"schema\": \"loadverdict.run/1\"}")))
                .isInstanceOf(InputException.class).hasMessageContaining("not a legacy baseline");
    }
}
