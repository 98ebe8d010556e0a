package dev.loadverdict.reporter;

import dev.loadverdict.model.scaling.CurveChange;
import dev.loadverdict.model.scaling.CurveId;
import dev.loadverdict.model.scaling.Knee;
import dev.loadverdict.model.scaling.LevelChange;
import dev.loadverdict.model.scaling.LoadKind;
import dev.loadverdict.model.scaling.ScalingAnalysis;
import dev.loadverdict.model.scaling.ScalingComparison;
import dev.loadverdict.model.scaling.ScalingCurve;
import dev.loadverdict.model.scaling.ScalingLevel;
import dev.loadverdict.model.scaling.ScalingPoint;
import dev.loadverdict.model.scaling.ScalingReport;
import dev.loadverdict.testsupport.Golden;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The capacity-curve report in text, Markdown and HTML, sealed by golden files under several locales. The report is
 * built by hand (numbers chosen by the test); its endpoint and a source carry hostile text.
 */
class ScalingReportsTest {

    static final String HOSTILE = "GET /x<img src=x onerror=alert(1)> @team *bold* \u001b]0;title\u0007|";

    static ScalingReport report() {
        double[] loads = {5, 10, 20, 50};
        ScalingCurve base = curve(CurveId.total("shop"), loads, new double[] {50, 100, 190, 260}, new long[] {0, 0, 0, 40},
                Knee.at(20, false), OptionalDouble.of(50));
        ScalingCurve cur = curve(CurveId.total("shop"), loads, new double[] {50, 95, 120, 122}, new long[] {0, 0, 30, 90},
                Knee.at(10, false), OptionalDouble.of(20));
        ScalingCurve endpoint = curve(CurveId.endpoint("shop", HOSTILE), loads, new double[] {25, 48, 60, 61},
                new long[] {0, 0, 15, 45}, Knee.at(10, false), OptionalDouble.of(20));
        List<ScalingLevel> levels = new ArrayList<>();
        for (double l : loads) {
            levels.add(new ScalingLevel(l, "slower/users-" + (int) l + ".jtl.gz" + (l == 50 ? " \u001b[2J" : "")));
        }
        ScalingAnalysis current = new ScalingAnalysis(LoadKind.USERS, levels, List.of(cur, endpoint));
        ScalingAnalysis baseline = new ScalingAnalysis(LoadKind.USERS, levels, List.of(base));
        List<LevelChange> changes = new ArrayList<>();
        for (int i = 0; i < loads.length; i++) {
            ScalingPoint b = base.points().get(i);
            ScalingPoint c = cur.points().get(i);
            changes.add(new LevelChange(loads[i], b.throughput(), c.throughput(), b.p95(), c.p95(), i >= 2));
        }
        CurveChange change = new CurveChange(cur.id(), base.knee(), cur.knee(), base.errorOnset(), cur.errorOnset(), changes,
                List.of(CurveChange.Regression.KNEE_AT_LOWER_LOAD, CurveChange.Regression.ERRORS_AT_LOWER_LOAD,
                        CurveChange.Regression.THROUGHPUT_DROP));
        return new ScalingReport(current, Optional.of(new ScalingComparison(baseline, 10, List.of(change))));
    }

    private static ScalingCurve curve(CurveId id, double[] loads, double[] throughput, long[] failures, Knee knee,
                                      OptionalDouble onset) {
        List<ScalingPoint> points = new ArrayList<>();
        for (int i = 0; i < loads.length; i++) {
            double p95 = 40 * Math.max(1, loads[i] / 10);
            points.add(new ScalingPoint(loads[i], (long) (throughput[i] * 60), failures[i], OptionalDouble.of(throughput[i]),
                    OptionalDouble.of(p95 / 2), OptionalDouble.of(p95), OptionalDouble.of(p95 * 1.3)));
        }
        return new ScalingCurve(id, points, knee, onset);
    }

    @Test
    void text() {
        Golden.assertMatchesUnderEveryLocale(Golden.file("scaling.txt"), () -> ScalingReports.render(ReportFormat.TEXT, report()));
    }

    @Test
    void markdown() {
        Golden.assertMatchesUnderEveryLocale(Golden.file("scaling.md"), () -> ScalingReports.render(ReportFormat.MARKDOWN, report()));
    }

    @Test
    void html() {
        Golden.assertMatchesUnderEveryLocale(Golden.file("scaling.html"), () -> ScalingReports.render(ReportFormat.HTML, report()));
    }

    @Test
    void hostileTextIsInertInEachFormat() {
        String text = ScalingReports.render(ReportFormat.TEXT, report());
        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").contains("the knee moved from 20 to 10 users");
        String md = ScalingReports.render(ReportFormat.MARKDOWN, report());
        assertThat(md).doesNotContain("<img").doesNotContain("@team").doesNotContain("*bold*").doesNotContain("\u001b");
        String html = ScalingReports.render(ReportFormat.HTML, report());
        assertThat(html).doesNotContain("<img").contains("&lt;img").doesNotContain("\u001b").doesNotContain("<script");
    }

    @Test
    void jsonAndJunitHaveNoTemplate() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScalingReports.render(ReportFormat.JUNIT, report()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
