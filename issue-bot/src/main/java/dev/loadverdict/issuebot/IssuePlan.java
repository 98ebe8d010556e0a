package dev.loadverdict.issuebot;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the issue bot will do on GitHub, decided before it touches anything: {@code --dry-run} prints exactly this, each
 * action's {@link Action#sent() text} as {@link GitHubIssues} sends it.
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

        /** The text this action sends to GitHub, exactly as sent; empty for one that sends none (a close, a keep). */
        default Optional<Sent> sent() {
            return Optional.empty();
        }
    }

    /**
     * The text an action sends: what {@link GitHubIssues} posts, character for character.
     *
     * @param title a new issue's title; empty when the action writes a body or comment only
     * @param labels a new issue's labels
     * @param assignees a new issue's assignees
     * @param body the issue's body or the comment, hidden markers included
     */
    public record Sent(Optional<String> title, List<String> labels, List<String> assignees, String body) {
        public Sent {
            Objects.requireNonNull(title, "title == null");
            labels = List.copyOf(labels);
            assignees = List.copyOf(assignees);
            Objects.requireNonNull(body, "body == null");
        }

        static Sent body(String body) {
            return new Sent(Optional.empty(), List.of(), List.of(), body);
        }
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

        @Override
        public Optional<Sent> sent() {
            return Optional.of(new Sent(Optional.of(title), labels, assignees, body));
        }
    }

    /**
     * Add a comment to an open issue (the regression recurred, or it recovered). It is sent with a hidden digest of
     * itself, by which a retry after a lost answer finds it instead of adding it twice.
     */
    public record Comment(int issue, String body) implements Action {
        @Override
        public String describe() {
            return "comment on issue #" + issue;
        }

        /** The hidden marker that finds this comment again: a digest of its body. */
        String digestMarker() {
            return Markers.digest(body);
        }

        /** The body as posted: the comment, then its {@link #digestMarker()} on a line of its own. */
        String sentBody() {
            return body + (body.endsWith("\n") ? "" : "\n") + digestMarker() + "\n";
        }

        @Override
        public Optional<Sent> sent() {
            return Optional.of(Sent.body(sentBody()));
        }
    }

    /** Rewrite the marker-delimited summary part of an issue's body, keeping what people wrote around it. */
    public record UpdateBody(int issue, String body) implements Action {
        @Override
        public String describe() {
            return "update the summary of issue #" + issue;
        }

        @Override
        public Optional<Sent> sent() {
            return Optional.of(Sent.body(body));
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
    public record UpdatePending(Optional<Integer> issue, String body, boolean empty, String title,
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

        @Override
        public Optional<Sent> sent() {
            if (issue.isPresent()) {
                return Optional.of(Sent.body(body)); // written before the issue is closed, when nothing is pending
            }
            return empty ? Optional.empty() : Optional.of(new Sent(Optional.of(title), labels, List.of(), body));
        }
    }
}
