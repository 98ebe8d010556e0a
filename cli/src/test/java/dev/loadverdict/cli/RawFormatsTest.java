package dev.loadverdict.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** k6 and JMeter raw output through the whole command line: extract, promote, compare, windows, warnings. */
class RawFormatsTest {

    static final String FIXTURES = "extractor/src/test/resources/fixtures/";
    static final String JTL = FIXTURES + "jmeter/5.1/default17-htmlreport/";
    static final String K6 = FIXTURES + "k6/1.0/jsonvsprotobuf-ndjson/";
    static final String TRUNCATED_XML = FIXTURES + "jmeter/4-5/xml-truncated/results.jtl";
    static final String NESTED_XML = FIXTURES + "jmeter/2.13/xml-nested-transactions/results.jtl";

    @TempDir
    Path tmp;

    @Test
    void aJtlExtractsWithItsHistogramAndTimeSeries() {
        Cli.Result r = Cli.run("extract", JTL);
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"tool\": \"jmeter\"").contains("\"encoding\": \"HdrHistogram-V2-compressed\"")
                .contains("\"timeSeries\"");
    }

    @Test
    void aRunComparedWithItselfPassesForEveryRawFormat() {
        for (String input : new String[] {JTL, K6}) {
            Path baseline = tmp.resolve(Path.of(input).getFileName() + ".json");
            assertThat(Cli.run("baseline", "promote", input, "--to", baseline.toString()).exitCode()).isZero();
            Cli.Result r = Cli.run("compare", "--baseline", baseline.toString(), input);
            assertThat(r.exitCode()).as(input).isZero();
            assertThat(r.out()).as(input).startsWith("loadverdict: PASS");
        }
    }

    @Test
    void aWindowKeepsOnlyPartOfTheRun() throws IOException {
        Cli.Result whole = Cli.run("extract", K6);
        Cli.Result cut = Cli.run("extract", "--skip-warmup", "1s", "--skip-rampdown", "1s", K6);
        assertThat(cut.exitCode()).isZero();
        long wholeRequests = requests(whole.out());
        long cutRequests = requests(cut.out());
        assertThat(cutRequests).isPositive().isLessThan(wholeRequests);
    }

    @Test
    void aWindowBeyondTheRunIsBadInput() {
        Cli.Result r = Cli.run("extract", "--skip-warmup", "10h", K6);
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("nothing of the run is left in the window");
    }

    @Test
    void aggregateOnlyInputCannotBeWindowed() {
        Cli.Result r = Cli.run("extract", "--skip-warmup", "30s", "examples/runs/locust-baseline/");
        assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("has only Aggregated rows").contains("--csv-full-history");
    }

    @Test
    void badDurationsAreUsageErrors() {
        Cli.Result r = Cli.run("extract", "--skip-warmup", "soon", K6);
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--skip-warmup takes a duration such as 30s");
    }

    @Test
    void aTruncatedXmlJtlExtractsWhatIsCompleteAndWarnsWithTheLine() {
        Cli.Result r = Cli.run("extract", TRUNCATED_XML);
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).startsWith("loadverdict: warning: ").contains(TRUNCATED_XML + ":3011: ").contains("truncated");
        assertThat(r.err()).doesNotContain("\tat ");
    }

    @Test
    void jmeterSubSamplesBecomeEndpointsOnlyWhenAsked() throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var parents = mapper.readTree(Cli.run("extract", NESTED_XML).out()).get("services").get(0).get("endpoints");
        Cli.Result r = Cli.run("extract", "--jmeter-sub-samples", NESTED_XML);
        assertThat(r.exitCode()).isZero();
        var all = mapper.readTree(r.out()).get("services").get(0).get("endpoints");
        assertThat(parents).extracting(e -> e.get("name").asText()).containsExactly("tc1", "tc3", "tc4", "tc5");
        assertThat(all).extracting(e -> e.get("name").asText()).contains("tc1", "tc1r1", "tc2r1")
                .contains("http://127.0.0.1:8000/static/external/jquery/jquery.js");
        Path run = tmp.resolve("run.json");
        assertThat(Cli.run("extract", NESTED_XML, "-o", run.toString()).exitCode()).isZero();
        assertThat(Cli.run("extract", "--jmeter-sub-samples", run.toString()).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void generatorsOfOneRunMergeIntoOne() throws IOException {
        Path a = Files.copy(Cli.ROOT.resolve(JTL).resolve(fileIn(JTL)), tmp.resolve("gen1.csv"));
        Path b = Files.copy(Cli.ROOT.resolve(JTL).resolve(fileIn(JTL)), tmp.resolve("gen2.csv"));
        long single = requests(Cli.run("extract", a.toString()).out());
        Cli.Result merged = Cli.run("extract", a.toString(), b.toString());
        assertThat(merged.exitCode()).isZero();
        assertThat(requests(merged.out())).isEqualTo(2 * single);
    }

    private static String fileIn(String dir) throws IOException {
        try (var files = Files.list(Cli.ROOT.resolve(dir))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("PROVENANCE") && !n.equals("expected.json")).findFirst().orElseThrow();
        }
    }

    /** The run total's request count from a run JSON. */
    private static long requests(String json) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("total").get("requests").asLong();
    }
}
