package dev.loadverdict.reporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares rendered output with a file under {@code src/test/resources/golden/}.
 *
 * <p>To accept a deliberate change of the output, run the tests once with
 * {@code -Dloadverdict.updateGolden=true} (e.g. {@code ./mvnw -pl reporter test -Dloadverdict.updateGolden=true}):
 * the golden files are rewritten with what was rendered, and the diff is then reviewed in git.
 */
final class GoldenFiles {
    static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");
    static final boolean UPDATE = Boolean.getBoolean("loadverdict.updateGolden");

    private GoldenFiles() {
    }

    static void assertMatches(String name, String actual) {
        Path file = DIRECTORY.resolve(name);
        try {
            if (UPDATE) {
                Files.createDirectories(DIRECTORY);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s (create it with -Dloadverdict.updateGolden=true)", file).exists();
            assertThat(actual).as("output against %s", file).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
