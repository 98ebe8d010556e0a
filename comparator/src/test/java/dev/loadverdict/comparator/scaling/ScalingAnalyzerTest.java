package dev.loadverdict.comparator.scaling;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;
import dev.loadverdict.model.scaling.CurveChange;
import dev.loadverdict.model.scaling.CurveId;
import dev.loadverdict.model.scaling.Knee;
import dev.loadverdict.model.scaling.LoadKind;
import dev.loadverdict.model.scaling.ScalingAnalysis;
import dev.loadverdict.model.scaling.ScalingComparison;
import dev.loadverdict.model.scaling.ScalingCurve;
import dev.loadverdict.model.scaling.ScalingPoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The capacity-curve analysis on hand-made runs (numbers chosen by the test, not tool output): level reading and its
 * refusals, the knee and error-onset definitions at their edges, and the comparison's regressions.
 */
class ScalingAnalyzerTest {

    // ---- levels ----

    @Test
    void levelsComeFromTheWorkloadAndAreSortedByLoad() {
        ScalingAnalysis a = ScalingAnalyzer.analyze(List.of(users(20, 180), users(5, 50), users(10, 100)));
        assertThat(a.kind()).isEqualTo(LoadKind.USERS);
        assertThat(a.levels()).extracting(l -> l.load()).containsExactly(5.0, 10.0, 20.0);
        assertThat(a.levels()).extracting(l -> l.source()).containsExactly("u5", "u10", "u20");
        ScalingCurve total = a.curves().get(0);
        assertThat(total.id()).isEqualTo(CurveId.total("shop"));
        assertThat(total.points()).extracting(p -> p.throughput().getAsDouble()).containsExactly(50.0, 100.0, 180.0);
        assertThat(a.curves()).extracting(c -> c.id().endpointLabel()).containsExactly("(total)", "GET /a");
    }

    @Test
    void anOpenModelIsReadByItsArrivalRate() {
        ScalingAnalysis a = ScalingAnalyzer.analyze(List.of(rate(2, 20), rate(4, 40), rate(8, 60)));
        assertThat(a.kind()).isEqualTo(LoadKind.ARRIVAL_RATE);
        assertThat(a.levels()).extracting(l -> l.load()).containsExactly(2.0, 4.0, 8.0);
    }

    @Test
    void explicitLevelsWinOverTheWorkload() {
        ScalingAnalysis a = ScalingAnalyzer.analyze(List.of(
                LevelRun.at("a", run(unknown(), 50, 0, 10), LoadKind.USERS, 5),
                LevelRun.at("b", run(unknown(), 100, 0, 12), LoadKind.USERS, 10),
                LevelRun.at("c", run(unknown(), 110, 0, 30), LoadKind.USERS, 20)));
        assertThat(a.levels()).extracting(l -> l.load()).containsExactly(5.0, 10.0, 20.0);
    }

    @Test
    void aRunWithoutALevelIsRefusedByName() {
        assertThatThrownBy(() -> ScalingAnalyzer.analyze(List.of(users(5, 50), LevelRun.of("mystery.csv",
                run(unknown(), 10, 0, 10)), users(20, 100))))
                .isInstanceOf(InputException.class)
                .hasMessage("mystery.csv: records no load level (neither users/VUs nor an arrival rate)");
    }

    @Test
    void usersAndArrivalRatesDoNotMix() {
        assertThatThrownBy(() -> ScalingAnalyzer.analyze(List.of(users(5, 50), rate(4, 40), users(20, 100))))
                .isInstanceOf(InputException.class)
                .hasMessage("r4: is at 4 arrivals/s but u5 at 5 users: a capacity curve counts one kind of load");
    }

