package dev.loadverdict.baselines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Baseline suites kept on a dedicated branch of the repository (a "data branch"), so that recording every run of
 * the default branch never touches, reviews or bloats the main branch.
 *
 * <p><b>Reading.</b> {@link #open} fetches the branch's tip alone ({@code --depth=1}) into a private ref
 * ({@code refs/loadverdict/BRANCH}) and lays its files out in a scratch directory, {@link #root()}: suites are read
 * from there exactly as from a checkout. A branch that does not exist yet is an empty root.
 *
 * <p><b>Writing.</b> {@link #write} applies a change to a fresh copy of the tip and pushes the result as the branch's
 * one commit, with {@code --force-with-lease} on the tip it started from: a job that pushed in between makes the push
 * fail, and the change is applied again to the new tip (history files have unique names, so nothing conflicts), up
 * to {@value #ATTEMPTS} times. The branch never holds more than one commit, so its size is the size of its files
 * (which the retention policy bounds) and old versions of them become unreachable instead of accumulating, as they
 * do in data branches that keep every commit. When every attempt fails, what the change wrote is copied into
 * {@code RESCUE/} in the working directory, so no run is lost.
 *
 * <p>Every git call is bounded in time; git never prompts.
 */
public final class DataBranch implements AutoCloseable {

    /** Pushes tried before giving up. */
    public static final int ATTEMPTS = 5;
    /** Where the files of a change that could not be pushed are kept, under the working directory. */
    public static final String RESCUE = "loadverdict-unpushed";
    private static final Duration NETWORK = Duration.ofSeconds(120);
    private static final Duration LOCAL = Duration.ofSeconds(60);
    private static final Pattern REMOTE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Map<String, String> IDENTITY = Map.of(
            "GIT_AUTHOR_NAME", "loadverdict", "GIT_AUTHOR_EMAIL", "loadverdict@users.noreply.github.com",
            "GIT_COMMITTER_NAME", "loadverdict", "GIT_COMMITTER_EMAIL", "loadverdict@users.noreply.github.com");

    private final Git repository;
    private final Path workingDirectory;
    private final Path gitDir;
    private final String remote;
    private final String branch;
    private final Path scratch;
    private final LongConsumer sleeper;
    private Optional<String> tip = Optional.empty();

    private DataBranch(Git repository, Path workingDirectory, Path gitDir, String remote, String branch, Path scratch,
                       LongConsumer sleeper) {
        this.repository = repository;
        this.workingDirectory = workingDirectory;
        this.gitDir = gitDir;
        this.remote = remote;
        this.branch = branch;
        this.scratch = scratch;
        this.sleeper = sleeper;
    }

    /**
     * Fetches the branch and lays out its files.
     *
     * @param workingDirectory a directory inside the repository
     * @param remote the remote to fetch from and push to, usually {@code origin}, or a URL or path
     * @param branch the data branch, e.g. {@code loadverdict-data}
     * @param sleeper waits the given milliseconds between push attempts
     * @throws DataBranchException when git is missing, this is not a repository, or the remote cannot be reached
     */
    public static DataBranch open(Path workingDirectory, String remote, String branch, LongConsumer sleeper) {
        Objects.requireNonNull(remote, "remote == null");
        Objects.requireNonNull(branch, "branch == null");
        Git git = new Git(workingDirectory, Map.of(), LOCAL);
        if (!git.run("check-ref-format", "--branch", branch).ok() || branch.startsWith("-")) {
            throw new DataBranchException("'" + branch + "' is not a valid branch name");
        }
        if (remote.startsWith("-")) {
            throw new DataBranchException("'" + remote + "' is not a valid remote");
        }
        Git.Result dir = git.run("rev-parse", "--absolute-git-dir");
        if (!dir.ok()) {
            throw new DataBranchException(workingDirectory + " is not inside a git repository (" + dir.lastError()
                    + "); a data branch is a branch of the repository you run loadverdict in");
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("loadverdict-data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DataBranch data = new DataBranch(new Git(workingDirectory, Map.of(), NETWORK), workingDirectory,
                Path.of(dir.out().strip()), remote, branch, scratch, sleeper);
        try {
            data.fetch();
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
        return data;
    }

    /** The directory holding the branch's files; empty when the branch does not exist yet. */
    public Path root() {
        return scratch.resolve("tree");
    }

    /** Whether the branch exists on the remote. */
    public boolean exists() {
        return tip.isPresent();
    }

    /** {@code loadverdict-data} of {@code origin}: how messages name it. */
    public String describe() {
        return branch + (REMOTE_NAME.matcher(remote).matches() && !remote.equals("origin") ? " of " + remote : "");
    }

    /**
     * Applies a change to the branch's files and pushes it, again on the new tip when another job pushed first.
     *
     * @param message the commit message
     * @param change edits the files under the root it is given and returns what the caller needs; it must be
     *               repeatable, since it runs once per attempt on a fresh copy of the tip
     * @return what the successful attempt's change returned
     * @throws DataBranchException when the push failed {@value #ATTEMPTS} times or for a reason a retry cannot mend;
     *                             what the change wrote is then in {@link #RESCUE}
     */
    public <T> T write(String message, Function<Path, T> change) {
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                fetch();
            }
            T result = change.apply(root());
            Optional<String> made = commit(message);
            if (made.isEmpty()) {
                return result; // the change changed nothing (e.g. a refused promotion): nothing to push
            }
            String commit = made.get();
            Git.Result pushed = repository.run("push", "--quiet", "--force-with-lease=refs/heads/" + branch + ":"
                    + tip.orElse(""), remote, commit + ":refs/heads/" + branch);
            if (pushed.ok()) {
                tip = Optional.of(commit);
                repository.run("update-ref", privateRef(), commit);
                return result;
            }
            // the lease failed: another job pushed since this one fetched (a protected branch or a hook also
            // "rejects", but for reasons a retry cannot mend)
            boolean lostRace = pushed.err().contains("stale info") || pushed.err().contains("fetch first")
                    || pushed.err().contains("non-fast-forward");
            if (!lostRace || attempt == ATTEMPTS) {
                Path kept = rescue(commit);
                throw new DataBranchException("cannot push " + describe() + (lostRace ? " after " + ATTEMPTS
                        + " attempts: other jobs kept pushing first" : ": " + pushed.lastError())
                        + "; nothing was lost: what this run wrote is in " + kept);
            }
            sleeper.accept(1000L * attempt + (long) (Math.random() * 1000));
        }
    }

    private void fetch() {
        Git.Result fetched = repository.run("fetch", "--quiet", "--no-tags", "--depth=1", remote,
                "+refs/heads/" + branch + ":" + privateRef());
        if (fetched.ok()) {
            tip = Optional.of(repository.ok("cannot read the fetched " + branch, "rev-parse", "--verify", privateRef()
                    + "^{commit}"));
        } else if (fetched.err().contains("couldn't find remote ref") || fetched.err().contains("could not find remote ref")) {
            tip = Optional.empty();
        } else {
            throw new DataBranchException("cannot fetch " + describe() + ": " + fetched.lastError());
        }
        layOut();
    }

    /** The files of the tip, in {@link #root()}. */
    private void layOut() {
        deleteTree(root());
        try {
            Files.createDirectories(root());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tip.isPresent()) {
            Git index = scratchGit();
            index.ok("cannot read " + describe(), "read-tree", tip.get());
            index.ok("cannot lay out " + describe(), "checkout-index", "--all", "--force", "--prefix=" + root() + "/");
        }
    }

    /**
     * Commits the root's files as one parentless commit (the lease on the old tip protects other jobs' pushes), or
     * nothing when they are the tip's files.
     */
    private Optional<String> commit(String message) {
        Git index = scratchGit();
        try {
            Files.deleteIfExists(scratch.resolve("index"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        index.ok("cannot stage the data branch's files", "add", "--all", "--force", ".");
        String tree = index.ok("cannot write the data branch's tree", "write-tree");
        String before = tip.isPresent() ? repository.ok("cannot read " + describe(), "rev-parse", tip.get() + "^{tree}")
                : index.ok("cannot write an empty tree", "hash-object", "-t", "tree", "/dev/null");
        if (tree.equals(before)) {
            return Optional.empty();
        }
        return Optional.of(index.with(IDENTITY).ok("cannot commit to " + describe(), "commit-tree", tree, "-m", message));
    }

    /** A git that works on the scratch copy: the repository's objects, the scratch tree and index. */
    private Git scratchGit() {
        return new Git(root(), Map.of("GIT_DIR", gitDir.toString(), "GIT_WORK_TREE", root().toString(),
                "GIT_INDEX_FILE", scratch.resolve("index").toString()), LOCAL);
    }

    private String privateRef() {
        return "refs/loadverdict/" + branch;
    }

    /** Copies the files the unpushed commit adds or changes to {@link #RESCUE} in the working directory. */
    private Path rescue(String commit) {
        Path target = workingDirectory.resolve(RESCUE);
        List<String> changed = (tip.isPresent()
                ? repository.ok("cannot list the change", "diff", "--name-only", "--no-renames", "--diff-filter=AM", tip.get(), commit)
                : repository.ok("cannot list the change", "ls-tree", "-r", "--name-only", commit)).lines()
                .filter(l -> !l.isBlank()).toList();
        try {
            for (String path : changed) {
                Path to = target.resolve(path).normalize();
                if (!to.startsWith(target)) {
                    continue;
                }
                Files.createDirectories(to.getParent());
                Files.copy(root().resolve(path), to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return workingDirectory.relativize(target);
    }

    @Override
    public void close() {
        deleteTree(scratch);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
