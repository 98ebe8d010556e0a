package dev.loadverdict.baselines;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A data branch on a real git repository with a bare "origin" beside it, as in CI. */
class DataBranchTest {

    @TempDir
    Path tmp;
    Path origin;
    Path clone;
    final List<Long> waits = new ArrayList<>();

    private static String git(Path dir, String... args) {
        Git.Result r = new Git(dir, Map.of(), Duration.ofSeconds(60)).run(args);
        assertThat(r.ok()).as("git " + String.join(" ", args) + ": " + r.err()).isTrue();
        return r.out().strip();
    }

    @BeforeEach
    void repositories() throws IOException {
        origin = Files.createDirectory(tmp.resolve("origin.git"));
        git(origin, "init", "--quiet", "--bare");
        clone = tmp.resolve("work");
        git(tmp, "clone", "--quiet", origin.toString(), clone.toString());
        Files.writeString(clone.resolve("README"), "the project\n");
        git(clone, "add", "README");
        git(clone, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "--quiet", "-m", "first");
        git(clone, "push", "--quiet", "origin", "HEAD:refs/heads/main");
    }

    private DataBranch open() {
        return DataBranch.open(clone, "origin", "loadverdict-data", waits::add);
    }

    private static String add(Path root, String name) {
        try {
            Path file = root.resolve("baselines/shop/history").resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "{\"run\": \"" + name + "\"}\n");
            return name;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aMissingBranchIsEmptyAndTheFirstWriteCreatesIt() {
        try (DataBranch data = open()) {
            assertThat(data.exists()).isFalse();
            assertThat(data.root()).isEmptyDirectory();
            data.write("loadverdict: record run 1", root -> add(root, "a.json"));
            assertThat(data.exists()).isTrue();
        }
        assertThat(git(origin, "ls-tree", "-r", "--name-only", "loadverdict-data")).isEqualTo("baselines/shop/history/a.json");
        assertThat(git(origin, "log", "--format=%an %s", "loadverdict-data")).isEqualTo("loadverdict loadverdict: record run 1");
        assertThat(git(clone, "status", "--porcelain")).as("the user's checkout is untouched").isEmpty();
        assertThat(git(clone, "branch", "--list")).doesNotContain("loadverdict-data");
    }

    @Test
    void aChangeThatChangesNothingPushesNothing() {
        try (DataBranch data = open()) {
            String refused = data.write("nothing", root -> "refused");
            assertThat(refused).isEqualTo("refused");
            assertThat(data.exists()).as("no empty branch is created").isFalse();
            data.write("first", root -> add(root, "a.json"));
        }
        String tip = git(origin, "rev-parse", "loadverdict-data");
        try (DataBranch data = open()) {
            data.write("again", root -> add(root, "a.json")); // the same file with the same content
        }
        assertThat(git(origin, "rev-parse", "loadverdict-data")).isEqualTo(tip);
    }

    @Test
    void theBranchKeepsOneCommitWhateverTheNumberOfWrites() {
        for (int i = 0; i < 4; i++) {
            String name = "run-" + i + ".json";
            try (DataBranch data = open()) {
                data.write("record " + i, root -> add(root, name));
            }
        }
        assertThat(git(origin, "rev-list", "--count", "loadverdict-data")).isEqualTo("1");
        assertThat(git(origin, "ls-tree", "-r", "--name-only", "loadverdict-data").lines()).hasSize(4);
        try (DataBranch data = open()) {
            assertThat(data.root().resolve("baselines/shop/history/run-2.json")).exists();
        }
    }

    @Test
    void aJobThatPushedFirstMakesTheOtherApplyItsChangeAgainOnTheNewTip() {
        try (DataBranch first = open(); DataBranch second = open()) {
            first.write("first", root -> add(root, "first.json"));
            List<Path> rootsSeen = new ArrayList<>();
            second.write("second", root -> {
                rootsSeen.add(root);
                return add(root, "second.json");
            });
            assertThat(rootsSeen).as("applied once on the stale tip, once on the new one").hasSize(2);
        }
        assertThat(waits).hasSize(1);
        assertThat(git(origin, "ls-tree", "-r", "--name-only", "loadverdict-data").lines())
                .containsExactly("baselines/shop/history/first.json", "baselines/shop/history/second.json");
    }

    @Test
    void aPushThatCannotSucceedKeepsTheRunInTheRescueDirectory() throws IOException {
        try (DataBranch data = open()) {
            git(clone, "remote", "set-url", "origin", tmp.resolve("gone.git").toString());
            assertThatThrownBy(() -> data.write("lost?", root -> add(root, "precious.json")))
                    .isInstanceOf(DataBranchException.class)
                    .hasMessageContaining("cannot push loadverdict-data")
                    .hasMessageContaining("nothing was lost: what this run wrote is in loadverdict-unpushed");
        }
        assertThat(Files.readString(clone.resolve("loadverdict-unpushed/baselines/shop/history/precious.json")))
                .contains("precious.json");
    }

    @Test
    void anUnreachableRemoteOrABadNameIsOneClearFailure() {
        git(clone, "remote", "set-url", "origin", tmp.resolve("gone.git").toString());
        assertThatThrownBy(this::open).isInstanceOf(DataBranchException.class)
                .hasMessageStartingWith("cannot fetch loadverdict-data: ");
        assertThatThrownBy(() -> DataBranch.open(clone, "origin", "bad..name", waits::add))
                .isInstanceOf(DataBranchException.class).hasMessageContaining("not a valid branch name");
        assertThatThrownBy(() -> DataBranch.open(tmp, "origin", "loadverdict-data", waits::add))
                .isInstanceOf(DataBranchException.class).hasMessageContaining("is not inside a git repository");
    }
}
