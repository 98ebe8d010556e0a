package dev.loadverdict.codec;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.EndpointChange;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Matching;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.compare.Significance;
import dev.loadverdict.model.compare.Verdict;
import dev.loadverdict.testsupport.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seals the comparison JSON ({@code loadverdict compare --format json}, {@code --report json}) with golden files that are
 * real comparisons, written by {@code loadverdict compare ... --format json} from the example runs on 2026-12-05:
 * <ul>
 *   <li>{@code comparison-locust-regressed.json}: README's "Try it", {@code --baseline examples/baselines/shop.json
 *       --config examples/loadverdict.yml examples/runs/locust-regressed/} (a fail, rules from a config file, a limit);
 *   <li>{@code comparison-limits-only.json}: the same with {@code --baseline examples/baselines/none.json
 *       --if-no-baseline pass} (no baseline: {@code "baseline": null}, only limits checked);
 *   <li>{@code comparison-jmeter-stages.json}: {@code examples/jmeter-aa/slow-search.jtl.gz} against a baseline promoted
 *       from {@code aa-01.jtl.gz} with {@code --git-sha --git-ref --run-url --note}, both with
 *       {@code --stages ramp=0s..5s,steady=5s..} (stages, provenance, significance from every sample);
 *   <li>{@code comparison-cross-tool.json}: {@code examples/runs/locust-unchanged/} against a baseline promoted from
 *       {@code aa-01.jtl.gz} (profile warnings, a new and a missing endpoint);
 *   <li>{@code comparison-legacy-matching.json}: {@code cli/src/test/resources/legacy-matching/by-name.json} imported
 *       with {@code baseline import --to legacy-by-name.json}, against
 *       {@code extractor/src/test/resources/fixtures/locust/2.12/shop-regressed} (written 2026-12-05: {@code "matching"}
 *       with two legacy services paired by name, one missing as its total, three new endpoints, and the warnMissing
 *       warning).
 * </ul>
 * Reading a golden file and writing it again must give the file byte for byte, under any default locale: a key renamed,
 * dropped or added by the writer fails here, and so does one the reader no longer finds, since saved comparisons
 * ({@code loadverdict report COMPARISON.json}) must stay readable. See {@link Golden} for how to update the files
 * after a deliberate change (a renamed key is a new schema version, not an update).
 */
class ComparisonJsonTest {

