package dev.loadverdict.issuebot;

import java.util.List;
import java.util.Objects;

/**
 * What the issue bot will do on GitHub, decided before it touches anything ({@code --dry-run} prints exactly this).
 *
 * @param actions in the order they run
 */
public record IssuePlan(List<Action> actions) {

    public IssuePlan {
        actions = List.copyOf(Objects.requireNonNull(actions, "actions == null"));
    }

    /** One change on GitHub. */
    public sealed interface Action {
        /** One line saying what will happen, for {@code --dry-run} and the log. */
        String describe();
    }

    /** Open a new issue for a scope's critical regressions. */
    public record Create(Fingerprint fingerprint, String title, String body, List<String> labels, List<String> assignees)
            implements Action {
        public Create {
            labels = List.copyOf(labels);
            assignees = List.copyOf(assignees);
        }

        @Override
        public String describe() {
            return "create issue \"" + title + "\" (labels: " + String.join(", ", labels) + ")";
        }
    }

    /** Add a comment to an open issue (the regression recurred, or it recovered). */
    public record Comment(int issue, String body) implements Action {
        @Override
        public String describe() {
            return "comment on issue #" + issue;
        }
    }

    /** Rewrite the marker-delimited summary part of an issue's body, keeping what people wrote around it. */
    public record UpdateBody(int issue, String body) implements Action {
        @Override
        public String describe() {
            return "update the summary of issue #" + issue;
        }
    }

    /**
     * Leave an open issue as it is: it already shows this comparison (its summary would be rewritten to the same text),
     * so filing the same comparison again adds no comment.
     */
    public record Keep(int issue, String reason) implements Action {
        @Override
        public String describe() {
            return "leave issue #" + issue + " as it is (" + reason + ")";
        }
    }

    /** Close an issue whose regression is gone. */
    public record Close(int issue) implements Action {
        @Override
        public String describe() {
            return "close issue #" + issue;
        }
    }

    /**
     * Write the suite's pending-state issue: create it when there is none, update its body, or close it when
     * nothing is pending any more.
     *
     * @param issue the open pending-state issue, when there is one
     * @param empty whether nothing is pending (the issue is then closed, or not created)
     * @param marker the hidden marker in the body that makes an issue the suite's pending-state issue
     */
    public record UpdatePending(java.util.Optional<Integer> issue, String body, boolean empty, String title,
                                List<String> labels, String marker) implements Action {
        public UpdatePending {
            labels = List.copyOf(labels);
            if (!body.contains(marker)) {
                throw new IllegalArgumentException("the body must carry the marker it is found by");
            }
        }

        @Override
        public String describe() {
            if (empty) {
                return issue.map(n -> "close the pending-state issue #" + n + " (nothing awaits confirmation)")
                        .orElse("leave the pending state empty");
            }
            return issue.map(n -> "update the pending-state issue #" + n).orElse("create the pending-state issue \"" + title + "\"");
        }
    }
}
