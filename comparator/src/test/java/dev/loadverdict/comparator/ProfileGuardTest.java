package dev.loadverdict.comparator;

import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileGuardTest {

    static RunMetadata run(Tool tool, Workload.Model model, Integer users, Double rate, Integer seconds, String script) {
        return new RunMetadata(tool, Optional.empty(), List.of("x"), Optional.empty(), Optional.empty(),
                seconds == null ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds)), Optional.empty(),
                new Workload(model, users == null ? OptionalInt.empty() : OptionalInt.of(users),
                        rate == null ? OptionalDouble.empty() : OptionalDouble.of(rate)),
                Optional.ofNullable(script), new TreeMap<>(), Optional.empty(), SourcePrecision.wholeMilliseconds());
    }

    @Test
    void theSameProfileWithinToleranceIsComparable() {
        RunMetadata base = run(Tool.K6, Workload.Model.CLOSED, 50, null, 600, "sha256:a");
        assertThat(ProfileGuard.differences(run(Tool.K6, Workload.Model.CLOSED, 55, null, 700, "sha256:a"), base, 10))
                .isEmpty();
    }

    @Test
    void eachDifferenceBeyondToleranceIsNamedWithItsNumbers() {
        RunMetadata base = run(Tool.K6, Workload.Model.OPEN, 50, 100.0, 600, "sha256:a");
        List<String> d = ProfileGuard.differences(run(Tool.JMETER, Workload.Model.CLOSED, 25, 150.0, 60, "sha256:b"), base, 10);
        assertThat(d).containsExactly(
                "the run was made with jmeter but the baseline with k6",
                "the run used the closed workload model but the baseline the open one",
                "the run had 25 users/VUs but the baseline 50 (-50%, tolerance 10%)",
                "the run's arrival rate was 150/s but the baseline's 100/s (tolerance 10%)",
                "the run lasted 60 s but the baseline 600 s (-90%, tolerance 20%)",
                "the run's test script differs from the baseline's (script hashes differ)");
    }

    @Test
    void aBaselineWhoseToolIsNotKnownIsNoToolDifferenceButTheRestIsChecked() {
        // a legacy import without --tool records generic for want of knowing
        RunMetadata imported = run(Tool.GENERIC, Workload.Model.UNKNOWN, 20, null, null, null);
        assertThat(ProfileGuard.differences(run(Tool.LOCUST, Workload.Model.CLOSED, 20, null, 60, null), imported, 10, false))
                .isEmpty();
        assertThat(ProfileGuard.differences(run(Tool.LOCUST, Workload.Model.CLOSED, 40, null, 60, null), imported, 10, false))
                .containsExactly("the run had 40 users/VUs but the baseline 20 (+100%, tolerance 10%)");
        assertThat(ProfileGuard.differences(run(Tool.LOCUST, Workload.Model.CLOSED, 20, null, 60, null), imported, 10, true))
                .containsExactly("the run was made with locust but the baseline with generic");
    }

    @Test
    void whatEitherSideDoesNotRecordIsNoDifference() {
        RunMetadata base = run(Tool.LOCUST, Workload.Model.UNKNOWN, null, null, null, null);
        assertThat(ProfileGuard.differences(run(Tool.LOCUST, Workload.Model.CLOSED, 500, 3.0, 5, "sha256:x"), base, 10))
                .isEmpty();
    }

    @Test
    void theToleranceIsTheUsers() {
        RunMetadata base = run(Tool.K6, Workload.Model.CLOSED, 100, null, null, null);
        assertThat(ProfileGuard.differences(run(Tool.K6, Workload.Model.CLOSED, 110, null, null, null), base, 10)).isEmpty();
        assertThat(ProfileGuard.differences(run(Tool.K6, Workload.Model.CLOSED, 111, null, null, null), base, 10)).hasSize(1);
        assertThat(ProfileGuard.differences(run(Tool.K6, Workload.Model.CLOSED, 111, null, null, null), base, 20)).isEmpty();
    }
}
