package dev.loadverdict.extractor.gatling;

import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.internal.Histograms;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Run;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Real Gatling runs (e2e/gatling/run.sh, committed as fixtures): loadverdict's numbers from each raw simulation.log
 * against the statistics Gatling's own HTML report gives for the same run — {@code js/stats.json} for the
 * 3.11.5 text log, the tree embedded in {@code js/stats.js} for the 3.13.5 binary log (3.13+ write no
 * stats.json; {@link StatsJs} turns it into JSON). Per request, per group and for the run:
 * <ul>
 *   <li>request and KO counts: equal;</li>
 *   <li>mean: within 0.5 ms, since Gatling rounds it to whole ms;</li>
 *   <li>percentiles 50/75/95/99: within 2% or 1 ms of Gatling's, or else Gatling's value must be a valid
 *       p-quantile of loadverdict's histogram of the raw samples give or take 1% of the samples in rank (at most
 *       p·n + k of them below it, at least p·n − k at or below it, k = max(1, n/100)): Gatling's report estimates
 *       percentiles with a T-Digest (compression 100, gatling-charts' PercentilesBuffers), which in a sparse tail
 *       can land a few samples away from the exact nearest-rank value loadverdict reports (seen: p99 of 480 samples
 *       112 ms, the sample at rank 478, where nearest rank gives 109 ms at rank 476).</li>
 * </ul>
 */
class GatlingFidelityTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/gatling");
    private static final double[] PERCENTILES = {50, 75, 95, 99};

    @TempDir
    Path temp;

    private static Run extract(Path input) {
        return Extractor.standard().extract(List.of(input.toString()), ExtractOptions.defaults()).run();
    }

    @Test
    void textLogAgreesWithItsStatsJson() {
        agree(extract(FIXTURES.resolve("3.11/shop-e2e-log/simulation.log")),
                extract(FIXTURES.resolve("3.11/shop-e2e-stats/stats.json")));
    }

    @Test
    void binaryLogAgreesWithItsHtmlReport() throws IOException {
        Path json = temp.resolve("stats.json");
        Files.writeString(json, StatsJs.toJson(FIXTURES.resolve("3.13/shop-e2e-binary/report-stats.js")));
        Run raw = extract(FIXTURES.resolve("3.13/shop-e2e-binary/simulation.log"));
        agree(raw, extract(json));
        assertThat(raw.total().orElseThrow().requests()).isEqualTo(2471);
        assertThat(raw.metadata().toolVersion()).contains("3.13.5");
    }

    private static void agree(Run raw, Run report) {
        Map<String, EndpointStats> ours = endpoints(raw);
        Map<String, EndpointStats> theirs = endpoints(report);
        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(theirs.keySet());
        assertThat(theirs).containsKeys("GROUP buy", "buy / checkout", "search");
        theirs.forEach((key, r) -> {
            EndpointStats o = ours.get(key);
            assertThat(o.requests()).as(key + " requests").isEqualTo(r.requests()).isPositive();
            assertThat(o.failures()).as(key + " KOs").isEqualTo(r.failures());
            assertThat(o.latency().mean().getAsDouble()).as(key + " mean")
                    .isCloseTo(r.latency().mean().getAsDouble(), within(0.5 + 1e-9));
            Histogram h = Histograms.decode(o.histogram().orElseThrow(), key);
            for (double p : PERCENTILES) {
                double a = o.latency().percentile(p).getAsDouble();
                double b = r.latency().percentile(p).getAsDouble();
                boolean close = Math.abs(a - b) <= Math.max(0.02 * b, 1.0);
                assertThat(close || validQuantile(h, p, b)).as("%s p%s: loadverdict %s ms, Gatling %s ms", key, p, a, b)
                        .isTrue();
            }
        });
    }

    /**
     * Whether {@code ms} (whole ms, as Gatling reports) is a p-quantile of the histogram's µs samples, ±1% in rank
     * and ±1 ms in value: Gatling rounds its T-Digest's estimate to whole ms, so a reported 74 ms may stand for an
     * estimate between 73 and 75 ms. The same rule as {@code e2e/Fidelity.java --rank-tolerance 1}.
     */
    private static boolean validQuantile(Histogram h, double p, double ms) {
        long n = h.getTotalCount();
        long below = h.getCountBetweenValues(0, h.lowestEquivalentValue((long) ((ms - 1) * 1000)) - 1);
        long atOrBelow = h.getCountBetweenValues(0, (long) ((ms + 1) * 1000));
        double wanted = p / 100 * n;
        double slack = Math.max(1, n / 100.0);
        return below <= wanted + slack && atOrBelow >= wanted - slack;
    }

    private static Map<String, EndpointStats> endpoints(Run run) {
        Map<String, EndpointStats> all = new LinkedHashMap<>();
        all.put("(total)", run.total().orElseThrow());
        run.services().forEach(s -> s.endpoints().forEach(e -> all.put(e.id().key(), e)));
        return all;
    }
}
