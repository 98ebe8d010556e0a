package dev.loadverdict.extractor;

import dev.loadverdict.codec.RunJson;
import dev.loadverdict.model.Run;
import dev.loadverdict.testsupport.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks {@code fixtures/<tool>/<version>/<case>/}: extracts each case directory and compares the run JSON
 * with the case's {@code expected.json}. Every case carries a PROVENANCE line.
 */
class FixturesTest {

    static final Path ROOT = Path.of("src/test/resources/fixtures");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            List<Path> dirs = files.filter(p -> Files.isRegularFile(p.resolve("PROVENANCE"))).sorted().toList();
            assertThat(dirs).as("fixture cases").isNotEmpty();
            return dirs.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractsAsExpected(Path caseDir) throws IOException {
        assertThat(Files.readString(caseDir.resolve("PROVENANCE")).strip()).isNotEmpty();
        String input = caseDir.toString();
        Run run = Extractor.standard().extract(List.of(input), ExtractOptions.defaults()).run();
        Golden.assertMatches(caseDir.resolve("expected.json"), RunJson.write(run));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void extractionDoesNotDependOnTheDefaultLocale(Path caseDir) {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String german = RunJson.write(Extractor.standard().extract(List.of(caseDir.toString()), ExtractOptions.defaults()).run());
            Locale.setDefault(Locale.ROOT);
            String root = RunJson.write(Extractor.standard().extract(List.of(caseDir.toString()), ExtractOptions.defaults()).run());
            assertThat(german).isEqualTo(root);
        } finally {
            Locale.setDefault(saved);
        }
    }
}
