package dev.loadverdict.model.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * loadverdict.yml's {@code issues:} block: how the issue bot files issues, unless flags say otherwise.
 *
 * @param labels labels of new issues (the first finds loadverdict's issues); empty for the default
 * @param assignees assignees of new issues
 * @param title the title template ({@code {service}}, {@code {suite}}), when set
 * @param confirmRuns consecutive failing runs before an issue is opened, when set
 */
public record IssueSettings(List<String> labels, List<String> assignees, Optional<String> title, OptionalInt confirmRuns) {

    public IssueSettings {
        labels = List.copyOf(Objects.requireNonNull(labels, "labels == null"));
        assignees = List.copyOf(Objects.requireNonNull(assignees, "assignees == null"));
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(confirmRuns, "confirmRuns == null");
        confirmRuns.ifPresent(k -> {
            if (k < 1) {
                throw new IllegalArgumentException("confirmRuns must be at least 1 but was " + k);
            }
        });
    }

    public static IssueSettings none() {
        return new IssueSettings(List.of(), List.of(), Optional.empty(), OptionalInt.empty());
    }
}
