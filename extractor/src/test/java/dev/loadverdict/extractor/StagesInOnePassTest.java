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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
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
 * with {@code --window}. And a raw file is read once however many stages there are: its first samples are held back
 * until the run's start is settled, then the window and all stages are placed on it.
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
        assertStagesEqualWindows(input, stages);
    }

    /** Each stage of {@code input} equals the run cut to the stage's window with {@code --window}. */
    private static void assertStagesEqualWindows(List<String> input, List<Stage> stages) {
        Run staged = Extractor.standard().extract(input, ExtractOptions.defaults().withStages(stages)).run();
        for (Run stage : staged.stages()) {
            Stage asked = stages.stream().filter(s -> s.name().equals(stage.metadata().stage().orElseThrow())).findFirst()
                    .orElseThrow();
            Run cut = Extractor.standard().extract(input, ExtractOptions.defaults().withWindow(asked.window())).run();
            assertThat(RunJson.write(new Run(cut.metadata(), stage.total(), stage.services())))
                    .as("stage %s", asked.name()).isEqualTo(RunJson.write(cut));
        }
    }

    @Test
    void aFileIsReadOnceWhateverTheNumberOfStages(@TempDir Path dir) throws IOException {
        AtomicInteger reads = new AtomicInteger();
        Extractor counting = counting(reads);
        String jtl = "src/test/resources/fixtures/jmeter/5.6/shop-e2e-csv/results.jtl";
        List<Stage> stages = List.of(Stage.of("a", Duration.ZERO, Optional.of(Duration.ofSeconds(1))),
                Stage.of("b", Duration.ofSeconds(1), Optional.of(Duration.ofSeconds(2))),
                Stage.of("c", Duration.ofSeconds(2), Optional.empty()));

        counting.extract(List.of(jtl), ExtractOptions.defaults().withStages(stages));
        assertThat(reads.getAndSet(0)).as("three stages").isEqualTo(1);

        counting.extract(List.of(jtl), ExtractOptions.defaults().withStages(stages).withWindow(
                new RelativeWindow(Duration.ofMillis(100), Duration.ZERO, Optional.empty(), Optional.empty())));
        assertThat(reads.getAndSet(0)).as("a warm-up cut and three stages").isEqualTo(1);

        counting.extract(List.of(jtl), ExtractOptions.defaults());
        assertThat(reads.getAndSet(0)).as("neither").isEqualTo(1);

        // dropping the last seconds needs the run's end, and two generators' files need one start: a first pass finds them
        counting.extract(List.of(jtl), ExtractOptions.defaults().withStages(stages).withWindow(
                new RelativeWindow(Duration.ZERO, Duration.ofMillis(100), Optional.empty(), Optional.empty())));
        assertThat(reads.getAndSet(0)).as("a ramp-down cut and three stages").isEqualTo(2);
        Path copy = Files.copy(Path.of(jtl), dir.resolve("generator-2.jtl"));
        counting.extract(List.of(jtl, copy.toString()), ExtractOptions.defaults().withStages(stages));
        assertThat(reads.getAndSet(0)).as("two files, three stages").isEqualTo(4);
    }

    /**
     * A single pass settles the run's start after holding back the first 65,536 samples. A sample that comes later yet
     * started earlier proves it wrong: the file is then read again, in two passes, and the stages are as exact as ever.
     */
    @Test
    void anEarlierSampleAfterTheHeldBackOnesMakesASecondReading(@TempDir Path dir) throws IOException {
        Path jtl = dir.resolve("late-earliest.jtl");
        long t0 = 1_795_431_750_000L;
        int rows = 70_000;
        try (Writer w = Files.newBufferedWriter(jtl)) {
            w.write("timeStamp,elapsed,label,responseCode,success\n");
            for (int i = 0; i < rows - 1; i++) {
                w.write((t0 + 1_000 + i) + ",5,GET /a,200,true\n");
            }
            w.write(t0 + ",40000,GET /slow,200,true\n"); // started first, finished last
        }
        List<Stage> stages = List.of(Stage.of("first", Duration.ZERO, Optional.of(Duration.ofSeconds(30))),
                Stage.of("rest", Duration.ofSeconds(30), Optional.empty()));
        AtomicInteger reads = new AtomicInteger();

        Run run = counting(reads).extract(List.of(jtl.toString()), ExtractOptions.defaults().withStages(stages)).run();

        assertThat(reads).as("one pass proven wrong, then two").hasValue(3);
        assertThat(run.stages().get(0).total().orElseThrow().requests()).as("the first 30 s from the slow request's start")
                .isEqualTo(1 + 29_000); // the slow request, and those that started 1 s to 30 s after it
        assertStagesEqualWindows(List.of(jtl.toString()), stages);
    }

    private static Extractor counting(AtomicInteger reads) {
        return new Extractor(new FormatDetector(FormatDetector.standard().formats().stream()
                .map(f -> (ResultFormat) new Counting(f, reads)).toList()));
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
