package dev.loadverdict.reporter;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.history.Acknowledgement;
import dev.loadverdict.model.history.ChangePoint;
import dev.loadverdict.model.history.HistoryAnalysis;
import dev.loadverdict.model.history.MetricChanges;
import dev.loadverdict.model.history.RunRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The change points of the baseline suite, as a section of the text, Markdown and HTML reports. */
class ChangePointSectionTest {

    private static final String HOSTILE = "GET /x</li><script>alert(1)</script> @admin \u202e";

    private static RunRef run(int v) {
        return new RunRef(v, "r" + v, Instant.parse("2026-12-01T02:00:00Z"), Optional.of("8984005a1dd1e8c57b9d58d391c8d390d3615688"));
    }

    private static Comparison withHistory(List<ChangePoint> points, List<Acknowledgement> acks) {
        HistoryAnalysis a = new HistoryAnalysis("nightly", 30, Optional.of(run(1)), HistoryAnalysis.Settings.DEFAULT, acks,
                List.of(new MetricChanges("shop", Optional.of(HOSTILE), Metric.P95, 30, points)), List.of());
        return Fixtures.full().withHistory(a);
    }

    @Test
    void everyFormatListsTheStepsWithRunCommitMediansAndPValue() {
        Comparison c = withHistory(List.of(new ChangePoint(run(20), run(21), 148, 180, 0, ChangePoint.Status.CONFIRMED, 10),
                new ChangePoint(run(26), run(28), 180, 240, 0.0297, ChangePoint.Status.PENDING, 3)), List.of());
        String text = Reports.render(ReportFormat.TEXT, c);
        assertThat(text).contains("Change points in suite nightly's history: 2 steps, 1 of them pending (E-divisive means over 30 recorded runs)")
                .contains("step at v21 (8984005), 148 ms → 180 ms (+21.6%), p < 0.01, confirmed")
                .contains("step between v26 and v28 (8984005), 180 ms → 240 ms (+33.3%), p = 0.030, pending (3 of 5 runs after it)");
        assertThat(Reports.render(ReportFormat.MARKDOWN, c)).contains("<details><summary>Change points in suite nightly")
                .doesNotContain("<script>").doesNotContain(" @admin");
        String html = Reports.render(ReportFormat.HTML, c);
        assertThat(html).contains("<details class=\"change-points\">").doesNotContain("<script>alert").doesNotContain("</li><script>");
    }

    @Test
    void anAcknowledgedStepIsListedWithItsNoteAndNoStepsMeansNoSection() {
        Comparison quiet = withHistory(List.of(), List.of());
        assertThat(Reports.render(ReportFormat.TEXT, quiet)).doesNotContain("Change points");
        Comparison acked = withHistory(List.of(), List.of(new Acknowledgement(run(21), "index rebuilt <b>", Instant.parse("2026-12-02T00:00:00Z"))));
        assertThat(Reports.render(ReportFormat.TEXT, acked)).contains("Acknowledged step at v21 (8984005): index rebuilt <b>");
        assertThat(Reports.render(ReportFormat.HTML, acked)).contains("index rebuilt &lt;b&gt;");
    }
}
