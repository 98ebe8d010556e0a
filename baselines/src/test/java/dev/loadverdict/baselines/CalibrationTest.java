package dev.loadverdict.baselines;

import dev.loadverdict.codec.ConfigParser;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.config.LoadverdictConfig;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CalibrationTest {

    @Test
    void thresholdsFollowTheMeasuredNoiseAgainstHandComputedValues() {
        // p95 per run: 100 120 500 110 115 -> median 115, MAD 5, sigma 7.413 ms = 6.446% of the median;
        // a two-run difference has 6.446 * sqrt 2 = 9.116%: warning ceil(3 * 9.116) = 28%, critical ceil(5 * 9.116) = 46%
        List<Calibration.Suggestion> all = Calibration.of(MedianBaselineTest.history(), 3, 5, 5);
        Calibration.Suggestion p95 = all.stream()
                .filter(s -> s.endpoint().equals(Optional.of("GET /x")) && s.metric() == Metric.P95).findFirst().orElseThrow();
        assertThat(p95.median()).isEqualTo(115.0);
        assertThat(p95.noisePercent()).isCloseTo(1.4826 * 5 / 115 * 100, within(1e-9));
        assertThat(p95.warningPercent()).isEqualTo(28);
        assertThat(p95.criticalPercent()).isEqualTo(46);
        assertThat(p95.expectedFalseAlarmPercent()).isCloseTo(0.1, within(0.05));
        // of the 20 ordered pairs, the 500 ms run is > 28% worse than each of the 4 others: 4 alarms
        assertThat(p95.measuredFalseAlarmPercent()).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void theYamlFragmentIsAValidConfiguration() {
        String yaml = Calibration.yaml(Calibration.of(MedianBaselineTest.history(), 3, 5, 5));
        LoadverdictConfig config = ConfigParser.parse("calibrated.yml", new StringReader(yaml));
        assertThat(config.service("api")).isPresent();
        assertThat(yaml).contains("\"GET /x\":").contains("p95: { warning: { relative: 28% }, critical: { relative: 46% } }");
    }
}
