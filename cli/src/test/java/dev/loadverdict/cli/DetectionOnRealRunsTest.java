package dev.loadverdict.cli;

import dev.loadverdict.codec.ConfigParser;
import dev.loadverdict.comparator.RegressionDetector;
import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.Extractor;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.compare.BaselineRef;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Severity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the real runs recorded for judging detection (examples/locust-aa, examples/jmeter-aa) at the default
 * settings: no A/A pair may raise a critical, and each real change is flagged on the endpoint that changed and on no
 * other endpoint. examples/locust-aa/Replay.java prints the same comparisons as counts.
 */
class DetectionOnRealRunsTest {

    private static final Path LOCUST = Cli.ROOT.resolve("examples/locust-aa");

    @Test
    void noA_APairOfShortLocustRunsRaisesAnything() throws IOException {
        assertNoFalseAlarm(runs(LOCUST, "aa30-"), 6);
    }

    @Test
    void noA_APairOfTwoMinuteLocustRunsRaisesAnything() throws IOException {
        assertNoFalseAlarm(runs(LOCUST, "aa120-"), 6);
    }

    @Test
    void noA_APairOfShortJmeterRunsRaisesAnything() throws IOException {
        assertNoFalseAlarm(runs(Cli.ROOT.resolve("examples/jmeter-aa"), "aa-"), 11);
    }

    @Test
    void aSearchTwiceAsSlowIsCriticalOnSearchAndNowhereElse() throws IOException {
        Run changed = load(LOCUST.resolve("search-2x"));
        for (Run base : runs(LOCUST, "aa30-")) {
            List<Finding> found = compare(changed, base).regressions();
            assertThat(found).anyMatch(f -> f.endpoint().equals(java.util.Optional.of("GET /api/search"))
                    && f.severity() == Severity.CRITICAL);
            assertThat(found).allMatch(f -> f.endpoint().isEmpty() || f.endpoint().get().equals("GET /api/search"));
            assertThat(found).filteredOn(f -> f.endpoint().isEmpty()).as("a total follows its critical endpoint")
                    .allMatch(f -> f.severity() == Severity.WARNING);
        }
    }

    @Test
    void aSearch25PercentSlowerIsFlaggedOnSearchAndOnNothingElse() throws IOException {
        Run changed = load(LOCUST.resolve("search-1.25x"));
        for (Run base : runs(LOCUST, "aa30-")) {
            List<Finding> found = compare(changed, base).regressions();
            assertThat(found).isNotEmpty();
            assertThat(found).allMatch(f -> f.endpoint().equals(java.util.Optional.of("GET /api/search")));
        }
    }

    @Test
    void moreCheckoutErrorsAreCriticalOnCheckoutAndNowhereElse() throws IOException {
        Run changed = load(LOCUST.resolve("checkout-errors"));
        for (Run base : runs(LOCUST, "aa30-")) {
            List<Finding> found = compare(changed, base).regressions();
            assertThat(found).anyMatch(f -> f.endpoint().equals(java.util.Optional.of("POST /api/checkout"))
                    && f.metric() == dev.loadverdict.model.Metric.ERROR_RATE && f.severity() == Severity.CRITICAL);
            assertThat(found).allMatch(f -> f.endpoint().isEmpty() || f.endpoint().get().equals("POST /api/checkout"));
        }
    }

    private static void assertNoFalseAlarm(List<Run> runs, int expected) {
        assertThat(runs).hasSize(expected);
        List<String> alarms = new ArrayList<>();
        for (Run a : runs) {
            for (Run b : runs) {
                if (a != b) {
                    compare(a, b).regressions().forEach(f -> alarms.add(f.severity().id() + " " + f.endpoint().orElse("(total)")
                            + " " + f.metric().key() + ": " + String.join("; ", f.reasons())));
                }
            }
        }
        assertThat(alarms).as("findings over every ordered pair of unchanged runs").isEmpty();
    }

    private static Comparison compare(Run current, Run baseline) {
        return RegressionDetector.compare(current, BaselineRef.of("baseline",
                new Baseline(1, Instant.EPOCH, Baseline.Provenance.none(), baseline)), baseline, ConfigParser.empty());
    }

    private static List<Run> runs(Path dir, String prefix) throws IOException {
        List<Run> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList()) {
                runs.add(load(p));
            }
        }
        return runs;
    }

    private static Run load(Path input) {
        return Extractor.standard().extract(List.of(input.toString()), ExtractOptions.defaults()).run();
    }
}
