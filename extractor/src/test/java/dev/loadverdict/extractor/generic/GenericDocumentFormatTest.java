package dev.loadverdict.extractor.generic;

import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extractor;
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
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenericDocumentFormatTest {

    static final String HEAD = "{\n  \"schema\": \"loadverdict.generic/1\",\n";

    @TempDir
    Path dir;

    private ToolResult read(String content) throws IOException {
        Path file = dir.resolve("doc.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        ReadContext context = new ReadContext(new EndpointResolver(List.of(), Naming.defaults()), TimeWindow.all());
        return new GenericDocumentFormat().read(InputFiles.head(file, "doc.json"), context);
    }

    @Test
    void aggregatesKeepExactlyWhatTheDocumentGives() throws IOException {
        ToolResult r = read(HEAD + """
                  "tool": {"name": "pytest-benchmark", "version": "4.0.0"},
                  "start": "2025-11-23T10:00:00Z", "end": 1763892060000, "users": 25,
                  "labels": {"branch": "main"},
                  "endpoints": [
                    {"service": "search", "method": "GET", "name": "/api/search", "requests": 1200, "failures": 3,
                     "failures_by_kind": {"HTTP 503": 3},
                     "latency_ms": {"min": 40.1, "mean": 81.7, "max": 410, "percentiles": {"50": 78, "p95": 120.5, "99.9": 300}}},
                    {"name": "warm cache", "requests": 500, "failures": 0, "latency_ms": {"mean": 1.2}, "throughput_rps": 9.5}
                  ]
                }
                """);
        assertThat(r.metadata().toolVersion()).contains("pytest-benchmark 4.0.0");
        assertThat(r.metadata().start()).contains(Instant.parse("2025-11-23T10:00:00Z"));
        assertThat(r.metadata().duration()).contains(Duration.ofSeconds(60));
        assertThat(r.metadata().workload().users()).hasValue(25);
        assertThat(r.metadata().labels()).containsEntry("branch", "main");
        assertThat(r.total()).isEmpty();
        EndpointStats search = r.services().get(0).endpoints().get(0);
        assertThat(r.services().get(0).name()).isEqualTo("search");
        assertThat(search.id().key()).isEqualTo("GET /api/search");
        assertThat(search.latency().percentiles()).containsOnlyKeys(50.0, 95.0, 99.9);
        assertThat(search.throughput()).hasValue(20.0); // 1200 requests over 60 s
        assertThat(search.failuresByKind()).containsEntry("HTTP 503", 3L);
        EndpointStats cache = r.services().get(1).endpoints().get(0);
        assertThat(cache.latency().percentiles()).isEmpty(); // never filled in from the mean
        assertThat(cache.latency().mean()).hasValue(1.2);
        assertThat(cache.throughput()).hasValue(9.5);
    }

    @Test
    void samplesInsideTheDocumentAreAggregated() throws IOException {
        ToolResult r = read(HEAD + """
                  "tool": "aiohttp-load", "users": 4,
                  "samples": [
                    {"timestamp": 1763892000000, "endpoint": "/a", "latency_ms": 10, "ok": true},
                    {"timestamp": 1763892000100, "endpoint": "/a", "latency_ms": 30, "ok": false, "error": "timeout"}
                  ]
                }
                """);
        assertThat(r.metadata().toolVersion()).contains("aiohttp-load");
        EndpointStats a = r.services().get(0).endpoints().get(0);
        assertThat(a.requests()).isEqualTo(2);
        assertThat(a.failuresByKind()).containsEntry("timeout", 1L);
        assertThat(a.histogram()).isPresent();
        assertThat(a.latency().percentile(50)).isPresent();
    }

    @Test
    void aDocumentCutOffGivesTheCompleteEndpointsWithAWarning() throws IOException {
        ToolResult r = read(HEAD + """
                  "endpoints": [
                    {"name": "a", "requests": 10, "failures": 0},
                    {"name": "b", "requests":""");
        assertThat(r.services().get(0).endpoints()).singleElement().satisfies(e -> assertThat(e.id().key()).isEqualTo("a"));
        assertThat(r.warnings()).singleElement().asString().startsWith("doc.json:5: the document is cut off");
    }

    @Test
    void brokenDocumentsNameFileLineAndProblem() {
        assertThatThrownBy(() -> read(HEAD + "  \"endpoints\": [\n    {\"name\": \"a\", \"requests\": 1, \"failures\": 0, \"p95\": 3}\n  ]\n}\n"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("doc.json:4: unknown key \"p95\" in an endpoint");
        assertThatThrownBy(() -> read("{\"schema\": \"loadverdict.generic/2\", \"endpoints\": []}"))
                .hasMessageContaining("doc.json:1: schema \"loadverdict.generic/2\" is not one loadverdict reads");
        assertThatThrownBy(() -> read(HEAD + "  \"endpoints\": [\n    {\"name\": \"a\", \"requests\": 1, \"failures\": 2}\n  ]\n}\n"))
                .hasMessage("doc.json:4: endpoint \"a\" has more failures (2) than requests (1)");
        assertThatThrownBy(() -> read(HEAD + "  \"endpoints\": [\n    {\"name\": \"a\", \"requests\": 1, \"failures\": 0,\n"
                + "     \"latency_ms\": {\"percentiles\": {\"95\": 30, \"99\": 20}}}\n  ]\n}\n"))
                .hasMessage("doc.json:4: endpoint \"a\": latency p99 (20.0 ms) is below p95 (30.0 ms)");
        assertThatThrownBy(() -> read(HEAD + "  \"endpoints\": [{\"name\": \"a\", \"requests\": -1, \"failures\": 0}]\n}\n"))
                .hasMessageContaining("doc.json:3: \"requests\" is not a whole number >= 0");
        assertThatThrownBy(() -> read(HEAD + "  \"endpoints\": [{\"name\": \"a\", \"requests\": 1, \"failures\": 0}],\n"
                + "  \"samples\": [{\"timestamp\": 1763892000000, \"endpoint\": \"/a\", \"latency_ms\": 10, \"ok\": true}]\n}\n"))
                .hasMessageContaining("holds both \"samples\" and \"endpoints\"");
        assertThatThrownBy(() -> read(HEAD + "  \"endpoints\": [{\"name\": \"a\", \"requests\": 1, \"failures\": 0},"
                + " {\"name\": \"a\", \"requests\": 2, \"failures\": 0}]\n}\n"))
                .hasMessageContaining("endpoint \"a\" appears twice");
        assertThatThrownBy(() -> read(HEAD + "  \"endpoints\": [{\"name\": \"a\", \"requests\": 1, \"requests\": 2, \"failures\": 0}]\n}\n"))
                .hasMessageContaining("doc.json:3: broken JSON: Duplicate field 'requests'");
        assertThatThrownBy(() -> read(HEAD + "  \"users\": 3000000000,\n  \"endpoints\": []\n}\n"))
                .hasMessageContaining("doc.json:3: \"users\" is larger than");
        assertThatThrownBy(() -> read(HEAD + "  \"endpoints\": [\n"))
                .hasMessageStartingWith("doc.json:").hasMessageContaining("broken JSON");
    }

    @Test
    void documentsCannotBeWindowed() throws IOException {
        Path file = dir.resolve("doc.json");
        Files.writeString(file, HEAD + "  \"endpoints\": [{\"name\": \"a\", \"requests\": 1, \"failures\": 0}]\n}\n");
        assertThatThrownBy(() -> Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()
                .withWindow(new dev.loadverdict.extractor.RelativeWindow(Duration.ofSeconds(5), Duration.ZERO,
                        java.util.Optional.empty(), java.util.Optional.empty()))))
                .isInstanceOf(InputException.class).hasMessageContaining("holds aggregates only");
    }
}
