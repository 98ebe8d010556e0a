package dev.loadverdict.extractor.generic;

import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.codec.RunJson;
import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.TimeWindow;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.config.Naming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenericSamplesFormatTest {

    @TempDir
    Path dir;

    private ToolResult read(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        ReadContext context = new ReadContext(new EndpointResolver(List.of(), Naming.defaults()), TimeWindow.all());
        return new GenericSamplesFormat().read(InputFiles.head(file, name), context);
    }

    private Run extract(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()).run();
    }

    private static EndpointStats endpoint(ToolResult r, String service, String key) {
        return r.services().stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow()
                .endpoints().stream().filter(e -> e.id().key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void csvColumnsAreFoundByNameInAnyOrderWithOptionalOnes() throws IOException {
        ToolResult r = read("s.csv", "ok,latency_ms,extra,endpoint,timestamp,method,service,error,status,tag.region\n"
                + "true,12.5,x,/api/products/12,1763892000000,GET,shop,,200,eu\n"
                + "1,7.5,x,/api/products/13,2025-11-23T10:00:00.500+00:00,GET,shop,,200,eu\n"
                + "false,120,x,/api/checkout,2025-11-23T11:00:01Z,POST,shop,500 Server Error,500,us\n"
                + "0,110,x,/api/checkout,1763892002000,POST,shop,,503,us\n"
                + "FALSE,90,x,/api/checkout,1763892002500,POST,shop,,,us\n");
        assertThat(r.metadata().tool()).isEqualTo(Tool.GENERIC);
        assertThat(r.metadata().start()).contains(Instant.parse("2025-11-23T10:00:00Z"));
        assertThat(r.metadata().precision().resolutionMs()).isEqualTo(0.001);
        EndpointStats products = endpoint(r, "shop", "GET /api/products/{id}");
        assertThat(products.requests()).isEqualTo(2);
        assertThat(products.latency().mean()).hasValue(10.0);
        assertThat(products.histogram()).isPresent();
        EndpointStats checkout = endpoint(r, "shop", "POST /api/checkout");
        assertThat(checkout.requests()).isEqualTo(3);
        assertThat(checkout.failures()).isEqualTo(3);
        // the error text first, else the status; a failure with neither counts as "(no message)"
        assertThat(checkout.failuresByKind()).containsEntry("500 Server Error", 1L).containsEntry("503", 1L)
                .containsEntry("(no message)", 1L).hasSize(3);
        assertThat(r.total()).get().extracting(EndpointStats::requests).isEqualTo(5L);
    }

    @Test
    void wholeMillisecondsGiveMillisecondPrecision() throws IOException {
        ToolResult r = read("s.csv", "timestamp,endpoint,latency_ms,ok\n1763892000000,a,12,true\n1763892000001,a,13.000,true\n");
        assertThat(r.metadata().precision().resolutionMs()).isEqualTo(1.0);
    }

    @Test
    void ndjsonGivesTheSameRunAsTheCsvOfTheSameSamples() throws IOException {
        Run csv = extract("s.csv", "timestamp,method,endpoint,latency_ms,ok,error,tag.service\n"
                + "1763892000000,GET,/a,12.5,true,,api\n"
                + "1763892000100,GET,/a,14.25,true,,api\n"
                + "1763892000200,POST,/b,30,false,boom,api\n");
        Run ndjson = extract("s.ndjson", "{\"timestamp\":1763892000000,\"method\":\"GET\",\"endpoint\":\"/a\",\"latency_ms\":12.5,\"ok\":true,\"tags\":{\"service\":\"api\"}}\n"
                + "\n"
                + "{\"endpoint\":\"/a\",\"timestamp\":\"1763892000100\",\"method\":\"GET\",\"latency_ms\":\"14.25\",\"ok\":1,\"tags\":{\"service\":\"api\"},\"mine\":[1,2]}\n"
                + "{\"timestamp\":\"2025-11-23T10:00:00.200Z\",\"method\":\"POST\",\"endpoint\":\"/b\",\"latency_ms\":30,\"ok\":false,\"error\":\"boom\",\"status\":null,\"tags\":{\"service\":\"api\"}}\n");
        assertThat(RunJson.write(ndjson).replace("s.ndjson", "s.csv")).isEqualTo(RunJson.write(csv));
        assertThat(csv.services()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("api"));
    }

    @Test
    void aTimeWindowKeepsOnlyTheSamplesStartedInIt() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,endpoint,latency_ms,ok\n");
        for (int i = 0; i < 100; i++) {
            csv.append(1763892000000L + i * 1000L).append(",/a,").append(i).append(",true\n");
        }
        Path file = dir.resolve("w.csv");
        Files.writeString(file, csv);
        Run run = Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()
                .withWindow(new dev.loadverdict.extractor.RelativeWindow(java.time.Duration.ZERO, java.time.Duration.ZERO,
                        java.util.Optional.of(java.time.Duration.ofSeconds(10)), java.util.Optional.of(java.time.Duration.ofSeconds(20))))).run();
        assertThat(run.total()).get().extracting(EndpointStats::requests).isEqualTo(10L);
    }

    @Test
    void aLastLineCutOffIsSkippedWithAWarning() throws IOException {
        ToolResult csv = read("s.csv", "timestamp,endpoint,latency_ms,ok\n1763892000000,/a,12,true\n1763892000001,/a,1");
        assertThat(csv.total()).get().extracting(EndpointStats::requests).isEqualTo(1L);
        assertThat(csv.warnings()).singleElement().asString().startsWith("s.csv:3: skipped the last line");
        ToolResult ndjson = read("s.ndjson", "{\"timestamp\":1763892000000,\"endpoint\":\"/a\",\"latency_ms\":1,\"ok\":true}\n"
                + "{\"timestamp\":1763892000000,\"endpoint\":\"/a\",\"late");
        assertThat(ndjson.total()).get().extracting(EndpointStats::requests).isEqualTo(1L);
        assertThat(ndjson.warnings()).singleElement().asString().startsWith("s.ndjson:2: skipped the last line");
    }

    @Test
    void aBadValueNamesFileLineFieldAndValue() {
        assertThatThrownBy(() -> read("s.csv", "timestamp,endpoint,latency_ms,ok\n1763892000000,/a,abc,true\n1763892000001,/a,1,true\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("s.csv:2: 'latency_ms' is not a number of milliseconds: \"abc\"");
        assertThatThrownBy(() -> read("s.csv", "timestamp,endpoint,latency_ms,ok\n1763892000,/a,1,true\n1763892000001,/a,1,true\n"))
                .hasMessageContaining("s.csv:2: 'timestamp' is too small for epoch milliseconds (epoch seconds?");
        assertThatThrownBy(() -> read("s.csv", "timestamp,endpoint,latency_ms,ok\n2025-11-23T10:00:00,/a,1,true\n1763892000001,/a,1,true\n"))
                .hasMessageContaining("s.csv:2: 'timestamp' is neither epoch milliseconds nor ISO-8601 with a zone offset");
        assertThatThrownBy(() -> read("s.csv", "timestamp,endpoint,latency_ms,ok\n1763892000000,/a,1,yes\n1763892000001,/a,1,true\n"))
                .hasMessageContaining("s.csv:2: 'ok' is neither true/false nor 1/0: \"yes\"");
        assertThatThrownBy(() -> read("s.csv", "timestamp,endpoint,latency_ms,ok\n1763892000000,/a,-1,true\n1763892000001,/a,1,true\n"))
                .hasMessageContaining("s.csv:2: 'latency_ms' is not between 0 and");
        assertThatThrownBy(() -> read("s.csv", "timestamp,endpoint,latency_ms,ok\n1763892000000,/a,1\n1763892000001,/a,1,true\n"))
                .hasMessage("s.csv:2: a row with 3 of the header's 4 columns");
        assertThatThrownBy(() -> read("s.ndjson", "{\"timestamp\":1763892000000,\"endpoint\":\"/a\",\"latency_ms\":1,\"ok\":true}\n"
                + "[1]\n{\"timestamp\":1763892000000,\"endpoint\":\"/a\",\"latency_ms\":1,\"ok\":true}\n"))
                .hasMessage("s.ndjson:2: not a JSON object: \"[1]\"");
        assertThatThrownBy(() -> read("s.ndjson", "{\"timestamp\":1763892000000,\"endpoint\":\"/a\",\"latency_ms\":1,\"ok\":true}\n"
                + "{\"timestamp\":1763892000000,\"endpoint\":\"/a\",\"ok\":true}\n\n"
                + "{\"timestamp\":1763892000000,\"endpoint\":\"/a\",\"latency_ms\":1,\"ok\":true}\n"))
                .hasMessage("s.ndjson:2: sample without 'latency_ms'");
    }

    @Test
    void aHeaderWithoutARequiredColumnSaysWhichOnes() {
        assertThatThrownBy(() -> extract("s.csv", "endpoint,latency_ms,status\n/a,1,200\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("s.csv:1: generic samples CSV without column(s) timestamp, ok");
        assertThatThrownBy(() -> extract("s.csv", "timestamp,endpoint,latency_ms,ok,request_name\n"))
                .hasMessageContaining("two columns name 'endpoint' (column 2 and 5)");
    }

    @Test
    void aFiftyMegabyteLineFailsCleanly() throws IOException {
        Path file = dir.resolve("huge.csv");
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("timestamp,endpoint,latency_ms,ok\n1763892000000,");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'x');
            for (int i = 0; i < 50; i++) {
                w.write(chunk);
            }
            w.write(",1,true\n");
        }
        assertThatThrownBy(() -> Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining(":2: line is longer than");
    }

    @Test
    void severalFilesOfOneRunMerge() throws IOException {
        Path a = dir.resolve("samples-worker1.csv");
        Path b = dir.resolve("samples-worker2.csv");
        Files.writeString(a, "timestamp,endpoint,latency_ms,ok\n1763892000000,/a,10,true\n1763892000500,/a,20,false\n");
        Files.writeString(b, "timestamp,endpoint,latency_ms,ok\n1763892000100,/a,30,true\n");
        Run run = Extractor.standard().extract(List.of(dir.toString()), ExtractOptions.defaults()).run();
        assertThat(run.total()).get().satisfies(t -> {
            assertThat(t.requests()).isEqualTo(3);
            assertThat(t.failures()).isEqualTo(1);
            assertThat(t.latency().max()).hasValue(30.0);
            assertThat(t.latency().percentile(50)).isPresent();
        });
    }
}
