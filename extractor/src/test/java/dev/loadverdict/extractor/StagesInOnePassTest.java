package dev.loadverdict.extractor;

import dev.loadverdict.codec.RunJson;
import dev.loadverdict.extractor.internal.FormatDetector;
import dev.loadverdict.extractor.internal.MatchStrength;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Stages are aggregated in the same pass as the whole run, yet each stage is exactly the run cut to the stage's
 * window: on every fixture whose format can be cut, thirds of the run as stages equal three separate extractions
 * with {@code --window}. And a file is read at most twice however many stages there are: once for the run's span,
 * once for the window and all stages together.
 */
class StagesInOnePassTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.loadverdict.extractor.FixturesTest#cases")
    void eachStageEqualsTheRunCutToItsWindow(Path caseDir) {
        List<String> input = List.of(caseDir.toString());
        Run whole = Extractor.standard().extract(input, ExtractOptions.defaults()).run();
        assumeThat(whole.metadata().duration()).as("a run with a span").isPresent();
        long third = whole.metadata().duration().orElseThrow().toMillis() / 3;
        assumeThat(third).as("a run long enough for three stages").isPositive();
        List<Stage> stages = List.of(
                Stage.of("first", Duration.ZERO, Optional.of(Duration.ofMillis(third))),
                Stage.of("second", Duration.ofMillis(third), Optional.of(Duration.ofMillis(2 * third))),
                Stage.of("third", Duration.ofMillis(2 * third), Optional.empty()));
        Extraction staged;
        try {
            staged = Extractor.standard().extract(input, ExtractOptions.defaults().withStages(stages));
        } catch (InputException e) {
            // aggregate formats, and Locust's history without --csv-full-history, cannot be cut: they say so
            assumeThat(e.getMessage()).as("a refusal of stages").doesNotContain("holds aggregates only")
                    .doesNotContain("--csv-full-history");
            throw e;
        }
        assertThat(RunJson.write(withoutStages(staged.run()))).as("the whole run, read with its stages")
                .isEqualTo(RunJson.write(whole));
        for (Run stage : staged.run().stages()) {
            Stage asked = stages.stream().filter(s -> s.name().equals(stage.metadata().stage().orElseThrow())).findFirst()
                    .orElseThrow();
            Run cut = Extractor.standard().extract(input, ExtractOptions.defaults().withWindow(asked.window())).run();
            assertThat(RunJson.write(new Run(cut.metadata(), stage.total(), stage.services())))
                    .as("stage %s", asked.name()).isEqualTo(RunJson.write(cut));
        }
    }

    @Test
    void aFileIsReadTwiceWhateverTheNumberOfStages() {
        AtomicInteger reads = new AtomicInteger();
        Extractor counting = new Extractor(new FormatDetector(FormatDetector.standard().formats().stream()
                .map(f -> (ResultFormat) new Counting(f, reads)).toList()));
        String jtl = "src/test/resources/fixtures/jmeter/5.6/shop-e2e-csv/results.jtl";
        List<Stage> stages = List.of(Stage.of("a", Duration.ZERO, Optional.of(Duration.ofSeconds(1))),
                Stage.of("b", Duration.ofSeconds(1), Optional.of(Duration.ofSeconds(2))),
                Stage.of("c", Duration.ofSeconds(2), Optional.empty()));

        counting.extract(List.of(jtl), ExtractOptions.defaults().withStages(stages));
        assertThat(reads.getAndSet(0)).as("three stages").isEqualTo(2);

        counting.extract(List.of(jtl), ExtractOptions.defaults().withStages(stages).withWindow(
                new RelativeWindow(Duration.ofMillis(100), Duration.ZERO, Optional.empty(), Optional.empty())));
        assertThat(reads.getAndSet(0)).as("a window and three stages").isEqualTo(2);

        counting.extract(List.of(jtl), ExtractOptions.defaults());
        assertThat(reads.get()).as("neither").isEqualTo(1);
    }

    private static Run withoutStages(Run run) {
        return new Run(run.metadata(), run.total(), run.services());
    }

    /** A format that counts its reads. */
    private record Counting(ResultFormat format, AtomicInteger reads) implements ResultFormat {
        @Override
        public String displayName() {
            return format.displayName();
        }

        @Override
        public boolean rawSamples() {
            return format.rawSamples();
        }

        @Override
        public boolean windowable(Path file) {
            return format.windowable(file);
        }

        @Override
        public List<Path> companions(Path file) {
            return format.companions(file);
        }

        @Override
        public Optional<dev.loadverdict.extractor.internal.TimeWindow> loadPlateau(Path file, String displayPath,
                                                                                  OptionalInt users) {
            return format.loadPlateau(file, displayPath, users);
        }

        @Override
        public MatchStrength detect(Head head) {
            return format.detect(head);
        }

        @Override
        public ToolResult read(Head head, ReadContext context) {
            reads.incrementAndGet();
            return format.read(head, context);
        }
    }
}
