package dev.loadverdict.baselines.series;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.history.Acknowledgement;
import dev.loadverdict.model.history.ChangePoint;
import dev.loadverdict.model.history.HistoryAnalysis;
import dev.loadverdict.model.history.MetricChanges;
import dev.loadverdict.model.history.RunRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The analysis around E-divisive: segments, gaps, filters and pending points, on series of known shape. */
class ChangePointAnalysisTest {

    private static final SuiteSeries.Key P95 = new SuiteSeries.Key("shop", Optional.of("GET /api/search"), Metric.P95);
    private static final SuiteSeries.Key ERRORS = new SuiteSeries.Key("shop", Optional.of("GET /api/search"), Metric.ERROR_RATE);
    private static final ChangePointAnalysis ANALYSIS = new ChangePointAnalysis(HistoryAnalysis.Settings.DEFAULT);

    private static List<RunRef> refs(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(v -> new RunRef(v, "run-" + v, Instant.parse("2026-11-01T02:00:00Z").plusSeconds(86_400L * v),
                Optional.of(String.format("%07x", v * 4099)))).toList();
    }

    /** Values around {@code level} with 2 % noise, from a fixed seed. */
    private static double[] noisy(int n, long seed, java.util.function.IntToDoubleFunction level) {
        Random random = new Random(seed);
        return IntStream.range(0, n).mapToDouble(i -> level.applyAsDouble(i) * (1 + 0.02 * random.nextGaussian())).toArray();
    }

    private static HistoryAnalysis analyse(double[] p95, List<String> profiles, List<Acknowledgement> acks) {
        Map<SuiteSeries.Key, double[]> values = new LinkedHashMap<>();
        values.put(P95, p95);
        return ANALYSIS.analyse("nightly", SuiteSeries.ofValues(refs(p95.length), profiles, values), acks);
    }

    private static List<ChangePoint> points(double[] p95) {
        return analyse(p95, Collections.nCopies(p95.length, "jmeter, 12 users"), List.of()).series().get(0).changePoints();
    }

    @Test
    void noChangeInNoise() {
        int alarms = 0;
        for (long seed = 1; seed <= 50; seed++) {
            alarms += points(noisy(30, seed, i -> 100)).size();
        }
        // the 5 % minimum shift keeps 2 %-noise series quiet whatever the permutation test says
        assertThat(alarms).isZero();
    }

    @Test
    void oneStepNamesItsRunCommitMediansAndPValue() {
        List<ChangePoint> found = points(noisy(30, 1, i -> i < 20 ? 100 : 130));
        assertThat(found).hasSize(1);
        ChangePoint c = found.get(0);
        assertThat(c.at().version()).isEqualTo(21);
        assertThat(c.lastBefore().version()).isEqualTo(20);
        assertThat(c.at().commit()).contains(String.format("%07x", 21 * 4099));
        assertThat(c.before()).isBetween(98.0, 102.0);
        assertThat(c.after()).isBetween(127.0, 133.0);
        assertThat(c.relativePercent().getAsDouble()).isBetween(25.0, 35.0);
        assertThat(c.pValue()).isLessThanOrEqualTo(0.05);
        assertThat(c.status()).isEqualTo(ChangePoint.Status.CONFIRMED);
        assertThat(c.runsAfter()).isEqualTo(10);
    }

    @Test
    void twoSteps() {
        List<ChangePoint> found = points(noisy(45, 2, i -> i < 15 ? 100 : i < 30 ? 130 : 90));
        assertThat(found).extracting(c -> c.at().version()).containsExactly(16, 31);
    }

    @Test
    void aSmallStepIsNoChangePoint() {
        // significant to the permutation test, but 3 % is below the minimum shift
        assertThat(points(noisy(40, 3, i -> i < 20 ? 100 : 103))).isEmpty();
    }

    @Test
    void outliersAreNoSteps() {
        double[] v = noisy(30, 4, i -> 100);
        v[7] = 400;
        v[18] = 350;
        v[19] = 20;
        assertThat(points(v)).isEmpty();
    }

    @Test
    void aTwoRunBlipIsNoStep() {
        double[] v = noisy(40, 12, i -> 100);
        v[20] = 1000;
        v[21] = 1000;
        assertThat(points(v)).isEmpty();
    }

