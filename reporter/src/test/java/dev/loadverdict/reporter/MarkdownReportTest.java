package dev.loadverdict.reporter;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.compare.BaselineRef;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.compare.Significance;
import dev.loadverdict.model.compare.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownReportTest {
    private final String report = Reports.render(ReportFormat.MARKDOWN, Fixtures.full());

    @Test
    void firstLineIsTheVerdict() {
        assertThat(report.lines().findFirst()).contains("## loadverdict: FAIL — 2 critical, 4 warning regressions");
        assertThat(Reports.render(ReportFormat.MARKDOWN, Fixtures.passing()).lines().findFirst())
                .contains("## loadverdict: PASS — no regressions");
    }

    @Test
    void warnVerdictCountsWarningsOnly() {
        Comparison warn = Fixtures.comparison(List.of(Fixtures.finding("api", "GET /a", Metric.P95)
                .values(10, 20, 10, 100).regression(Severity.WARNING, "warning").build()), List.of());
        assertThat(warn.verdict()).isEqualTo(Verdict.WARN);
        assertThat(Reports.render(ReportFormat.MARKDOWN, warn)).startsWith("## loadverdict: WARN — 1 warning regression\n");
    }

    @Test
    void worstRegressionsComeBeforeTheServices() {
        int regressions = report.indexOf("### Worst regressions");
        assertThat(regressions).isPositive().isLessThan(report.indexOf("### checkout"));
        assertThat(report.indexOf("### checkout")).isLessThan(report.indexOf("### New and missing endpoints"));
    }

    @Test
    void unchangedChecksAreCollapsedInsideDetails() {
        String checkout = section(report, "### checkout", "### payments");
        int open = checkout.indexOf("<details><summary>2 unchanged checks</summary>");
        int close = checkout.indexOf("</details>");
        assertThat(open).isPositive();
        String details = checkout.substring(open, close);
        assertThat(details).contains("| GET /search | p95 |", "| \\(total\\) | p95 |");
        assertThat(checkout.substring(0, open)).doesNotContain("GET /search", "unchanged |");
    }

    @Test
    void untrustedTextNeverAppearsRaw() {
        assertThat(report).doesNotContain(
                Fixtures.HOSTILE_ENDPOINT, "x|y", "<script", "@octocat", "\u001B", "**bold**", "[link](",
                "# title", " `rm");
        assertThat(report).contains("GET /x\\|y &lt;script&gt;@\u200Doctocat",
                "(results/\\`rm -rf \\~\\`\\_stats.csv,");
        assertThat(report.lines().filter(l -> l.startsWith("#")))
                .allMatch(l -> l.startsWith("## loadverdict:") || l.startsWith("### "));
    }

    @Test
    void tableRowsKeepTheirColumnCount() {
        for (String table : List.of("| Severity |", "| Endpoint | Metric | Baseline | Current | Change | Critical")) {
            int start = report.indexOf(table);
            List<String> rows = report.substring(start).lines().takeWhile(l -> l.startsWith("|")).toList();
            long columns = cells(rows.get(0));
            assertThat(rows).allSatisfy(row -> assertThat(cells(row)).as(row).isEqualTo(columns));
        }
    }

    @Test
    void notesExplainRoundingAndUntestedSignificance() {
        assertThat(report).contains("> Locust rounds response times ≥ 100 ms to 2 significant digits; changes "
                + "smaller than one rounding step are not meaningful.");
        assertThat(report).contains("> Significance could not be tested for 10 of 11 checks (aggregates only): "
                + "thresholds alone decided.");
    }

    @Test
    void noNotesWhenPreciseAndTested() {
        Comparison precise = new Comparison(
                RunMetadata.of(Tool.JMETER, Optional.empty(), List.of("results.jtl"),
                        SourcePrecision.wholeMilliseconds()),
                baselineOf(Tool.JMETER), Optional.empty(),
                List.of(Fixtures.finding("api", "GET /a", Metric.P95).values(10, 10, 0, 0)
                        .significance(new Significance(Significance.Status.NOT_SIGNIFICANT, OptionalDouble.of(0.4),
                                "Mann-Whitney U", ""))
                        .build()),
                List.of(), Verdict.PASS);
        String md = Reports.render(ReportFormat.MARKDOWN, precise);
        assertThat(md).doesNotContain("rounds", "Significance could not");
        assertThat(md).contains("**Current:** JMeter (results.jtl)", "**Thresholds:** built-in defaults");
        assertThat(md).contains("<details><summary>1 unchanged check</summary>");
    }

    @Test
    void zeroBaselineShowsNoInfinityOrNaN() {
        assertThat(report).contains("| GET /status | error rate | 0.00% | 1.5% | +1.5 pp |");
        assertThat(report).doesNotContainIgnoringCase("infinity").doesNotContain("NaN", "∞");
    }

    private static BaselineRef baselineOf(Tool tool) {
        BaselineRef b = Fixtures.baseline();
        return new BaselineRef(b.location(), b.version(), b.created(), b.provenance(),
                RunMetadata.of(tool, Optional.empty(), List.of(), SourcePrecision.wholeMilliseconds()));
    }

    private static String section(String text, String from, String to) {
        return text.substring(text.indexOf(from), text.indexOf(to));
    }

    /** Cells of a table row, not counting escaped pipes. */
    private static long cells(String row) {
        return row.replace("\\|", "").chars().filter(c -> c == '|').count();
    }
}
