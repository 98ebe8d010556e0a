package dev.loadverdict.issuebot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, without touching GitHub, what to do with one comparison's regressions: one issue per (suite, service) —
 * its {@link Fingerprint} hidden in the body — opened when the service has a critical regression and no open issue
 * carries its fingerprint; when one does, a comment with the new run and a rewrite of the summary between the
 * markers (people edit the rest), unless the summary already says exactly this (the same comparison filed again);
 * and with {@code closeResolved}, a comment with the evidence and a close when a
 * later run passes for that service with enough requests. A run that merely lacks the service closes nothing.
 */
public final class IssuePlanner {

    private IssuePlanner() {
    }

    /**
     * One service (scope) of the comparison.
     *
     * @param scope the service, after its stage when split ({@code steady / checkout})
     * @param critical whether it has a critical regression
     * @param passed whether it passed with enough requests to tell (no regression, every check comparable)
     * @param title the issue title for it
     * @param summary the rendered summary, between its start and end markers
     * @param recurrence the comment to add when its issue is already open
     * @param recovery the comment to add when it passed and its issue is closed
     */
    public record Scope(String scope, boolean critical, boolean passed, String title, String summary, String recurrence,
                        String recovery) {
        public Scope {
            Objects.requireNonNull(scope, "scope == null");
            Objects.requireNonNull(title, "title == null");
            Objects.requireNonNull(summary, "summary == null");
            Objects.requireNonNull(recurrence, "recurrence == null");
            Objects.requireNonNull(recovery, "recovery == null");
        }
    }

    /**
     * An open issue found with the label.
     *
     * @param number its number
     * @param body its body
     */
    public record OpenIssue(int number, String body) {
    }

    /**
     * How to file.
     *
     * @param suite the suite (part of every fingerprint)
     * @param labels labels of a new issue; the first is the one open issues are searched by
     * @param assignees assignees of a new issue
     * @param closeResolved whether to close an issue when its service passes again
     * @param confirmRuns open an issue only on a service's K-th failing run in a row
     * @param pendingTitle the title of the suite's pending-state issue, when one is created
     */
    public record Options(String suite, List<String> labels, List<String> assignees, boolean closeResolved,
                          int confirmRuns, String pendingTitle) {
        public Options {
            Objects.requireNonNull(pendingTitle, "pendingTitle == null");
            labels = List.copyOf(labels);
            assignees = List.copyOf(assignees);
            if (labels.isEmpty()) {
                throw new IllegalArgumentException("at least one label is needed to find loadverdict's issues");
            }
            if (confirmRuns < 1) {
                throw new IllegalArgumentException("confirmRuns must be at least 1 but was " + confirmRuns);
            }
        }

        /** Options with the default title of the pending-state issue. */
        public Options(String suite, List<String> labels, List<String> assignees, boolean closeResolved, int confirmRuns) {
            this(suite, labels, assignees, closeResolved, confirmRuns, defaultPendingTitle(suite));
        }

        /** {@code loadverdict: regressions awaiting confirmation (SUITE)}. */
        public static String defaultPendingTitle(String suite) {
            return "loadverdict: regressions awaiting confirmation (" + suite + ")";
        }

        /** Options that file an issue on the first failing run. */
        public Options(String suite, List<String> labels, List<String> assignees, boolean closeResolved) {
            this(suite, labels, assignees, closeResolved, 1);
        }
    }

    /**
     * Plans the actions. With {@code confirmRuns} K above 1, a service's issue is opened only on its K-th
     * consecutive run with a critical regression: the counts so far live in the suite's pending-state issue
     * ({@link PendingState}), found among the open issues, so no other storage is needed; a run without the
     * regression resets its count.
     */
    public static IssuePlan plan(List<Scope> scopes, List<OpenIssue> open, Options options) {
        List<IssuePlan.Action> actions = new ArrayList<>();
        Optional<OpenIssue> pendingIssue = open.stream().filter(i -> PendingState.isPendingIssue(i.body(), options.suite()))
                .min(java.util.Comparator.comparingInt(OpenIssue::number));
        PendingState before = pendingIssue.map(i -> PendingState.parse(i.body())).orElse(PendingState.EMPTY);
        java.util.Map<Fingerprint, Integer> pending = new java.util.LinkedHashMap<>();
        for (Scope s : scopes) {
            Fingerprint fingerprint = Fingerprint.of(options.suite(), s.scope());
            Optional<OpenIssue> existing = open.stream()
                    .filter(i -> Fingerprint.findIn(i.body()).filter(fingerprint::equals).isPresent())
                    .min(java.util.Comparator.comparingInt(OpenIssue::number));
            if (s.critical()) {
                if (existing.isPresent()) {
                    int number = existing.get().number();
                    // GitHub keeps a body edited in its web editor with CRLF line ends; compared and rewritten with LF
                    String body = existing.get().body().replace("\r\n", "\n");
                    String updated = replaceSummary(body, fingerprint, s.summary());
                    if (updated.equals(body)) {
                        // its summary already says exactly this: the same comparison was filed before
                        actions.add(new IssuePlan.Keep(number, "it already shows this comparison"));
                    } else {
                        actions.add(new IssuePlan.Comment(number, s.recurrence()));
                        actions.add(new IssuePlan.UpdateBody(number, updated));
                    }
                } else {
                    int runs = before.runs(fingerprint) + 1;
                    if (runs >= options.confirmRuns()) {
                        actions.add(new IssuePlan.Create(fingerprint, s.title(), s.summary(), options.labels(), options.assignees()));
                    } else {
                        pending.put(fingerprint, runs);
                    }
                }
            } else if (s.passed() && options.closeResolved() && existing.isPresent()) {
                actions.add(new IssuePlan.Comment(existing.get().number(), s.recovery()));
                actions.add(new IssuePlan.Close(existing.get().number()));
            }
        }
        PendingState after = new PendingState(pending);
        if (options.confirmRuns() > 1 && !after.equals(before)) {
            actions.add(new IssuePlan.UpdatePending(pendingIssue.map(OpenIssue::number), after.render(options.suite(),
                    options.confirmRuns()), after.isEmpty(), options.pendingTitle(), options.labels(),
                    PendingState.issueMarker(options.suite())));
        }
        return new IssuePlan(actions);
    }

    /**
     * The body with the part between the fingerprint's markers replaced by {@code summary} (which carries the markers
     * itself); when people removed the markers, the summary goes on top and their text stays below it.
     */
    static String replaceSummary(String body, Fingerprint fingerprint, String summary) {
        int start = body.indexOf(fingerprint.startMarker());
        int end = body.indexOf(fingerprint.endMarker());
        if (start >= 0 && end > start) {
            String after = body.substring(end + fingerprint.endMarker().length());
            String tail = after.startsWith("\n") ? after.substring(1) : after;
            return body.substring(0, start) + (summary.endsWith("\n") ? summary : summary + "\n") + tail;
        }
        return summary + (summary.endsWith("\n") ? "" : "\n") + "\n" + body;
    }
}
