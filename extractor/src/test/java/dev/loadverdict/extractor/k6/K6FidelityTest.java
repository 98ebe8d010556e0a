package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.extractor.internal.Histograms;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.LatencyStats;
import dev.loadverdict.model.Run;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The jsonvsprotobuf fixtures are one k6 run (1000 requests) written three ways: {@code --out json},
 * {@code --out csv} and the handleSummary data. loadverdict's numbers from the raw files must agree with each
 * other exactly and with k6's own summary within stated tolerances:
 *
 * <ul>
 *   <li>count: exactly;</li>
 *   <li>min, max, mean: within 0.0005 ms, because loadverdict keeps each duration in whole µs;</li>
 *   <li>percentiles: k6 interpolates linearly between the samples at ranks ⌊p(n−1)⌋ and ⌈p(n−1)⌉;
 *       loadverdict reports the nearest-rank sample of a 3-significant-digit histogram. So loadverdict's value must
 *       lie between those two samples, widened by one histogram bucket (at most 1/1024 of the value, ~0.1%)
 *       and 1 µs of rounding. Where the two samples are close this is ~0.1%; in the tail, where they are far
 *       apart (p95 here: 7.495 vs 7.881 ms), the difference is k6's interpolation, not an error.</li>
 * </ul>
 * The two samples are found by reading the NDJSON independently here; recomputing k6's interpolation from
 * them reproduces the summary's percentiles, which proves the summary describes exactly these samples.
 */
class K6FidelityTest {

    static final Path RUN = Path.of("src/test/resources/fixtures/k6/1.0");

    private static Run extract(String caseDir) {
        return Extractor.standard().extract(List.of(RUN.resolve(caseDir).toString()), ExtractOptions.defaults()).run();
    }

    private static EndpointStats onlyEndpoint(Run run) {
        assertThat(run.services()).hasSize(1);
        assertThat(run.services().get(0).endpoints()).hasSize(1);
        return run.services().get(0).endpoints().get(0);
    }

    @Test
    void ndjsonAndCsvOfOneRunAgreeExactly() {
        EndpointStats json = onlyEndpoint(extract("jsonvsprotobuf-ndjson"));
        EndpointStats csv = onlyEndpoint(extract("jsonvsprotobuf-csv"));
        assertThat(csv.id()).isEqualTo(json.id());
        assertThat(csv.requests()).isEqualTo(json.requests()).isEqualTo(1000);
        assertThat(csv.failures()).isEqualTo(json.failures());
        assertThat(csv.failuresByKind()).isEqualTo(json.failuresByKind());
        assertThat(csv.latency()).isEqualTo(json.latency());
        assertThat(csv.histogram()).isPresent().isEqualTo(json.histogram());
        // not compared: throughput and time series, which depend on the CSV's whole-second timestamps
    }

    @Test
    void rawFormatsAgreeWithK6sOwnSummary() throws IOException {
        LatencyStats k6 = onlyEndpoint(extract("jsonvsprotobuf-handlesummary")).latency();
        EndpointStats loadverdict = onlyEndpoint(extract("jsonvsprotobuf-ndjson"));
        LatencyStats ours = loadverdict.latency();
        double[] samples = durations(RUN.resolve("jsonvsprotobuf-ndjson/data.json.gz"));

        assertThat(ours.count()).isEqualTo(k6.count()).isEqualTo(samples.length);
        assertThat(ours.min().getAsDouble()).isCloseTo(k6.min().getAsDouble(), within(0.0005));
        assertThat(ours.max().getAsDouble()).isCloseTo(k6.max().getAsDouble(), within(0.0005));
        assertThat(ours.mean().getAsDouble()).isCloseTo(k6.mean().getAsDouble(), within(0.0005));

        Histogram h = Histograms.decode(loadverdict.histogram().orElseThrow(), "ndjson");
        assertThat(h.getTotalCount()).isEqualTo(1000);
        StringBuilder table = new StringBuilder("percentile  k6 summary  loadverdict  difference  k6 interpolates between\n");
        int compared = 0;
        for (Map.Entry<Double, Double> p : k6.percentiles().entrySet()) {
            double i = p.getKey() / 100 * (samples.length - 1);
            double lo = samples[(int) Math.floor(i)];
            double hi = samples[(int) Math.ceil(i)];
            assertThat(lo + (hi - lo) * (i - Math.floor(i))).as("k6's p(%s) from the raw samples", p.getKey())
                    .isCloseTo(p.getValue(), within(1e-9 * p.getValue()));
            if (!ours.percentiles().containsKey(p.getKey())) {
                continue; // p(99.99): loadverdict reports 50, 75, 90, 95, 99, 99.9 from histograms
            }
            double value = ours.percentiles().get(p.getKey());
            double bucket = Math.max(hi / 1024, 0.001);
            assertThat(value).as("p%s", p.getKey()).isBetween(lo - bucket - 0.001, hi + bucket + 0.001);
            table.append(String.format(Locale.ROOT, "p%-10s %-11.6f %-9.3f %+.3f%%     %.6f .. %.6f%n", p.getKey(),
                    p.getValue(), value, 100 * (value - p.getValue()) / p.getValue(), lo, hi));
            compared++;
        }
        assertThat(compared).isEqualTo(4);
        System.out.print(table);
    }

    private static final Pattern DURATION = Pattern.compile(
            "^\\{\"metric\":\"http_req_duration\",\"type\":\"Point\",.*\"value\":([0-9.eE+-]+),");

    /** Every http_req_duration value in the file, sorted: a reader independent of loadverdict's. */
    private static double[] durations(Path gz) throws IOException {
        List<Double> values = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = DURATION.matcher(line);
                if (m.find()) {
                    values.add(Double.parseDouble(m.group(1)));
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
