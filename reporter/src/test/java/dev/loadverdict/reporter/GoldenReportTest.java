package dev.loadverdict.reporter;

import dev.loadverdict.testsupport.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * Seals the rendered reports with golden files, under default locales that write numbers differently
 * ({@code 1.234,5} in German, a narrow no-break space in French) and a non-UTC default zone: the output must
 * not change. See {@link Golden} for how to update the files.
 */
class GoldenReportTest {

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
        Golden.assertMatchesUnderEveryLocale(Golden.file(golden), () -> render(format, fixture));
    }

    private static String render(ReportFormat format, String fixture) {
        return Reports.render(format, fixture.equals("full") ? Fixtures.full() : Fixtures.passing());
    }
}
