package dev.loadverdict.issuebot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan on its own: which issues to create, comment, update, close, and the confirmation count. */
class IssuePlannerTest {

    private static IssuePlanner.Scope scope(String name, boolean critical) {
        Fingerprint f = Fingerprint.of("nightly", name);
        return new IssuePlanner.Scope(name, critical, !critical, "Regression in " + name,
                f.startMarker() + "\nnew " + name + "\n" + f.endMarker() + "\n", "again", "recovered");
    }

    private static IssuePlanner.Options confirm(int k) {
        return new IssuePlanner.Options("nightly", List.of("performance-regression"), List.of(), true, k);
    }

    @Test
    void anIssueOpensOnlyOnTheKthFailingRunInARow() {
        IssuePlan first = IssuePlanner.plan(List.of(scope("checkout", true)), List.of(), confirm(3));
        assertThat(first.actions()).singleElement().isInstanceOf(IssuePlan.UpdatePending.class);
        IssuePlan.UpdatePending pending = (IssuePlan.UpdatePending) first.actions().get(0);
        assertThat(pending.describe()).isEqualTo("create the pending-state issue \"loadverdict: regressions awaiting confirmation (nightly)\"");
        assertThat(pending.body()).contains("runs=1 -->");

        List<IssuePlanner.OpenIssue> open = List.of(new IssuePlanner.OpenIssue(40, pending.body()));
        IssuePlan second = IssuePlanner.plan(List.of(scope("checkout", true)), open, confirm(3));
        assertThat(second.actions()).singleElement().satisfies(a -> assertThat(((IssuePlan.UpdatePending) a).body()).contains("runs=2 -->"));

        List<IssuePlanner.OpenIssue> twice = List.of(new IssuePlanner.OpenIssue(40, ((IssuePlan.UpdatePending) second.actions().get(0)).body()));
        IssuePlan third = IssuePlanner.plan(List.of(scope("checkout", true)), twice, confirm(3));
        assertThat(third.actions()).hasSize(2);
        assertThat(third.actions().get(0)).isInstanceOf(IssuePlan.Create.class);
        assertThat(third.actions().get(1).describe()).isEqualTo("close the pending-state issue #40 (nothing awaits confirmation)");
    }

    @Test
    void aPassingRunResetsTheCount() {
        IssuePlan first = IssuePlanner.plan(List.of(scope("checkout", true)), List.of(), confirm(2));
        List<IssuePlanner.OpenIssue> open = List.of(new IssuePlanner.OpenIssue(40, ((IssuePlan.UpdatePending) first.actions().get(0)).body()));
        IssuePlan passed = IssuePlanner.plan(List.of(scope("checkout", false)), open, confirm(2));
        assertThat(passed.actions()).singleElement().satisfies(a -> assertThat(a.describe()).startsWith("close the pending-state issue #40"));
    }

    @Test
    void withoutConfirmationTheFirstFailingRunOpensTheIssueAndAMissingServiceClosesNothing() {
        IssuePlan plan = IssuePlanner.plan(List.of(scope("checkout", true)), List.of(), confirm(1));
        assertThat(plan.actions()).singleElement().isInstanceOf(IssuePlan.Create.class);
        Fingerprint f = Fingerprint.of("nightly", "payments");
        List<IssuePlanner.OpenIssue> open = List.of(new IssuePlanner.OpenIssue(7, f.startMarker() + "\nold\n" + f.endMarker()));
        // the run has no data for payments: its issue stays open and untouched
        assertThat(IssuePlanner.plan(List.of(scope("checkout", false)), open, confirm(1)).actions()).isEmpty();
    }

    @Test
    void theSummaryIsRewrittenBetweenTheMarkersOnly() {
        Fingerprint f = Fingerprint.of("nightly", "checkout");
        String body = "Human notes above.\n" + f.startMarker() + "\nold\n" + f.endMarker() + "\nHuman notes below.";
        String updated = IssuePlanner.replaceSummary(body, f, f.startMarker() + "\nnew\n" + f.endMarker() + "\n");
        assertThat(updated).isEqualTo("Human notes above.\n" + f.startMarker() + "\nnew\n" + f.endMarker() + "\nHuman notes below.");
        assertThat(IssuePlanner.replaceSummary("markers removed by someone", f, "S\n")).isEqualTo("S\n\nmarkers removed by someone");
    }

    @Test
    void theSameComparisonFiledAgainLeavesItsIssueAlone() {
        Fingerprint f = Fingerprint.of("nightly", "checkout");
        String shown = "Notes.\n" + f.startMarker() + "\nnew checkout\n" + f.endMarker() + "\nMore notes.";
        IssuePlan again = IssuePlanner.plan(List.of(scope("checkout", true)), List.of(new IssuePlanner.OpenIssue(7, shown)), confirm(1));
        assertThat(again.actions()).singleElement().isInstanceOf(IssuePlan.Keep.class)
                .satisfies(a -> assertThat(a.describe()).isEqualTo("leave issue #7 as it is (it already shows this comparison)"));
        IssuePlan editedOnGitHub = IssuePlanner.plan(List.of(scope("checkout", true)),
                List.of(new IssuePlanner.OpenIssue(7, shown.replace("\n", "\r\n"))), confirm(1));
        assertThat(editedOnGitHub.actions()).singleElement().isInstanceOf(IssuePlan.Keep.class);
        String older = "Notes.\n" + f.startMarker() + "\nold checkout\n" + f.endMarker() + "\nMore notes.";
        IssuePlan newer = IssuePlanner.plan(List.of(scope("checkout", true)), List.of(new IssuePlanner.OpenIssue(7, older)), confirm(1));
        assertThat(newer.actions()).extracting(IssuePlan.Action::describe)
                .containsExactly("comment on issue #7", "update the summary of issue #7");
    }

    @Test
    void thePendingStateIssueCarriesTheMarkerItIsFoundByAndTheGivenTitle() {
        IssuePlanner.Options options = new IssuePlanner.Options("nightly", List.of("performance-regression"), List.of(), true, 2,
                "Awaiting confirmation");
        IssuePlan.UpdatePending pending = (IssuePlan.UpdatePending) IssuePlanner.plan(List.of(scope("checkout", true)), List.of(),
                options).actions().get(0);
        assertThat(pending.title()).isEqualTo("Awaiting confirmation");
        assertThat(pending.marker()).isEqualTo(PendingState.issueMarker("nightly"));
        assertThat(pending.body()).startsWith(pending.marker());
    }
}
