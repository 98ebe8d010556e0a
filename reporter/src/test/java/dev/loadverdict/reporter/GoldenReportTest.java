package dev.loadverdict.reporter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seals the rendered reports with golden files, under default locales that write numbers differently
 * ({@code 1.234,5} in German, a narrow no-break space in French) and a non-UTC default zone: the output must
 * not change. See {@link GoldenFiles} for how to update the files.
 */
class GoldenReportTest {
    private Locale savedLocale;
    private TimeZone savedZone;

    @BeforeEach
    void save() {
        savedLocale = Locale.getDefault();
        savedZone = TimeZone.getDefault();
    }

    @AfterEach
    void restore() {
        Locale.setDefault(savedLocale);
        TimeZone.setDefault(savedZone);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(ReportFormat.MARKDOWN, "full", "full.md"),
                Arguments.of(ReportFormat.TEXT, "full", "full.txt"),
                Arguments.of(ReportFormat.MARKDOWN, "passing", "passing.md"),
                Arguments.of(ReportFormat.TEXT, "passing", "passing.txt"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("cases")
    void matchesGoldenFileUnderEveryLocale(ReportFormat format, String fixture, String golden) {
        Locale.setDefault(Locale.ROOT);
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        String underRoot = render(format, fixture);

        Locale.setDefault(Locale.GERMANY);
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Auckland"));
        String underGerman = render(format, fixture);

        Locale.setDefault(Locale.FRANCE);
        String underFrench = render(format, fixture);

        assertThat(underGerman).isEqualTo(underRoot);
        assertThat(underFrench).isEqualTo(underRoot);
        GoldenFiles.assertMatches(golden, underRoot);
    }

    private static String render(ReportFormat format, String fixture) {
        return Reports.render(format, fixture.equals("full") ? Fixtures.full() : Fixtures.passing());
    }
}
