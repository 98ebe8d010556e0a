package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extraction;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.TimeWindow;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.config.Naming;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test helpers: write a result file, extract it, look at endpoints. */
final class Jtl {

    static final ReadContext CONTEXT = new ReadContext(new EndpointResolver(List.of(), Naming.defaults()),
            TimeWindow.all());

    private Jtl() {
    }

    static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** Extracts through loadverdict's front door: detection, reading, merging. */
    static Extraction extract(Path file) {
        return Extractor.standard().extract(List.of(file.toString()), ExtractOptions.defaults());
    }

    /** Reads with one format directly. */
    static ToolResult read(ResultFormat format, Path file) {
        return format.read(InputFiles.head(file, file.toString()), CONTEXT);
    }

    /** The InputException extraction fails with. */
    static InputException failure(Path file) {
        try {
            extract(file);
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("no InputException for " + file);
    }

    /** Endpoint key to endpoint, over all services. */
    static Map<String, EndpointStats> endpoints(List<ServiceStats> services) {
        Map<String, EndpointStats> byKey = new TreeMap<>();
        services.forEach(s -> s.endpoints().forEach(e -> byKey.put(e.id().key(), e)));
        return byKey;
    }

    static Map<String, EndpointStats> endpoints(Run run) {
        return endpoints(run.services());
    }

    static String head(Path file) {
        return InputFiles.head(file, file.toString()).text();
    }
}
