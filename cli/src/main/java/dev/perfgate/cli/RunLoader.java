package dev.perfgate.cli;

import dev.perfgate.codec.RunJson;
import dev.perfgate.extractor.ExtractOptions;
import dev.perfgate.extractor.Extractor;
import dev.perfgate.extractor.InputFiles;
import dev.perfgate.model.Run;
import dev.perfgate.model.config.PerfgateConfig;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads a run from what the user named: an extracted run JSON, raw tool output, or a directory of it. */
final class RunLoader {

    private RunLoader() {
    }

    static Run load(Main.Environment environment, List<String> inputs, PerfgateConfig config) {
        if (inputs.size() == 1) {
            Path path = environment.resolve(inputs.get(0));
            if (Files.isRegularFile(path) && RunJson.looksLikeRun(InputFiles.head(path, inputs.get(0)).text())) {
                try (Reader reader = InputFiles.openText(path, inputs.get(0))) {
                    return RunJson.read(inputs.get(0), reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        List<String> resolved = inputs.stream().map(i -> resolveKeepingName(environment, i)).toList();
        return Extractor.standard().extract(resolved, new ExtractOptions(config.mapping(),
                ConfigLoader.mappingHash(config)));
    }

    /** Relative inputs stay as typed (so messages and the run's sources show what the user wrote). */
    private static String resolveKeepingName(Main.Environment environment, String input) {
        Path p = Path.of(input);
        return p.isAbsolute() || environment.workingDirectory().equals(Path.of("").toAbsolutePath())
                ? input : environment.resolve(input).toString();
    }
}
