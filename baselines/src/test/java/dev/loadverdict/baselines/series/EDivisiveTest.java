package dev.loadverdict.baselines.series;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-divisive against MongoDB's reference implementation: its hand-written cases (test_detection.py, pvalue 0.01,
 * 100 permutations) and its data files, whose change points below were printed by the reference itself (commit
 * aec099a, C extension built, numpy seed 1234 unless noted), see src/test/resources/e-divisive/PROVENANCE.md.
 */
class EDivisiveTest {

    private static final EDivisive REFERENCE = new EDivisive(0.01, 100, EDivisive.DEFAULT_SEED);

    private static List<Integer> points(EDivisive method, double[] series) {
        return method.detect(series).stream().map(EDivisive.Found::index).sorted().toList();
    }

    private static double[] constant(int n, double v) {
        double[] s = new double[n];
        Arrays.fill(s, v);
        return s;
    }

    @Test
    void noChangeInAConstantSeries() {
        assertThat(points(REFERENCE, constant(30, 50))).isEmpty();
    }

    @Test
    void oneStep() {
        double[] s = constant(30, 50);
        Arrays.fill(s, 15, 30, 100);
        assertThat(points(REFERENCE, s)).containsExactly(15);
    }

    @Test
    void aValueAheadOfTheStepBelongsAfterIt() {
        double[] s = constant(30, 100);
        Arrays.fill(s, 0, 14, 50);
        s[14] = 74;
        assertThat(points(REFERENCE, s)).containsExactly(15);
    }

    @Test
    void aValueBehindTheStepBelongsBeforeIt() {
        double[] s = constant(30, 50);
        s[14] = 76;
        Arrays.fill(s, 15, 30, 100);
        assertThat(points(REFERENCE, s)).containsExactly(14);
    }

    @Test
    void anOutlierBeforeTheStepIsNoChangePoint() {
        double[] s = constant(30, 50);
        s[2] = 100;
        Arrays.fill(s, 15, 30, 100);
        assertThat(points(REFERENCE, s)).containsExactly(15);
    }

    /**
     * The reference's test expects [15, 33] with numpy seed 1000, but that case is borderline: the reference gives
     * [] with seed 1234, and [] with every seed tried at 1,000 permutations (its p-value is above 0.01), while at
     * p 0.05 it gives [15, 30, 33] for four seeds of five.
     */
    @Test
    void regressionAndRecovery() {
        double[] s = constant(45, 50);
        s[2] = 100;
        Arrays.fill(s, 15, 30, 100);
        s[32] = 100;
        assertThat(points(REFERENCE, s)).isEmpty();
        assertThat(points(new EDivisive(0.01, 1000, EDivisive.DEFAULT_SEED), s)).isEmpty();
        assertThat(points(new EDivisive(0.05, 100, EDivisive.DEFAULT_SEED), s)).containsExactly(15, 30, 33);
    }

    @Test
    void twoSteps() {
        double[] s = constant(45, 50);
        s[2] = 100;
        Arrays.fill(s, 15, 30, 100);
        Arrays.fill(s, 30, 45, 150);
        assertThat(points(REFERENCE, s)).containsExactly(15, 30);
    }

    @Test
    void theReferencesRandomIshSeries() {
        // test_random_ish_data: 20 values from randint(1, 50), 20 from randint(60, 120), 20 from randint(150, 250)
        double[] s = {41, 18, 23, 3, 32, 11, 40, 13, 29, 48, 47, 35, 18, 21, 6, 2, 23, 3, 4, 7, 120, 103, 102, 81, 71, 62,
                115, 61, 108, 63, 70, 98, 65, 96, 64, 74, 70, 113, 90, 114, 208, 196, 153, 150, 225, 179, 206, 165, 177, 151,
                218, 217, 244, 245, 229, 195, 225, 229, 176, 250};
        assertThat(points(REFERENCE, s)).containsExactly(20, 40);
    }

    @Test
    void aSteadyTrendIsCutIntoStepsNotLeftAlone() {
        // E-divisive looks for changes in distribution; a trend has no single one, so it is cut where the test can
        // tell the pieces apart. The drift gate, not change points, is what judges a slow slide.
        double[] s = IntStream.range(0, 60).mapToDouble(i -> 100 + i).toArray();
        List<Integer> found = points(REFERENCE, s);
        assertThat(found).isNotEmpty().allSatisfy(i -> assertThat(i).isBetween(1, 59));
    }

    @Test
    void independentNoiseHasNoChangePoints() {
        Random random = new Random(42);
        int alarms = 0;
        for (int series = 0; series < 100; series++) {
            double[] s = new double[40];
            for (int i = 0; i < s.length; i++) {
                s[i] = 100 + 5 * random.nextGaussian();
            }
            alarms += new EDivisive(0.05, 100, EDivisive.DEFAULT_SEED).detect(s).isEmpty() ? 0 : 1;
        }
        // at p 0.05 about 5 in 100 pure-noise series get a (false) change point
        assertThat(alarms).isBetween(0, 12);
    }

    @Test
    void theSameSeriesAlwaysGivesTheSamePoints() {
        double[] s = series("small.json");
        EDivisive method = new EDivisive(0.05, 100, EDivisive.DEFAULT_SEED);
        assertThat(method.detect(s)).isEqualTo(method.detect(s.clone()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "short.json; 1234; ''",
            "long_series.json; 1234; 205,395,594,794",
            "small.json; 1234; 25,64,69,114,173,198,237,242,288",
            "medium.json; 1234; 25,64,69,114,173,198,237,242,287,346,371,410,415,461",
            "large.json; 100; 25,64,68,114,173,198,237,242,287,346,371,410,415,460,519,544,583,588,633,692,717,756,761,806,"
                    + "865,890,929,934,979,1038,1063,1102,1107,1153"})
    void theReferencesDataFiles(String file, long seed, String expected) {
        List<Integer> want = expected.isEmpty() ? List.of() : Arrays.stream(expected.split(",")).map(Integer::valueOf).toList();
        assertThat(points(new EDivisive(0.01, 100, seed), series(file))).isEqualTo(want);
    }

    @Test
    void theStatisticMatchesTheDirectSumsOverPairs() {
        Random random = new Random(3);
        double[] v = new double[57];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(10) * 1.5; // with ties
        }
        double[] fast = EDivisive.Statistics.of(v).q();
        for (int tau = 1; tau < v.length; tau++) {
            double x = 0;
            double y = 0;
            double xy = 0;
            for (int i = 0; i < v.length; i++) {
                for (int j = 0; j < v.length; j++) {
                    double d = Math.abs(v[i] - v[j]);
                    if (i < tau && j < tau) {
                        x += d;
                    } else if (i >= tau && j >= tau) {
                        y += d;
                    } else if (i < tau) {
                        xy += d;
                    }
                }
            }
            int n = tau;
            int m = v.length - tau;
            double e = 2 * xy / ((double) n * m) - x / ((double) n * n) - y / ((double) m * m);
            assertThat(fast[tau]).as("tau %d", tau).isCloseTo((double) n * m / (n + m) * e, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    static double[] series(String file) {
        try (InputStream in = EDivisiveTest.class.getResourceAsStream("/e-divisive/" + file)) {
            JsonNode root = new ObjectMapper().readTree(in);
            JsonNode values = root.isArray() ? root : root.get("series");
            double[] s = new double[values.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = values.get(i).asDouble();
            }
            return s;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
