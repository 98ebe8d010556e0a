package dev.loadverdict.codec;

import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.config.HistorySettings;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.history.HistoryAnalysis;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code history:} in loadverdict.yml: change-point settings and the drift gate. */
class HistoryConfigTest {

    private static LoadverdictConfig parse(String yaml) {
        return ConfigParser.parse("loadverdict.yml", new StringReader(yaml));
    }

    @Test
    void withoutAHistoryBlockTheDefaultsApplyAndTheDriftGateIsOff() {
        HistorySettings h = parse("defaults: {minRequests: 10}\n").history();
        assertThat(h.changePoints()).isEqualTo(HistoryAnalysis.Settings.DEFAULT);
        assertThat(h.drift()).isEmpty();
    }

    @Test
    void everySettingIsRead() {
        HistorySettings h = parse("""
                history:
                  changePoints: { pValue: 0.01, permutations: 200, minShift: 8%, minErrorRateShift: 1pp, pendingRuns: 3, minRuns: 10 }
                  drift:
                    reference: tag:v2.4.0
                    window: 3
                    metrics:
                      p95: { warning: { relative: 10% }, critical: { relative: 20%, delta: 10ms } }
                """).history();
        HistoryAnalysis.Settings c = h.changePoints();
        assertThat(c.pValue()).isEqualTo(0.01);
        assertThat(c.permutations()).isEqualTo(200);
        assertThat(c.minShiftPercent()).isEqualTo(8);
        assertThat(c.minErrorRateShift()).isEqualTo(1);
        assertThat(c.pendingRuns()).isEqualTo(3);
        assertThat(c.minRuns()).isEqualTo(10);
        HistorySettings.Drift d = h.drift().orElseThrow();
        assertThat(d.reference()).isEqualTo("tag:v2.4.0");
        assertThat(d.window()).isEqualTo(3);
        assertThat(d.rules().metrics()).containsOnlyKeys(Metric.P95);
    }

    @Test
    void mistakesNameTheirLine() {
        assertThatThrownBy(() -> parse("history:\n  drift:\n    reference: yesterday\n    metrics: {p95: {warning: {relative: 10%}}}\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("loadverdict.yml:3").hasMessageContaining("tag:NAME");
        assertThatThrownBy(() -> parse("history:\n  changePoints:\n    pValue: 1.5\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("loadverdict.yml:3").hasMessageContaining("pValue");
        assertThatThrownBy(() -> parse("history:\n  drift:\n    window: 5\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("has no metrics");
        assertThatThrownBy(() -> parse("history:\n  changepoints: {}\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("changepoints");
    }
}
