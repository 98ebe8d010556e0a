package dev.perfgate.extractor;

import dev.perfgate.model.InputException;
import dev.perfgate.model.Run;
import dev.perfgate.model.RunMetadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns load-tool output into a normalised {@link Run}: finds the result files (a directory is searched
 * for files whose content a format recognises), detects each file's format from its content, reads it
 * and assigns endpoints to services.
 */
public final class Extractor {

    private final FormatDetector detector;

    public Extractor(FormatDetector detector) {
        this.detector = detector;
    }

    public static Extractor standard() {
        return new Extractor(FormatDetector.standard());
    }

    /**
     * Extracts one run.
     *
     * @param inputs files or directories, as the user named them
     * @throws InputException when an input is missing, unrecognised or broken, or holds no results
     */
    public Run extract(List<String> inputs, ExtractOptions options) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no inputs");
        }
        List<Located> files = new ArrayList<>();
        for (String input : inputs) {
            files.addAll(resultFiles(input));
        }
        if (files.size() > 1) {
            throw new InputException(inputs.get(0), "holds " + files.size() + " result files ("
                    + String.join(", ", files.stream().map(Located::display).toList())
                    + "); pass one result file per run");
        }
        Located file = files.get(0);
        ToolResult result = file.format.read(file.path, file.display);
        ServiceMapper mapper = new ServiceMapper(options.mapping());
        RunMetadata m = result.metadata();
        RunMetadata metadata = new RunMetadata(m.tool(), m.toolVersion(), m.sources(), m.start(), m.end(),
                m.duration(), m.stage(), m.workload(), m.scriptHash(), m.labels(), options.mappingHash(),
                m.precision());
        return new Run(metadata, result.total(), mapper.group(result.endpoints(), result.total()));
    }

    private List<Located> resultFiles(String input) {
        Path path = Path.of(input);
        if (Files.isRegularFile(path)) {
            return List.of(new Located(path, input, detector.require(path, input)));
        }
        if (!Files.isDirectory(path)) {
            throw new InputException(input, "no such file or directory");
        }
        List<Located> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(path)) {
            for (Path child : children.sorted().toList()) {
                if (!Files.isRegularFile(child)) {
                    continue;
                }
                String display = input.endsWith("/") ? input + child.getFileName() : input + "/" + child.getFileName();
                Optional<ResultFormat> format = detector.detect(InputFiles.head(child, display));
                format.ifPresent(f -> found.add(new Located(child, display, f)));
            }
        } catch (IOException e) {
            throw new InputException(input, java.util.OptionalLong.empty(), "cannot be listed: " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new InputException(input, "no load-test results found in this directory (perfgate reads: "
                    + detector.names() + ")");
        }
        return found;
    }

    private record Located(Path path, String display, ResultFormat format) {
    }
}
