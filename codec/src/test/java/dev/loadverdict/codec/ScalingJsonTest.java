package dev.loadverdict.codec;

import dev.loadverdict.model.InputException;
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

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code loadverdict.scaling/1}: sealed by a golden file, read back as a baseline curve. Hand-made values. */
class ScalingJsonTest {

    private static final String HOSTILE = "GET /\"quoted\"\n<b>\u001b[31m";

    private static ScalingReport report() {
        List<ScalingLevel> levels = List.of(new ScalingLevel(5, "a.jtl"), new ScalingLevel(10, "b.jtl"),
                new ScalingLevel(20.5, "c.jtl"));
        List<ScalingPoint> points = List.of(point(5, 50), point(10, 100), point(20.5, 104));
        ScalingCurve total = new ScalingCurve(CurveId.total("shop"), points, Knee.at(10, false), OptionalDouble.empty());
        ScalingCurve endpoint = new ScalingCurve(CurveId.endpoint("shop", HOSTILE), points.subList(0, 2), Knee.unknown(),
                OptionalDouble.of(10));
        ScalingAnalysis analysis = new ScalingAnalysis(LoadKind.USERS, levels, List.of(total, endpoint));
        CurveChange change = new CurveChange(total.id(), Knee.notReached(), Knee.at(10, false), OptionalDouble.empty(),
                OptionalDouble.empty(), List.of(new LevelChange(5, OptionalDouble.of(50), OptionalDouble.of(40),
                OptionalDouble.empty(), OptionalDouble.of(12), true)), List.of(CurveChange.Regression.THROUGHPUT_DROP));
        return new ScalingReport(analysis, Optional.of(new ScalingComparison(analysis, 10, List.of(change))));
    }

    private static ScalingPoint point(double load, double throughput) {
        return new ScalingPoint(load, (long) throughput * 60, 3, OptionalDouble.of(throughput), OptionalDouble.of(10),
                OptionalDouble.of(20), OptionalDouble.empty());
    }

    @Test
    void theDocumentIsSealed() {
        Golden.assertMatchesUnderEveryLocale(Golden.file("scaling.json"), () -> ScalingJson.write(report()));
    }

    @Test
    void itReadsBackAsTheCurvesPoints() {
        String json = ScalingJson.write(report());
        assertThat(ScalingJson.detect(json)).isTrue();
        ScalingJson.Saved saved = ScalingJson.read("s.json", new StringReader(json));
        assertThat(saved.kind()).isEqualTo(LoadKind.USERS);
        assertThat(saved.levels()).isEqualTo(report().current().levels());
        assertThat(saved.curves().keySet()).containsExactly(CurveId.total("shop"), CurveId.endpoint("shop", HOSTILE));
        assertThat(saved.curves().get(CurveId.total("shop"))).isEqualTo(report().current().curves().get(0).points());
    }

    @Test
    void anotherDocumentIsRefusedWithItsLine() {
        assertThatThrownBy(() -> ScalingJson.read("r.json", new StringReader("{\n\"schema\": \"loadverdict.run/1\"}")))
                .isInstanceOf(InputException.class).hasMessageContaining("r.json:2:")
                .hasMessageContaining("expected a loadverdict.scaling document");
        assertThatThrownBy(() -> ScalingJson.read("k.json", new StringReader(
                "{\"schema\": \"loadverdict.scaling/1\", \"kind\": \"rps\", \"levels\": [], \"curves\": []}")))
                .isInstanceOf(InputException.class).hasMessageContaining("kind must be users or arrival_rate");
    }
}
