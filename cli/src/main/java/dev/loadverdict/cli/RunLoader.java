package dev.loadverdict.cli;

import dev.loadverdict.codec.SavedRun;
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
import java.util.Optional;

/**
 * Loads a run from what the user named: raw tool output or a directory of it; one of loadverdict's own documents
 * that hold a run (a run JSON from {@code extract}, a baseline file, a suite's history file); or a run of a suite's
 * history by its reference, {@code SUITE@vN}. Warnings of the extraction (a truncated last line, a skipped file) go
 * to the error stream.
 */
final class RunLoader {

    private RunLoader() {
    }

    static Run load(Main.Environment environment, List<String> inputs, LoadverdictConfig config, ReadOptions window,
                    PrintWriter err) {
        return load(environment, inputs, config, window, err, Optional.empty());
    }

    /** As above; {@code suites} resolves a {@code SUITE@vN} input that is not a file. */
    static Run load(Main.Environment environment, List<String> inputs, LoadverdictConfig config, ReadOptions window,
                    PrintWriter err, Optional<BaselineSource> suites) {
        if (inputs.size() == 1) {
            Optional<Run> saved = saved(environment, inputs.get(0), suites);
            if (saved.isPresent()) {
                if (window.selectsPart()) {
                    throw new UsageException("time windows, stages and --jmeter-sub-samples apply to raw tool output, not to "
                            + inputs.get(0) + ", a run loadverdict already extracted");
                }
                return saved.get();
            }
        }
        List<String> resolved = inputs.stream().map(i -> resolveKeepingName(environment, i)).toList();
        Extraction extraction = Extractor.standard(splitting(environment)).extract(resolved, window.apply(ExtractOptions.of(config.mapping(),
                config.naming(), RelativeWindow.all())));
        extraction.warnings().forEach(w -> err.println("loadverdict: warning: " + w));
        return extraction.run();
    }

    /**
     * How many threads a large JTL CSV or k6 NDJSON file is read on: {@code LOADVERDICT_THREADS} (1 to 256), else one
     * per core.
     */
    static dev.loadverdict.extractor.Splitting splitting(Main.Environment environment) {
        String threads = environment.variables().get("LOADVERDICT_THREADS");
        if (threads == null || threads.isBlank()) {
            return dev.loadverdict.extractor.Splitting.DEFAULT;
        }
        try {
            int n = Integer.parseInt(threads.strip());
            if (n >= 1 && n <= 256) {
                return new dev.loadverdict.extractor.Splitting(n, dev.loadverdict.extractor.Splitting.MIN_PART_BYTES);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException("LOADVERDICT_THREADS must be a whole number from 1 to 256, not '"
                + dev.loadverdict.model.TerminalText.oneLine(threads) + "'");
    }

    private static Optional<Run> saved(Main.Environment environment, String input, Optional<BaselineSource> suites) {
        Path path = environment.resolve(input);
        if (Files.isRegularFile(path)) {
            Optional<SavedRun.Kind> kind = SavedRun.detect(InputFiles.head(path, input).text());
            if (kind.isEmpty()) {
                return Optional.empty();
            }
            try (Reader reader = InputFiles.openText(path, input)) {
                return Optional.of(SavedRun.read(kind.get(), input, reader));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Files.exists(path) && suites.isPresent()) {
            return suites.get().recordedRun(input).map(dev.loadverdict.model.Baseline::run);
        }
        return Optional.empty();
    }

    /** Relative inputs stay as typed (so messages and the run's sources show what the user wrote). */
    private static String resolveKeepingName(Main.Environment environment, String input) {
        Path p = Path.of(input);
        return p.isAbsolute() || environment.workingDirectory().equals(Path.of("").toAbsolutePath())
                ? input : environment.resolve(input).toString();
    }
}
