package dev.loadverdict.cli;

import dev.loadverdict.codec.ComparisonJson;
import dev.loadverdict.extractor.InputFiles;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.compare.Comparison;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What the commands working on a saved comparison share: reading it, and the GitHub Actions run it came from. */
final class SavedComparisons {

    private SavedComparisons() {
    }

    /** Reads a comparison JSON; a missing or broken file is bad input naming it. */
    static Comparison read(Main.Environment environment, String file) {
        Path path = environment.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new InputException(file, "no such file");
        }
        try (Reader reader = InputFiles.openText(path, file)) {
            return ComparisonJson.read(file, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of the GitHub Actions run this process is part of, when it is part of one. */
    static Optional<String> runUrl(Map<String, String> env) {
        if (env.containsKey("GITHUB_SERVER_URL") && env.containsKey("GITHUB_REPOSITORY") && env.containsKey("GITHUB_RUN_ID")) {
            return Optional.of(env.get("GITHUB_SERVER_URL") + "/" + env.get("GITHUB_REPOSITORY") + "/actions/runs/"
                    + env.get("GITHUB_RUN_ID"));
        }
        return Optional.empty();
    }

    /** Waits between GitHub retries. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry GitHub", e);
        }
    }
}
