package dev.loadverdict.codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares output with a golden file. Run the tests with {@code -Dloadverdict.updateGolden=true} to rewrite
 * the golden files after an intended change, then review the diff.
 */
final class Golden {

    private Golden() {
    }

    static void assertMatches(Path golden, String actual) throws IOException {
        if (Boolean.getBoolean("loadverdict.updateGolden") || !Files.exists(golden)) {
            if (!Boolean.getBoolean("loadverdict.updateGolden")) {
                throw new AssertionError("no golden file " + golden + "; run with -Dloadverdict.updateGolden=true to create it");
            }
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
