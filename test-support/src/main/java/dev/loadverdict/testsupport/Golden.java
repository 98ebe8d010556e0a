package dev.loadverdict.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares output with a golden file, the one copy every module's tests share.
 *
 * <p>To accept a deliberate change of the output, run the tests once with {@code -Dloadverdict.updateGolden=true}
 * (e.g. {@code ./mvnw -B -pl reporter -am verify -Dloadverdict.updateGolden=true}, or the whole reactor): every golden
 * file a test reaches is rewritten with the output, missing ones are created, and the diff is then reviewed in git.
 * Without the property a missing golden file fails the test, so a new one is never created silently.
 */
public final class Golden {
    /** Where a module keeps its golden files, relative to the module (surefire's working directory). */
    public static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    /** The golden file {@code name} in {@link #DIRECTORY}. */
    public static Path file(String name) {
        return DIRECTORY.resolve(name);
    }

    /** Whether this run rewrites golden files instead of checking them ({@code -Dloadverdict.updateGolden=true}). */
    public static boolean updating() {
        return Boolean.getBoolean("loadverdict.updateGolden");
    }

    /** Asserts that {@code actual} is the golden file's text (UTF-8), or rewrites the file when {@link #updating()}. */
    public static void assertMatches(Path golden, String actual) {
        try {
            if (updating()) {
                Path parent = golden.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(golden)) {
                throw new AssertionError("no golden file " + golden + "; run with -Dloadverdict.updateGolden=true to create it");
            }
            assertThat(actual).as("output against %s", golden).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders three times, under default locales that write numbers differently ({@code 1.234,5} in German, a narrow
     * no-break space in French) and a non-UTC default zone as well as under {@link Locale#ROOT} and UTC, asserts that
     * the output never changes, and compares it with the golden file. The JVM's defaults are restored afterwards.
     */
    public static void assertMatchesUnderEveryLocale(Path golden, Supplier<String> render) {
        Locale savedLocale = Locale.getDefault();
        TimeZone savedZone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            String underRoot = render.get();

            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
            String underGerman = render.get();

            Locale.setDefault(Locale.FRANCE);
            String underFrench = render.get();

            assertThat(underGerman).as("under de-DE, Pacific/Auckland").isEqualTo(underRoot);
            assertThat(underFrench).as("under fr-FR, Pacific/Auckland").isEqualTo(underRoot);
            assertMatches(golden, underRoot);
        } finally {
            Locale.setDefault(savedLocale);
            TimeZone.setDefault(savedZone);
        }
    }
}
