package dev.loadverdict.cli;

import dev.loadverdict.codec.RunJson;
import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extraction;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.extractor.RelativeWindow;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.config.LoadverdictConfig;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a run from what the user named: an extracted run JSON, raw tool output, or a directory of it.
 * Warnings of the extraction (a truncated last line, a skipped file) go to the error stream.
 */
final class RunLoader {

    private RunLoader() {
    }

    static Run load(Main.Environment environment, List<String> inputs, LoadverdictConfig config, ReadOptions window,
                    PrintWriter err) {
        if (inputs.size() == 1) {
            Path path = environment.resolve(inputs.get(0));
            if (Files.isRegularFile(path) && RunJson.looksLikeRun(InputFiles.head(path, inputs.get(0)).text())) {
                if (window.selectsPart()) {
                    throw new UsageException("time windows, stages and --jmeter-sub-samples apply to raw tool output, not to an extracted run JSON");
                }
                try (Reader reader = InputFiles.openText(path, inputs.get(0))) {
                    return RunJson.read(inputs.get(0), reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        List<String> resolved = inputs.stream().map(i -> resolveKeepingName(environment, i)).toList();
        Extraction extraction = Extractor.standard().extract(resolved, window.apply(ExtractOptions.of(config.mapping(),
                config.naming(), RelativeWindow.all())));
        extraction.warnings().forEach(w -> err.println("loadverdict: warning: " + w));
        return extraction.run();
    }

    /** Relative inputs stay as typed (so messages and the run's sources show what the user wrote). */
    private static String resolveKeepingName(Main.Environment environment, String input) {
        Path p = Path.of(input);
        return p.isAbsolute() || environment.workingDirectory().equals(Path.of("").toAbsolutePath())
                ? input : environment.resolve(input).toString();
    }
}
