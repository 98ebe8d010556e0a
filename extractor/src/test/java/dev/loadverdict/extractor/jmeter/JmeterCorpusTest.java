package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.Extraction;
import dev.loadverdict.model.InputException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JMeter file of the shared corpus (outside this repository; skipped when absent) either extracts
 * with requests or fails with a deliberate, file-naming {@link InputException}: which one is listed here
 * per file, so a new corpus file must be added to the table.
 */
class JmeterCorpusTest {

    static final Path CORPUS = Path.of("../../shared/corpus/jmeter");

    /** An outcome: requests in the run total and warnings, or the failure's message fragment. */
    record Outcome(long requests, int warnings, String failure) {
        static Outcome extracts(long requests) {
            return new Outcome(requests, 0, null);
        }

        static Outcome extractsWithWarning(long requests) {
            return new Outcome(requests, 1, null);
        }

        static Outcome fails(String fragment) {
            return new Outcome(-1, 0, fragment);
        }
    }

    static final String UNRECOGNISED = "not a load-test result loadverdict recognises";

    static final Map<String, Outcome> EXPECTED = Map.ofEntries(
            entry("jtl-csv-default/jmeter-repo-htmlreport-default17.csv", Outcome.extracts(255)),
            entry("jtl-csv-default/perfplugin-multiline-quoted-label.jtl", Outcome.extracts(2)),
            entry("jtl-csv-default/perfplugin-single-unknownhost.csv", Outcome.extracts(1)),
            // 313 rows, of which 103 are transaction-controller rows (left out of totals)
            entry("jtl-csv-default/perfplugin-transactions-default17.csv", Outcome.extracts(210)),
            // 100 parents + 100 '-0' + 100 '-1' sub-results, as JMeter's dashboard counts them
            entry("jtl-csv-default/tailspin-azure-redirect-subresults.jtl", Outcome.extracts(300)),
            // no timestamps at all: the first field is a label, so no JMeter sample shape
            entry("jtl-csv-noheader/jmeter-repo-bug52968-noheader.csv", Outcome.fails(UNRECOGNISED)),
            // PerfMon metrics in JTL shape: no thread name, not samples
            entry("jtl-csv-noheader/lightning-perfmon-collector-noheader.csv", Outcome.fails(UNRECOGNISED)),
            entry("jtl-csv-noheader/perfplugin-jenkins16627-noheader.jtl", Outcome.extracts(3)),
            entry("jtl-csv-other-columns/jmeter-repo-batchtest-no-timestamps.csv",
                    Outcome.fails(":1: JMeter CSV without 'timeStamp', 'elapsed' column(s)")),
            entry("jtl-csv-other-columns/jmeter-repo-french-no-responsecode.csv", Outcome.extracts(50)),
            entry("jtl-csv-other-columns/jmeterplugins-short-11cols-2015.jtl", Outcome.extracts(150)),
            entry("jtl-csv-other-columns/lightning-10tx-9cols-empty-datatype.csv", Outcome.extracts(10)),
            entry("jtl-csv-other-columns/perfplugin-formatted-timestamp.csv", Outcome.extracts(3)),
            entry("jtl-csv-other-columns/taurus-cyrillic-labels.jtl", Outcome.extracts(13)),
            entry("jtl-csv-other-columns/taurus-doublequoted-long-messages.jtl", Outcome.extracts(2)),
            entry("jtl-csv-other-columns/taurus-kpi-hostname-connect.jtl", Outcome.extracts(21)),
            // 8 rows, 2 of them transaction controllers
            entry("jtl-csv-other-columns/taurus-non-http-errors.jtl", Outcome.extracts(6)),
            entry("jtl-csv-other-columns/taurus-quoted-header-sample-variables.jtl", Outcome.extracts(10)),
            entry("jtl-csv-other-columns/taurus-slow-stdev-112threads.jtl", Outcome.extracts(599)),
            entry("jtl-csv-other-columns/taurus-tab-delimited.jtl", Outcome.extracts(4)),
            // transaction controllers alone: they make the totals
            entry("jtl-csv-other-columns/taurus-transaction-controller-no-threadname.jtl", Outcome.extracts(2)),
            entry("jtl-xml/jmeter-repo-batchtest-no-timing-attrs.xml",
                    Outcome.fails(":3: sample 'Setup 1' has no 't' (elapsed)")),
            entry("jtl-xml/jmeter-repo-sample-log1c-2005.jtl", Outcome.extracts(2000)),
            entry("jtl-xml/jmeter-repo-sample-log2-2005-large.jtl", Outcome.extracts(10000)),
            entry("jtl-xml/jmeterplugins-udp-timeouts-2011.jtl", Outcome.extracts(174)),
            entry("jtl-xml/perfplugin-2009-soap-sample.jtl", Outcome.extracts(5)),
            entry("jtl-xml/perfplugin-2011-spanish-threads.jtl", Outcome.extracts(8)),
            entry("jtl-xml/perfplugin-dummy-sampler-it-ct-sby.jtl", Outcome.extracts(2)),
            entry("jtl-xml/perfplugin-multilevel-assertions.jtl", Outcome.extracts(10)),
            // 14 top-level elements, 8 of them childless transaction controllers; no </testResults>
            entry("jtl-xml/taurus-error-bug1-socket-reset.jtl", Outcome.extractsWithWarning(6)),
            entry("jtl-xml/taurus-many-errors-response-data.jtl", Outcome.extracts(189)),
            entry("jtl-xml/taurus-standard-errors-large.jtl", Outcome.extractsWithWarning(185)),
            entry("jtl-xml/taurus-tc-dummy-sampler-302.jtl", Outcome.extracts(2)),
            entry("jtl-xml/taurus-trace-headers-assertions.jtl", Outcome.extracts(1)),
            entry("jtl-xml/taurus-transaction-controller-nested.jtl", Outcome.extracts(5)),
            entry("jtl-xml/taurus-unicode-sc-ec-hn-attrs.jtl", Outcome.extracts(2)),
            entry("jtl-xml/taurus-webdriver-nonstandard-element.jtl", Outcome.extracts(3)),
            entry("statistics-json/jmeter-repo-htmlreport-expect-statistics.json", Outcome.extracts(255)));

    static Stream<String> files() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "no shared corpus at " + CORPUS.toAbsolutePath());
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(Files::isRegularFile).map(p -> CORPUS.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void extractsOrFailsDeliberately(String name) {
        Outcome expected = EXPECTED.get(name);
        assertThat(expected).as("the corpus file %s is not in the table", name).isNotNull();
        Path file = CORPUS.resolve(name);
        if (expected.failure() != null) {
            InputException e = Jtl.failure(file);
            assertThat(e.getMessage()).startsWith(file.toString()).contains(expected.failure()).doesNotContain("\n");
            return;
        }
        Extraction extraction = Jtl.extract(file);
        assertThat(extraction.run().total()).hasValueSatisfying(t -> assertThat(t.requests()).isEqualTo(expected.requests()));
        assertThat(extraction.warnings()).hasSize(expected.warnings())
                .allSatisfy(w -> assertThat(w).startsWith(file + ":").contains(": truncated: "));
    }
}
