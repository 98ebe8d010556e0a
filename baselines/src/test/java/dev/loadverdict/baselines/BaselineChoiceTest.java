package dev.loadverdict.baselines;

import dev.loadverdict.model.Baseline;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.loadverdict.baselines.BaselineFilesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

class BaselineChoiceTest {

    // a first-parent line, newest first: e ← d ← c ← b ← a
    static final List<String> LINE = List.of(hex('e'), hex('d'), hex('c'), hex('b'), hex('a'));

    static String hex(char c) {
        return String.valueOf(c).repeat(40);
    }

    static Baseline recorded(int version, char commit, String at) {
        return new Baseline(version, Instant.parse(at), new Baseline.Provenance(Optional.of(hex(commit).substring(0, 12)),
                Optional.of("main"), Optional.empty(), Optional.empty()), run(100 + version));
    }

    static final List<Baseline> HISTORY = List.of(
            recorded(1, 'a', "2026-11-20T03:00:00Z"),
            recorded(2, 'c', "2026-11-21T03:00:00Z"),
            recorded(3, 'c', "2026-11-22T03:00:00Z"), // the same commit measured again (a nightly without commits)
            recorded(4, '9', "2026-11-23T03:00:00Z")); // a commit of another branch

    @Test
    void theCommitsOwnNewestRunWhenItHasOne() {
        var choice = BaselineChoice.atOrBefore(HISTORY, LINE.subList(2, 5), Optional.empty(), 1, "commit ccccccc").orElseThrow();
        assertThat(choice.runs()).extracting(Baseline::version).containsExactly(3);
        assertThat(choice.reason()).isEqualTo("the newest run at or before commit ccccccc");
    }

    @Test
    void elseTheNearestAncestorWithARunAndHowFarBackItIs() {
        var choice = BaselineChoice.atOrBefore(HISTORY, LINE, Optional.empty(), 1, "the merge base eeeeeee of main").orElseThrow();
        assertThat(choice.runs()).extracting(Baseline::version).containsExactly(3);
        assertThat(choice.reason()).isEqualTo("the newest run at or before the merge base eeeeeee of main"
                + " (a run of ccccccc, 2 commits earlier)");
        var older = BaselineChoice.atOrBefore(HISTORY, LINE.subList(3, 5), Optional.empty(), 1, "commit bbbbbbb").orElseThrow();
        assertThat(older.runs()).extracting(Baseline::version).containsExactly(1);
    }

    @Test
    void aMedianTakesTheNewestRunsOnTheAncestryOnly() {
        var choice = BaselineChoice.atOrBefore(HISTORY, LINE, Optional.empty(), 5, "commit eeeeeee").orElseThrow();
        assertThat(choice.runs()).extracting(Baseline::version).containsExactly(1, 2, 3);
        assertThat(choice.reason()).startsWith("the median of the 3 newest runs at or before commit eeeeeee");
    }

    @Test
    void withNoRunOnTheFetchedHistoryTheNewestRunRecordedBeforeTheCommitAndSaySo() {
        List<String> shallow = List.of(hex('f'));
        var choice = BaselineChoice.atOrBefore(HISTORY, shallow, Optional.of(Instant.parse("2026-11-22T12:00:00Z")), 1,
                "commit fffffff").orElseThrow();
        assertThat(choice.runs()).extracting(Baseline::version).containsExactly(3);
        assertThat(choice.reason()).contains("recorded before commit fffffff was committed").contains("no recorded run is on its fetched history");
        assertThat(BaselineChoice.atOrBefore(HISTORY, shallow, Optional.of(Instant.parse("2026-01-01T00:00:00Z")), 1, "x")).isEmpty();
        assertThat(BaselineChoice.atOrBefore(HISTORY, shallow, Optional.empty(), 1, "x")).isEmpty();
    }
}
