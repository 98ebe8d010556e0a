package dev.loadverdict.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loadverdict.model.InputException;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The GitHub Actions event that started the job ({@code $GITHUB_EVENT_NAME}, {@code $GITHUB_EVENT_PATH}), as far as
 * loadverdict needs it: the pull request, its base and head commits.
 *
 * @param name the event's name, e.g. {@code pull_request}, {@code push}, {@code schedule}; empty outside Actions
 * @param payload the event's JSON, or a missing node
 */
record GitHubEvent(String name, JsonNode payload) {

    /** The event of this job, or an empty one outside GitHub Actions. */
    static GitHubEvent of(Main.Environment environment) {
        Map<String, String> env = environment.variables();
        String name = env.getOrDefault("GITHUB_EVENT_NAME", "");
        String path = env.get("GITHUB_EVENT_PATH");
        if (path == null || path.isBlank()) {
            return new GitHubEvent(name, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
        }
        try {
            return new GitHubEvent(name, new ObjectMapper().readTree(environment.resolve(path).toFile()));
        } catch (IOException e) {
            throw new InputException(path, "cannot be read as a GitHub event: " + e.getMessage());
        }
    }

    /** Whether this is a pull request's event. */
    boolean isPullRequest() {
        return payload.path("pull_request").isObject();
    }

    /** The pull request's number. */
    OptionalInt pullRequest() {
        JsonNode number = payload.path("pull_request").path("number");
        return number.canConvertToInt() ? OptionalInt.of(number.asInt()) : OptionalInt.empty();
    }

    /** The commit at the tip of the pull request's base branch when the event happened. */
    Optional<String> baseSha() {
        return text(payload.path("pull_request").path("base").path("sha"));
    }

    /** The pull request's head commit. */
    Optional<String> headSha() {
        return text(payload.path("pull_request").path("head").path("sha"));
    }

    /** The pull request's base branch, e.g. {@code main}. */
    Optional<String> baseRef() {
        return text(payload.path("pull_request").path("base").path("ref"));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
