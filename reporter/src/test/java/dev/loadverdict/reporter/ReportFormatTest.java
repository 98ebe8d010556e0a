package dev.loadverdict.reporter;

import dev.loadverdict.model.compare.Comparison;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormatTest {

    @Test
    void idsAndAliases() {
        assertThat(ReportFormat.TEXT.id()).isEqualTo("text");
        assertThat(ReportFormat.MARKDOWN.id()).isEqualTo("md");
        assertThat(ReportFormat.fromId("text")).contains(ReportFormat.TEXT);
        assertThat(ReportFormat.fromId("md")).contains(ReportFormat.MARKDOWN);
        assertThat(ReportFormat.fromId(" Markdown ")).contains(ReportFormat.MARKDOWN);
        assertThat(ReportFormat.fromId("html")).contains(ReportFormat.HTML);
        assertThat(ReportFormat.fromId("junit")).contains(ReportFormat.JUNIT);
        assertThat(ReportFormat.fromId("JSON")).contains(ReportFormat.JSON);
        assertThat(ReportFormat.fromId("txt")).contains(ReportFormat.TEXT);
        assertThat(ReportFormat.JSON.templated()).isFalse();
        assertThat(ReportFormat.fromId("pdf")).isEmpty();
        assertThat(ReportFormat.fromId("")).isEmpty();
    }

    @Test
    void anEmptyComparisonPasses() {
        Comparison empty = Fixtures.comparison(List.of(), List.of());
        assertThat(Reports.render(ReportFormat.MARKDOWN, empty))
                .startsWith("## loadverdict: PASS — no regressions\n")
                .doesNotContain("###", "Significance");
        assertThat(Reports.render(ReportFormat.TEXT, empty)).startsWith("loadverdict: PASS — no regressions\n");
    }

    @Test
    void everyFormatHasARenderer() {
        for (ReportFormat format : ReportFormat.values()) {
            ReportRenderer renderer = Reports.renderer(format);
            assertThat(renderer.format()).isEqualTo(format);
            assertThat(renderer.render(Fixtures.passing())).isNotBlank().endsWith("\n");
        }
    }
}
