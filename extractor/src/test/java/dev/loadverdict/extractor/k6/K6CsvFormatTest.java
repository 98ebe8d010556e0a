package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extractor;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class K6CsvFormatTest {

    static final String HEADER_2025 = "metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,"
            + "method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata\n";

    @TempDir
    Path dir;

    private ToolResult read(String content) throws IOException {
        Path file = dir.resolve("run.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        ReadContext context = new ReadContext(new EndpointResolver(List.of(), Naming.defaults()), TimeWindow.all());
        return new K6CsvFormat().read(InputFiles.head(file, "run.csv"), context);
    }

    /**
     * Detection and reading take the header from one parse of the file's head, so they agree on what it names: a
     * quoted name with blanks inside the quotes is found by both (detection used to split the first line at commas
     * and missed it), and a quoted cell holding a comma is one column for both (detection used to see two).
     */
    @Test
    void detectionAndReadingReadTheHeaderAlike() throws IOException {
        Map<String, Boolean> isK6 = Map.of(
                "\" metric_name \",timestamp,metric_value\nhttp_req_duration,1749889289,12.5\n", true,
                "\"metric_name,x\",timestamp,metric_value\nhttp_req_duration,1749889289,12.5\n", false,
                "metric_name,timestamp,metric_value,\"a,b\"\nhttp_req_duration,1749889289,12.5,x\n", true);
        for (Map.Entry<String, Boolean> csv : isK6.entrySet()) {
            Path file = dir.resolve("h.csv");
            Files.writeString(file, csv.getKey(), StandardCharsets.UTF_8);
            boolean detected = new K6CsvFormat().detect(InputFiles.head(file, "h.csv")) == MatchStrength.FULL_MATCH;
            boolean readable;
            try {
                readable = !read(csv.getKey()).services().isEmpty();
            } catch (InputException e) {
                readable = false;
            }
            assertThat(detected).as("detected: %s", csv.getKey()).isEqualTo(csv.getValue());
            assertThat(readable).as("readable: %s", csv.getKey()).isEqualTo(csv.getValue());
        }
    }

    @Test
    void columnsAreFoundByNameInAnyOrderWithExtraTags() throws IOException {
        String csv = "timestamp,metric_value,metric_name,url,status,method,extra_tags\n"
                + "1749889289,1.000000,http_reqs,/a,200,GET,team=pay&service=billing\n"
                + "1749889289,12.345678,http_req_duration,/a,200,GET,team=pay&service=billing\n"
                + "1749889289,0.000000,http_req_failed,/a,200,GET,team=pay&service=billing\n"
                + "1749889290,2.000000,vus,,,,\n";
        ToolResult r = read(csv);
        assertThat(r.services()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("billing");
            assertThat(s.endpoints()).singleElement().satisfies(e -> {
                assertThat(e.id().key()).isEqualTo("GET /a");
                assertThat(e.latency().max()).hasValue(12.346);
                assertThat(e.failures()).isZero();
            });
        });
        assertThat(r.metadata().workload().users()).hasValue(2);
    }

    @Test
    void oldK6WithoutExpectedResponseOrHttpReqFailedJudgesByStatus() throws IOException {
        String csv = "metric_name,timestamp,metric_value,check,error,error_code,group,method,name,proto,status,subproto,"
                + "tls_version,url,extra_tags\n"
                + "http_reqs,1600000000,1,,,,,GET,/ok,HTTP/1.1,200,,,/ok,\n"
                + "http_req_duration,1600000000,10,,,,,GET,/ok,HTTP/1.1,200,,,/ok,\n"
                + "http_reqs,1600000001,1,,,,,GET,/ok,HTTP/1.1,503,,,/ok,\n"
                + "http_req_duration,1600000001,20,,,,,GET,/ok,HTTP/1.1,503,,,/ok,\n"
                + "http_reqs,1600000002,1,,connection refused,1212,,GET,/ok,,0,,,/ok,\n"
                + "http_req_duration,1600000002,0,,connection refused,1212,,GET,/ok,,0,,,/ok,\n";
        EndpointStats e = read(csv).services().get(0).endpoints().get(0);
        assertThat(e.requests()).isEqualTo(3);
        assertThat(e.failures()).isEqualTo(2);
        assertThat(e.failuresByKind()).containsOnlyKeys("HTTP 503", "connection refused");
    }

    @Test
    void unixNanoAndRfc3339TimestampsAreRead() throws IOException {
        String nano = HEADER_2025
                + "http_req_duration,1749889289123456789,10.000000,,,,true,,GET,/a,HTTP/1.1,default,,200,,,/a,,\n";
        assertThat(read(nano).metadata().end()).contains(Instant.parse("2025-06-14T08:21:29.123Z"));
        String rfc = HEADER_2025
                + "http_req_duration,2025-06-14T10:21:29+02:00,10.000000,,,,true,,GET,/a,HTTP/1.1,default,,200,,,/a,,\n";
        assertThat(read(rfc).metadata().start()).contains(Instant.parse("2025-06-14T08:21:28.990Z"));
    }

    @Test
    void shortLastRowIsSkippedWithAWarning() throws IOException {
        String csv = HEADER_2025
                + "http_req_duration,1749889289,26.063152,,,,true,,GET,/a,HTTP/1.1,default,,200,,,/a,,\n"
                + "http_req_failed,1749889289,0.000000,,,,true,,GET,/a,HTTP/1.1,default,,200,,,/a,,\n"
                + "http_req_duration,1749889290,5.24";
        ToolResult r = read(csv);
        assertThat(r.total()).get().extracting(EndpointStats::requests).isEqualTo(1L);
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("run.csv:4: skipped the last line: it has only 3 of the header's 19 columns");
    }

    @Test
    void shortRowInTheMiddleIsAnError() throws IOException {
        String csv = HEADER_2025 + "http_req_duration,1749889290,5.24\n"
                + "http_req_failed,1749889289,0.000000,,,,true,,GET,/a,HTTP/1.1,default,,200,,,/a,,\n";
        assertThatThrownBy(() -> read(csv)).isInstanceOf(InputException.class)
                .hasMessage("run.csv:2: a row with 3 of the header's 19 columns");
    }

    @Test
    void aHeaderRepeatingAColumnNameIsRefusedNamingIt() throws IOException {
        // k6 never repeats a column; found by fuzzing (ExtractorFuzzTestInputs/k6Csv/min-duplicate-tag-column.csv)
        String csv = "metric_name,timestamp,metric_value,url,url\nhttp_req_duration,1700000000,2,x\n";
        assertThatThrownBy(() -> read(csv)).isInstanceOf(InputException.class)
                .hasMessage("run.csv:1: the header repeats the column 'url' (columns 4 and 5)");
        // names are compared as columns are found: without case and surrounding blanks
        String differentCase = "metric_name,timestamp,metric_value,url,Metric_Name \nhttp_req_duration,1700000000,2,x,y\n";
        assertThatThrownBy(() -> read(differentCase)).isInstanceOf(InputException.class)
                .hasMessage("run.csv:1: the header repeats the column 'Metric_Name' (columns 1 and 5)");
    }

    @Test
    void columnsWithoutANameCountInTheRowLength() throws IOException {
        // several unnamed columns are one entry of the header map: a row is checked against every column
        String csv = "metric_name,timestamp,metric_value,,,url\n"
                + "http_req_duration,1700000000,2,,,/a\n"
                + "http_req_duration,1700000001,2,,x\n"
                + "http_req_duration,1700000002,2,,,/a\n";
        assertThatThrownBy(() -> read(csv)).isInstanceOf(InputException.class)
                .hasMessage("run.csv:3: a row with 5 of the header's 6 columns");
    }

    @Test
    void badValueNamesLine() throws IOException {
        String csv = HEADER_2025
                + "http_req_duration,1749889289,26.063152,,,,true,,GET,/a,HTTP/1.1,default,,200,,,/a,,\n"
                + "http_req_duration,1749889289,fast,,,,true,,GET,/a,HTTP/1.1,default,,200,,,/a,,\n";
        assertThatThrownBy(() -> read(csv)).isInstanceOf(InputException.class)
                .hasMessage("run.csv:3: metric_value is not a number: \"fast\"");
    }

    @Test
    void badTimestampNamesLine() throws IOException {
        String csv = HEADER_2025 + "http_req_duration,soon,26.063152,,,,true,,GET,/a,HTTP/1.1,default,,200,,,/a,,\n";
        assertThatThrownBy(() -> read(csv)).isInstanceOf(InputException.class)
                .hasMessage("run.csv:2: timestamp is neither epoch time nor RFC 3339: \"soon\"");
    }

    @Test
    void aCsvWithoutK6ColumnsIsNotDetected() throws IOException {
        Path file = dir.resolve("other.csv");
        Files.writeString(file, "metric,timestamp,value\nx,1,2\n");
        assertThatThrownBy(() -> Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("not a load-test result loadverdict recognises");
    }
}
