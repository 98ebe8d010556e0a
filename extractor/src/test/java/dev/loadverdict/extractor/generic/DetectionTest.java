package dev.loadverdict.extractor.generic;

import dev.loadverdict.extractor.internal.FormatDetector;
import dev.loadverdict.extractor.Head;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ResultFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The generic formats are recognised by content and never claim, or lose, another tool's files. */
class DetectionTest {

    private static final FormatDetector DETECTOR = FormatDetector.standard();

    private static Optional<ResultFormat> detect(String text) {
        return DETECTOR.detect(new Head(Path.of("x"), text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "timestamp,endpoint,latency_ms,ok\n1,a,1,true\n",
            "ok,latency_ms,endpoint,timestamp\n",
            "\"timestamp\",\"method\",\"endpoint\",\"latency_ms\",\"ok\",\"error\",\"response_bytes\"\n",
            "start_time,request_type,request_name,response_time_ms,ok\n",
            "endpoint,latency_ms,ok\n", // timestamp missing: still ours, so reading says which column is missing
    })
    void csvHeadersAreGenericSamples(String text) {
        assertThat(detect(text)).get().isInstanceOf(GenericSamplesFormat.class);
    }

    @Test
    void ndjsonAndDocumentsAreRecognised() {
        assertThat(detect("{\"timestamp\":1763892000000,\"endpoint\":\"/a\",\"latency_ms\":1.5,\"ok\":true}\n"))
                .get().isInstanceOf(GenericSamplesFormat.class);
        assertThat(detect("{\n  \"schema\": \"loadverdict.generic/1\",\n  \"endpoints\": []\n}\n"))
                .get().isInstanceOf(GenericDocumentFormat.class);
        assertThat(detect("{\"schema\":\"loadverdict.generic/1\",\"samples\":[{\"timestamp\":1,\"endpoint\":\"a\",\"latency_ms\":1,\"ok\":true}]}"))
                .get().isInstanceOf(GenericDocumentFormat.class);
        // a run JSON loadverdict wrote is no generic document
        assertThat(new GenericDocumentFormat().detect(new Head(Path.of("x"), "{\"schema\": \"loadverdict.run/1\"}")))
                .isEqualTo(MatchStrength.NO_MATCH);
    }

    @Test
    void otherCsvsAreNotClaimed() {
        GenericSamplesFormat generic = new GenericSamplesFormat();
        for (String header : List.of(
                "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes",
                "metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name",
                "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time",
                "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%",
                "name,age")) {
            assertThat(generic.detect(new Head(Path.of("x"), header + "\n"))).as(header).isEqualTo(MatchStrength.NO_MATCH);
        }
    }

    /** Every fixture of every other tool is still detected as that tool's format, never as a generic one. */
    @Test
    void everyOtherFixtureKeepsItsFormat() throws IOException {
        Path root = Path.of("src/test/resources/fixtures");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(root.resolve("generic")))
                    .filter(p -> !p.getFileName().toString().equals("expected.json"))
                    .filter(p -> !p.getFileName().toString().equals("PROVENANCE")
                            && !p.getFileName().toString().equals("NOTICE"))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path file : files) {
            Head head = InputFiles.head(file, file.toString());
            assertThat(new GenericSamplesFormat().detect(head)).as(file.toString()).isEqualTo(MatchStrength.NO_MATCH);
            assertThat(new GenericDocumentFormat().detect(head)).as(file.toString()).isEqualTo(MatchStrength.NO_MATCH);
        }
    }
}
