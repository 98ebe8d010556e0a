package dev.loadverdict.reporter;

import dev.loadverdict.codec.ComparisonJson;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.testsupport.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Seals every rendered output with a golden file: the reports in each format, and the issue body, the comments on an
 * issue and the sticky pull-request comment. Each is rendered under default locales that write numbers differently
 * ({@code 1.234,5} in German, a narrow no-break space in French) and a non-UTC default zone: the output must not
 * change. Nothing is normalised: every output is deterministic (the HTML report has no timestamp, random id or
 * hash-ordered part), so the files hold exactly what is rendered. See {@link Golden} for how to update the files.
 */
class GoldenReportTest {
    /** A CI run's address as loadverdict builds it, which the bodies print as a link. */
    private static final String RUN_URL = "https://github.com/acme/shop/actions/runs/42";
    /** The marker name the issue bot gives the issue of suite nightly, service checkout (FingerprintTest pins it). */
    private static final String MARKER = "fingerprint=1fd419a7938898ce";
    private static final String REPRODUCE = "./loadverdict compare --baseline nightly@v3 results/";

    static Stream<Arguments> cases() {
        Comparison full = Fixtures.full();
        Comparison passing = Fixtures.passing();
        return Stream.of(
                report(ReportFormat.MARKDOWN, "full", "full.md"),
                report(ReportFormat.TEXT, "full", "full.txt"),
                report(ReportFormat.MARKDOWN, "passing", "passing.md"),
                report(ReportFormat.TEXT, "passing", "passing.txt"),
                report(ReportFormat.HTML, "full", "full.html"),
                report(ReportFormat.HTML, "passing", "passing.html"),
                // failures from critical up (the default), and from warning up
                report(ReportFormat.JUNIT, "full", "full.junit.xml"),
                golden("full-fail-on-warning.junit.xml", () -> Reports.render(ReportFormat.JUNIT, full, Severity.WARNING)),
                report(ReportFormat.JUNIT, "passing", "passing.junit.xml"),
                golden("issue-checkout.md", () -> Reports.issue(full, "checkout", Fixtures.markers(MARKER), "nightly", RUN_URL, REPRODUCE)),
                golden("recurrence-checkout.md", () -> Reports.recurrence(full, "checkout", Fixtures.markers("recurrence"), "nightly", RUN_URL, REPRODUCE)),
                golden("recovery-api.md", () -> Reports.recovery(passing, "api", Fixtures.markers("recovery"), "nightly", RUN_URL)),
                golden("comment-full.md", () -> Reports.comment(full, Fixtures.markers("comment"), RUN_URL)),
                golden("comment-passing.md", () -> Reports.comment(passing, Fixtures.markers("comment"), RUN_URL)),
                // a real comparison with a record of what matched: the Matching line, a flat service missing as its total
                golden("legacy-matching.md", () -> Reports.render(ReportFormat.MARKDOWN, legacyMatching())),
                golden("legacy-matching.txt", () -> Reports.render(ReportFormat.TEXT, legacyMatching())),
                golden("legacy-matching.html", () -> Reports.render(ReportFormat.HTML, legacyMatching())));
    }

    /**
     * The codec's golden comparison of a legacy baseline imported from {@code by-name.json} with a Locust 2.12 run (two
     * services paired by name, one missing, three new endpoints), read as {@code loadverdict report COMPARISON.json}
     * reads a saved comparison; one file, so the reports follow when the comparison's golden file is updated.
     */
    static Comparison legacyMatching() {
        Path file = Path.of("..", "codec").resolve(Golden.file("comparison-legacy-matching.json"));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return ComparisonJson.read(file.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesGoldenFileUnderEveryLocale(String golden, Supplier<String> render) {
        Golden.assertMatchesUnderEveryLocale(Golden.file(golden), render);
    }

    private static Arguments report(ReportFormat format, String fixture, String golden) {
        return golden(golden, () -> Reports.render(format, fixture.equals("full") ? Fixtures.full() : Fixtures.passing()));
    }

    private static Arguments golden(String name, Supplier<String> render) {
        return Arguments.of(name, render);
    }
}