    @Test
    void twoRunsAtOneLevelAreRefused() {
        assertThatThrownBy(() -> ScalingAnalyzer.analyze(List.of(users(5, 50), users(10, 100), users(10, 90, "again"))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("is at 10 users, as ")
                .hasMessageEndingWith("is: each load level of a curve is measured once");
    }

    @Test
    void fewerThanThreeLevelsAreRefused() {
        assertThatThrownBy(() -> ScalingAnalyzer.analyze(List.of(users(5, 50), users(10, 100))))
                .isInstanceOf(InputException.class)
                .hasMessage("u5: a capacity curve needs at least 3 load levels, not 2");
    }

    // ---- knee ----

    @Test
    void theKneeIsWhereThroughputStopsGrowing() {
        // 20 -> 50 users adds 5 req/s: throughput stops growing at 20
        assertThat(ScalingAnalyzer.knee(points(5, 50, 10, 100, 20, 180, 50, 185))).isEqualTo(Knee.at(20, false));
        // a retrograde curve (throughput falls past the peak) has its knee at the peak
        assertThat(ScalingAnalyzer.knee(points(5, 50, 10, 100, 20, 200, 40, 150))).isEqualTo(Knee.at(20, false));
        // a real JMeter curve against an 8-worker server (examples/scaling): 45.6, 92.7, 129.5, 134.3 req/s
        assertThat(ScalingAnalyzer.knee(points(5, 45.6, 10, 92.7, 20, 129.5, 50, 134.3))).isEqualTo(Knee.at(20, false));
    }

    @Test
    void tenPercentMoreAboveTheKneeIsTheLine() {
        assertThat(ScalingAnalyzer.knee(points(5, 50, 10, 100, 20, 150, 40, 165))).isEqualTo(Knee.at(20, false));
        assertThat(ScalingAnalyzer.knee(points(5, 50, 10, 100, 20, 150, 40, 165.1))).isEqualTo(Knee.notReached());
        // a level below the knee that a later dip would flatter does not count: every higher level is looked at
        assertThat(ScalingAnalyzer.knee(points(5, 50, 10, 100, 20, 95, 50, 200))).isEqualTo(Knee.notReached());
    }

    @Test
    void linearGrowthHasNoKneeAndEarlySaturationIsAtTheLowest() {
        assertThat(ScalingAnalyzer.knee(points(5, 50, 10, 100, 20, 200, 50, 500))).isEqualTo(Knee.notReached());
        assertThat(ScalingAnalyzer.knee(points(5, 100, 10, 105, 20, 106))).isEqualTo(Knee.at(5, true));
    }

    @Test
    void theKneeCountsSuccessfulRequestsOnly() {
        // a server that answers half its requests at 50 users with a fast error serves no more than at 10
        List<ScalingPoint> failing = List.of(point(5, 1000, 0, 45), point(10, 1000, 0, 63), point(20, 1000, 0, 65),
                point(50, 1000, 500, 133));
        assertThat(ScalingAnalyzer.knee(failing)).isEqualTo(Knee.at(10, false));
    }

    @Test
    void aKneeNeedsThreeThroughputs() {
        assertThat(ScalingAnalyzer.knee(points(5, 50, 10, 100))).isEqualTo(Knee.unknown());
        List<ScalingPoint> missing = new ArrayList<>(points(5, 50, 10, 100));
        missing.add(new ScalingPoint(20, 10, 0, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty()));
        assertThat(ScalingAnalyzer.knee(missing)).isEqualTo(Knee.unknown());
    }

    // ---- error onset ----

    @Test
    void errorsBeginWhereTheyRiseClearlyAboveEveryLowerLevel() {
        assertThat(ScalingAnalyzer.errorOnset(errors(0, 0, 10, 0))).isEqualTo(OptionalDouble.of(20));
        // 0.5% -> 1.4%: 0.9 pp is not clear
        assertThat(ScalingAnalyzer.errorOnset(errors(5, 14, 14, 14))).isEmpty();
        // a constant 2% is there from the lowest level on
        assertThat(ScalingAnalyzer.errorOnset(errors(20, 20, 20, 20))).isEqualTo(OptionalDouble.of(5));
    }

    @Test
    void oneStrayFailureIsNoOnset() {
        List<ScalingPoint> few = List.of(point(5, 100, 0, 10), point(10, 100, 4, 20), point(20, 100, 0, 30));
        assertThat(ScalingAnalyzer.errorOnset(few)).isEmpty();
    }

    // ---- comparison ----

    @Test
    void aKneeAtLowerLoadIsACapacityRegression() {
        ScalingAnalysis base = ScalingAnalyzer.analyze(List.of(users(5, 50), users(10, 100), users(20, 190), users(40, 380), users(50, 390)));
        ScalingAnalysis cur = ScalingAnalyzer.analyze(List.of(users(5, 50), users(10, 100), users(20, 190), users(40, 200), users(50, 200)));
        ScalingComparison c = ScalingAnalyzer.compare(base, cur, 10);
        CurveChange total = c.changes().get(0);
        assertThat(total.baselineKnee()).isEqualTo(Knee.at(40, false));
        assertThat(total.currentKnee()).isEqualTo(Knee.at(20, false));
        assertThat(total.regressions()).containsExactly(CurveChange.Regression.KNEE_AT_LOWER_LOAD,
                CurveChange.Regression.THROUGHPUT_DROP);
        assertThat(total.levels()).extracting(l -> l.throughputDropped()).containsExactly(false, false, false, true, true);
        assertThat(c.regressed()).isTrue();
        assertThat(ScalingAnalyzer.compare(base, base, 10).regressed()).isFalse();
        assertThat(ScalingAnalyzer.compare(cur, base, 10).regressed()).as("a knee at higher load is no regression").isFalse();
    }

    @Test
    void aKneeAgainstABaselineThatNeverSaturatedCountsOnlyBelowItsHighestLevel() {
        ScalingAnalysis linear = ScalingAnalyzer.analyze(List.of(users(5, 50), users(10, 100), users(20, 200)));
        ScalingAnalysis knee20 = ScalingAnalyzer.analyze(List.of(users(10, 100), users(20, 200), users(40, 210)));
        ScalingAnalysis knee10 = ScalingAnalyzer.analyze(List.of(users(5, 50), users(10, 100), users(20, 110)));
        assertThat(ScalingAnalyzer.compare(linear, knee20, 10).changes().get(0).regressions()).isEmpty();
        assertThat(ScalingAnalyzer.compare(linear, knee10, 10).changes().get(0).regressions())
                .contains(CurveChange.Regression.KNEE_AT_LOWER_LOAD);
    }

    @Test
    void errorsBeginningEarlierAreARegression() {
        ScalingAnalysis base = ScalingAnalyzer.analyze(List.of(users(5, 50, 0), users(10, 100, 0), users(20, 190, 30)));
        ScalingAnalysis cur = ScalingAnalyzer.analyze(List.of(users(5, 50, 0), users(10, 100, 30), users(20, 190, 60)));
        CurveChange total = ScalingAnalyzer.compare(base, cur, 10).changes().get(0);
        assertThat(total.baselineOnset()).isEqualTo(OptionalDouble.of(20));
        assertThat(total.currentOnset()).isEqualTo(OptionalDouble.of(10));
        assertThat(total.regressions()).containsExactly(CurveChange.Regression.ERRORS_AT_LOWER_LOAD);
        ScalingAnalysis clean = ScalingAnalyzer.analyze(List.of(users(5, 50, 0), users(10, 100, 0), users(20, 190, 0)));
        assertThat(ScalingAnalyzer.compare(clean, base, 10).changes().get(0).regressions())
                .containsExactly(CurveChange.Regression.ERRORS_AT_LOWER_LOAD);
    }

    @Test
    void curvesOfDifferentKindsAreNotCompared() {
        ScalingAnalysis byUsers = ScalingAnalyzer.analyze(List.of(users(5, 50), users(10, 100), users(20, 190)));
        ScalingAnalysis byRate = ScalingAnalyzer.analyze(List.of(rate(2, 20), rate(4, 40), rate(8, 60)));
        assertThatThrownBy(() -> ScalingAnalyzer.compare(byUsers, byRate, 10)).isInstanceOf(InputException.class)
                .hasMessageContaining("count users but the runs' count arrivals/s");
    }

    // ---- helpers ----

    private static LevelRun users(int users, double throughput) {
        return users(users, throughput, "u" + users);
    }

    private static LevelRun users(int users, double throughput, String source) {
        return LevelRun.of(source, run(new Workload(Workload.Model.CLOSED, OptionalInt.of(users), OptionalDouble.empty()),
                throughput, 0, 10 + users));
    }

    private static LevelRun users(int users, double throughput, long failures) {
        return LevelRun.of("u" + users, run(new Workload(Workload.Model.CLOSED, OptionalInt.of(users), OptionalDouble.empty()),
                throughput, failures, 10 + users));
    }

    private static LevelRun rate(double rate, double throughput) {
        return LevelRun.of("r" + (int) rate, run(new Workload(Workload.Model.OPEN, OptionalInt.of(100), OptionalDouble.of(rate)),
                throughput, 0, 20));
    }

    private static Workload unknown() {
        return Workload.unknown();
    }

    /** A run of one service with one endpoint: 1,000 requests over the throughput's duration. */
    private static Run run(Workload workload, double throughput, long failures, double p95) {
        TreeMap<Double, Double> pct = new TreeMap<>();
        pct.put(50.0, p95 / 2);
        pct.put(95.0, p95);
        pct.put(99.0, p95 * 1.5);
        LatencyStats latency = new LatencyStats(1000, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), pct);
        EndpointStats total = new EndpointStats(EndpointId.of(null, "Aggregated"), 1000, failures, new TreeMap<>(),
                OptionalDouble.of(throughput), latency, Optional.empty(), Optional.empty());
        EndpointStats a = new EndpointStats(EndpointId.of("GET", "/a"), 1000, failures, new TreeMap<>(),
                OptionalDouble.of(throughput), latency, Optional.empty(), Optional.empty());
        RunMetadata m = RunMetadata.of(Tool.GENERIC, Optional.empty(), List.of("x"), SourcePrecision.wholeMilliseconds());
        m = new RunMetadata(m.tool(), m.toolVersion(), m.sources(), m.start(), m.end(), Optional.of(Duration.ofSeconds(60)),
                m.stage(), workload, m.scriptHash(), m.labels(), m.mappingHash(), m.precision());
        return new Run(m, Optional.empty(), List.of(new ServiceStats("shop", total, List.of(a))));
    }

    /** Points from (load, throughput) pairs. */
    private static List<ScalingPoint> points(double... pairs) {
        List<ScalingPoint> out = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.add(new ScalingPoint(pairs[i], 1000, 0, OptionalDouble.of(pairs[i + 1]), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty()));
        }
        return out;
    }

    /** Points at 5, 10, 20, 50 users with these failures of 1,000 requests each. */
    private static List<ScalingPoint> errors(long... failures) {
        double[] loads = {5, 10, 20, 50};
        List<ScalingPoint> out = new ArrayList<>();
        for (int i = 0; i < failures.length; i++) {
            out.add(point(loads[i], 1000, failures[i], 10));
        }
        return out;
    }

    private static ScalingPoint point(double load, long requests, long failures, double throughput) {
        return new ScalingPoint(load, requests, failures, OptionalDouble.of(throughput), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty());
    }
}
