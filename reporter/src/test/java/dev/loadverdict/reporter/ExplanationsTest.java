package dev.loadverdict.reporter;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.compare.Significance;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** Every verdict explains itself, and a table cell never cuts a reason in the middle. */
class ExplanationsTest {

    private static final String DOWNGRADE = "critical: not resolvable at this sample size: p99 of 212 requests = the 3rd-largest;"
            + " the 95% intervals [6.5, ∞] ms before and [8.5, ∞] ms now overlap; a p99 is bounded from 368 requests → warning";

    private static Finding downgraded() {
        return Fixtures.finding("api", "GET /x", Metric.P99).values(7, 10, 3, 42.9)
                .regression(Severity.WARNING, "warning: relative +42.9% > 15% ✓", "critical: relative +42.9% > 40% ✓", DOWNGRADE)
                .significance(new Significance(Significance.Status.SIGNIFICANT, OptionalDouble.of(0.023),
                        "Fisher exact test on the share of requests above the baseline's p99", "p = 0.0029 before, 0.023 after"
                        + " Holm's adjustment over 8 endpoint tests"))
                .build();
    }

    @Test
    void theFullExplanationNamesTheDecisionTheTestItsPValuesAndFamilyAndWhereTheRulesAre() {
        List<String> full = Explanations.full(downgraded());
        assertThat(full.get(0)).isEqualTo(DOWNGRADE);
        assertThat(full).anyMatch(c -> c.startsWith("test: Fisher exact test on the share") && c.contains("p = 0.0029 before, 0.023 after"
                + " Holm's adjustment over 8 endpoint tests"));
        assertThat(full).anyMatch(c -> c.startsWith("critical rule from ")).anyMatch(c -> c.startsWith("warning rule from "));
    }

    @Test
    void aTableCellShowsWholeClausesOnlyAndCountsTheRest() {
        Finding f = downgraded();
        String brief = Explanations.brief(f, Explanations.BRIEF);
        List<String> full = Explanations.full(f);
        assertThat(brief).startsWith(DOWNGRADE);
        String shown = brief.replaceAll(" \\(\\+\\d+ more\\)$", "");
        for (String clause : shown.split("; (?=(critical|warning|test|significance|noise|closed)[ :])")) {
            assertThat(full).as("a whole clause, not a cut one: " + clause).contains(clause);
        }
        assertThat(brief).endsWith("more)");
        assertThat(brief).doesNotContain("…");
    }

    @Test
    void aClauseTooLongForTheCellIsNotCutButCounted() {
        assertThat(Explanations.brief(downgraded(), 20)).isEqualTo(Explanations.full(downgraded()).size() + " reasons in the full report");
    }
}