    static Stream<String> goldenFiles() {
        return Stream.of("comparison-locust-regressed.json", "comparison-limits-only.json", "comparison-jmeter-stages.json",
                "comparison-cross-tool.json", "comparison-legacy-matching.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void writingWhatWasReadGivesTheGoldenFile(String name) {
        Comparison comparison = read(name);
        Golden.assertMatchesUnderEveryLocale(Golden.file(name), () -> ComparisonJson.write(comparison));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void whatIsWrittenReadsBackAsTheSameComparison(String name) {
        Comparison comparison = read(name);
        String json = ComparisonJson.write(comparison);
        assertThat(ComparisonJson.read(name, new java.io.StringReader(json))).isEqualTo(comparison);
    }

    @Test
    void readsEveryPartOfARegressedComparison() {
        Comparison c = read("comparison-locust-regressed.json");
        assertThat(c.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(c.worstSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(c.configSource()).contains("examples/loadverdict.yml");
        assertThat(c.notes()).singleElement().asString().startsWith("Noise band not available");
        assertThat(c.current().sources()).first().isEqualTo("examples/runs/locust-regressed/shop_stats.csv");
        assertThat(c.baseline()).hasValueSatisfying(b -> {
            assertThat(b.location()).isEqualTo("examples/baselines/shop.json");
            assertThat(b.version()).isEqualTo(1);
            assertThat(b.run().sources()).first().isEqualTo("examples/runs/locust-baseline/shop_stats.csv");
        });
        Finding total = c.findings().get(0);
        assertThat(total.stage()).isEmpty();
        assertThat(total.service()).isEqualTo("default");
        assertThat(total.endpoint()).isEmpty();
        assertThat(total.metric()).isEqualTo(Metric.P95);
        assertThat(total.baseline()).hasValue(140.0);
        assertThat(total.current()).hasValue(240.0);
        assertThat(total.change()).hasValue(100.0);
        assertThat(total.baselineRequests()).isEqualTo(6614);
        assertThat(total.currentRequests()).isEqualTo(6004);
        assertThat(total.outcome()).isEqualTo(Outcome.REGRESSION);
        assertThat(total.severity()).isEqualTo(Severity.WARNING);
        assertThat(total.rule().warning()).hasValueSatisfying(w -> {
            assertThat(w.relativePercent()).hasValue(10.0);
            assertThat(w.delta()).hasValue(5.0);
            assertThat(w.minRequests()).hasValue(100);
        });
        assertThat(total.rule().warningSource()).isEqualTo("examples/loadverdict.yml:6 defaults.metrics.p95");
        assertThat(total.reasons()).hasSize(6).first().isEqualTo("warning: relative +71.4% > 10% ✓, delta +100 ms > 5 ms ✓");
        assertThat(total.significance().status()).isEqualTo(Significance.Status.SIGNIFICANT);
        assertThat(total.significance().pValue()).hasValue(1.4346025956191665E-26);
        assertThat(total.significance().test()).startsWith("two-proportion z-test");
        assertThat(total.significance().note()).startsWith("p = 4.8e-27 before");
    }

    @Test
    void readsStagesProvenanceWarningsEndpointChangesAndAMissingBaseline() {
        Comparison staged = read("comparison-jmeter-stages.json");
        assertThat(staged.findings().get(0).stage()).contains("ramp");
        assertThat(staged.baseline()).hasValueSatisfying(b -> {
            assertThat(b.provenance().gitSha()).contains("9f1c2ab4d5e6f708192a3b4c5d6e7f8091a2b3c4");
            assertThat(b.provenance().gitRef()).contains("main");
            assertThat(b.provenance().runUrl()).contains("https://github.com/acme/shop/actions/runs/42");
            assertThat(b.provenance().note()).contains("promoted by hand");
            assertThat(b.created()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));
        });

        Comparison crossTool = read("comparison-cross-tool.json");
        assertThat(crossTool.warnings()).hasSize(3).first().isEqualTo("the run was made with locust but the baseline with jmeter");
        assertThat(crossTool.endpointChanges()).containsExactly(
                new EndpointChange(Optional.empty(), "default", "GET /api/products/[id]", EndpointChange.Kind.NEW, 2263),
                new EndpointChange(Optional.empty(), "default", "GET /api/products/{id}", EndpointChange.Kind.MISSING, 331));

        Comparison limitsOnly = read("comparison-limits-only.json");
        assertThat(limitsOnly.baseline()).isEmpty();
        assertThat(limitsOnly.verdict()).isEqualTo(Verdict.PASS);
        assertThat(limitsOnly.findings()).allSatisfy(f -> assertThat(f.baselineRequests()).isZero());
    }

    @Test
    void readsWhatMatchedAndAComparisonSavedBeforeItWasRecordedHasNone() {
        Comparison legacy = read("comparison-legacy-matching.json");
        assertThat(legacy.matching()).hasValueSatisfying(m -> {
            assertThat(m.services()).isEqualTo(new Matching.Counts(2, 1, 1));
            assertThat(m.endpoints()).isEqualTo(new Matching.Counts(2, 1, 3));
            assertThat(m.byName()).containsExactly("api/cart = default POST /api/cart",
                    "api/checkout = default POST /api/checkout");
        });
        assertThat(legacy.endpointChanges()).contains(
                new EndpointChange("api/payments", "(total)", EndpointChange.Kind.MISSING, 900));

        assertThat(read("comparison-locust-regressed.json").matching()).isEmpty();
    }

    private static Comparison read(String name) {
        Path file = Golden.file(name);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return ComparisonJson.read(file.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
