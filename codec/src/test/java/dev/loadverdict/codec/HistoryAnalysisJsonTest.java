package dev.loadverdict.codec;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.history.Acknowledgement;
import dev.loadverdict.model.history.ChangePoint;
import dev.loadverdict.model.history.HistoryAnalysis;
import dev.loadverdict.model.history.MetricChanges;
import dev.loadverdict.model.history.RunRef;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryAnalysisJsonTest {

    private static RunRef run(int v) {
        return new RunRef(v, "20261201T020000.000Z-abc" + v, Instant.parse("2026-12-01T02:00:00Z").plusSeconds(86_400L * v),
                v == 3 ? Optional.empty() : Optional.of("3f9c2ab" + v));
    }

    static HistoryAnalysis analysis() {
        ChangePoint confirmed = new ChangePoint(run(20), run(21), 148, 180, 0.0, ChangePoint.Status.CONFIRMED, 10);
        ChangePoint pending = new ChangePoint(run(27), run(28), 0.1, 2.4, 0.0297, ChangePoint.Status.PENDING, 3);
        return new HistoryAnalysis("nightly", 30, Optional.of(run(3)), HistoryAnalysis.Settings.DEFAULT,
                List.of(new Acknowledgement(run(3), "new index </script> \u202e", Instant.parse("2026-12-04T10:00:00Z"))),
                List.of(new MetricChanges("shop", Optional.of("GET /api/search"), Metric.P95, 30, List.of(confirmed)),
                        new MetricChanges("shop", Optional.empty(), Metric.ERROR_RATE, 29, List.of(pending)),
                        new MetricChanges("shop", Optional.empty(), Metric.P50, 30, List.of())),
                List.of("1 series lack a value in some runs"));
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        HistoryAnalysis a = analysis();
        String json = HistoryAnalysisJson.write(a);
        assertThat(json).contains("\"changePoints\": []");
        HistoryAnalysis back = HistoryAnalysisJson.read(Node.parse(Json.FACTORY, "h.json", new StringReader(json)));
        assertThat(back).isEqualTo(a);
    }

    @Test
    void aDamagedPointNamesItsPlace() {
        String json = HistoryAnalysisJson.write(analysis()).replace("\"confirmed\"", "\"maybe\"");
        assertThatThrownBy(() -> HistoryAnalysisJson.read(Node.parse(Json.FACTORY, "h.json", new StringReader(json))))
                .hasMessageContaining("h.json").hasMessageContaining("unknown value 'maybe'");
    }
}
