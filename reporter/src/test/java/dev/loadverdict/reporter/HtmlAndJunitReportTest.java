package dev.loadverdict.reporter;

import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Severity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML and JUnit reports: self-contained, well-formed, and inert against hostile names. */
class HtmlAndJunitReportTest {

    private static final Comparison REGRESSED = Fixtures.full();

    @Test
    void theHtmlReportIsSelfContained() {
        String html = Reports.render(ReportFormat.HTML, REGRESSED);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("Content-Security-Policy");
        // no resource from anywhere else: the only URL is the SVG namespace
        assertThat(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find()).isFalse();
        assertThat(html).doesNotContain("<a ").doesNotContain("<img").doesNotContain("<link").doesNotContain("<iframe")
                .doesNotContain("@import").doesNotContain("url(");
        // a URL inside a hostile endpoint name stays text
        assertThat(html).contains("<td>POST /admin **bold** [link](http://evil) #1 # title</td>");
    }

    @Test
    void hostileNamesAreEscapedInHtml() {
        String html = Reports.render(ReportFormat.HTML, REGRESSED);
        assertThat(html).doesNotContain("<script>@octocat").contains("&lt;script&gt;@octocat")
                .doesNotContain("\u001B");
        assertThat(html.split("<script>", -1).length - 1).isEqualTo(1); // only loadverdict's own sorting script
    }

    @Test
    void chartTooltipsAndTitlesAreSanitisedAndBoundedLikeEveryOtherName() {
        String hostile = "GET /\u001B]0;pwned\u0007\u001B[2J\u202Eevil\u2066 " + "a".repeat(100_000);
        String html = Reports.render(ReportFormat.HTML, withEndpoint(hostile));
        String plain = Reports.render(ReportFormat.HTML, withEndpoint("GET /x"));
        assertThat(html).doesNotContain("\u001B").doesNotContain("\u0007").doesNotContain("\u202E").doesNotContain("\u2066")
                .doesNotContain("pwned").contains("<title>GET /evil aaa");
        // every place the name appears holds at most 200 characters of it: a 100 KB name adds a few KB, not 600
        assertThat(html.length() - plain.length()).isLessThan(8_000);
        assertThat(Pattern.compile("a{201}").matcher(html).find()).isFalse();
    }

    private static Comparison withEndpoint(String endpoint) {
        return Fixtures.comparison(java.util.List.of(Fixtures.finding("checkout", endpoint, dev.loadverdict.model.Metric.P95)
                .values(20, 40, 20, 100).regression(Severity.CRITICAL, "critical: +100% > 25%").build()), java.util.List.of());
    }

    @Test
    void theJunitReportIsWellFormedXmlWithFailuresFromTheFailingSeverity() throws Exception {
        String critical = Reports.render(ReportFormat.JUNIT, REGRESSED, Severity.CRITICAL);
        String warning = Reports.render(ReportFormat.JUNIT, REGRESSED, Severity.WARNING);
        String never = Reports.render(ReportFormat.JUNIT, REGRESSED, Severity.NONE);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(critical.getBytes(StandardCharsets.UTF_8)));
        long criticals = REGRESSED.regressions().stream().filter(f -> f.severity() == Severity.CRITICAL).count();
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo((int) criticals);
        assertThat(count(warning, "<failure ")).isEqualTo(REGRESSED.regressions().size());
        assertThat(count(never, "<failure ")).isZero();
        assertThat(critical).contains("&lt;script&gt;@octocat").doesNotContain("<script>");
        assertThat(critical).contains("<skipped message=\"new endpoint");
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