    @Test
    void aStepInTheNewestRunsIsPending() {
        List<ChangePoint> found = points(noisy(30, 5, i -> i < 27 ? 100 : 150));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).at().version()).isEqualTo(28);
        assertThat(found.get(0).status()).isEqualTo(ChangePoint.Status.PENDING);
        assertThat(found.get(0).runsAfter()).isEqualTo(3);
    }

    @Test
    void aTrendBecomesStepsThatEachMoveTheMedianByTheMinimumShift() {
        List<ChangePoint> found = points(noisy(40, 6, i -> 100 + 1.5 * i));
        assertThat(found).isNotEmpty().allSatisfy(c -> assertThat(c.relativePercent().getAsDouble()).isGreaterThanOrEqualTo(5));
    }

    @Test
    void aGapIsNeverWhereTheStepIsPlaced() {
        double[] v = noisy(30, 7, i -> i < 15 ? 100 : 140);
        v[14] = Double.NaN;
        v[15] = Double.NaN;
        HistoryAnalysis a = analyse(v, Collections.nCopies(30, "jmeter, 12 users"), List.of());
        ChangePoint c = a.series().get(0).changePoints().get(0);
        assertThat(c.lastBefore().version()).isEqualTo(14);
        assertThat(c.at().version()).isEqualTo(17);
        assertThat(a.series().get(0).values()).isEqualTo(28);
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).contains("lack a value in some runs"));
    }

    @Test
    void aProfileChangeSplitsTheHistoryAndIsNoStep() {
        List<String> profiles = new ArrayList<>(Collections.nCopies(15, "jmeter, 12 users"));
        profiles.addAll(Collections.nCopies(15, "k6, 20 users"));
        HistoryAnalysis a = analyse(noisy(30, 8, i -> i < 15 ? 100 : 160), profiles, List.of());
        assertThat(a.series().get(0).changePoints()).isEmpty();
        assertThat(a.since()).map(RunRef::version).contains(16);
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).contains("the load profile changed at v16").contains("jmeter, 12 users → k6, 20 users"));
    }

    @Test
    void tooFewRunsGiveANoteNotAGuess() {
        HistoryAnalysis a = analyse(noisy(6, 9, i -> i < 3 ? 100 : 200), Collections.nCopies(6, "jmeter, 12 users"), List.of());
        assertThat(a.series().get(0).changePoints()).isEmpty();
        assertThat(a.notes()).anySatisfy(n -> assertThat(n).contains("has 6 runs").contains("at least 8"));
    }

    @Test
    void anAcknowledgedStepRestartsDetection() {
        double[] v = noisy(30, 10, i -> i < 20 ? 100 : 130);
        RunRef at = refs(30).get(20);
        HistoryAnalysis a = analyse(v, Collections.nCopies(30, "jmeter, 12 users"),
                List.of(new Acknowledgement(at, "search moved to the new index", Instant.parse("2026-12-01T00:00:00Z"))));
        assertThat(a.series().get(0).changePoints()).isEmpty();
        assertThat(a.since()).contains(at);
        assertThat(a.current()).isEmpty();
    }

    @Test
    void errorRatesStepByPercentagePoints() {
        Map<SuiteSeries.Key, double[]> values = new LinkedHashMap<>();
        double[] rates = IntStream.range(0, 30).mapToDouble(i -> i < 20 ? (i % 3) * 0.1 : 2 + (i % 3) * 0.1).toArray();
        values.put(ERRORS, rates);
        HistoryAnalysis a = ANALYSIS.analyse("nightly", SuiteSeries.ofValues(refs(30), Collections.nCopies(30, "p"), values), List.of());
        MetricChanges m = a.series().get(0);
        assertThat(m.changePoints()).extracting(c -> c.at().version()).containsExactly(21);
        assertThat(m.changePoints().get(0).relativePercent()).isPresent();
    }

    @Test
    void resultsDoNotDependOnThreads() {
        double[] v = noisy(200, 11, i -> i < 80 ? 100 : i < 150 ? 120 : 95);
        List<ChangePoint> once = points(v);
        for (int i = 0; i < 5; i++) {
            assertThat(points(v)).isEqualTo(once);
        }
    }
}
