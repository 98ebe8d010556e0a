package dev.loadverdict.baselines;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commit history of the repository loadverdict runs in, as far as choosing a baseline needs it: resolving a
 * revision, walking its first parents, a merge base, a commit's time. CI checkouts are often shallow (one commit);
 * when a commit or a merge base is missing, more history is fetched from the remote, a bounded number of commits at a
 * time, and what cannot be fetched is simply not known (the caller falls back and says so).
 */
public final class Ancestry {

    /** First parents walked at most: runs older than this many commits are not looked for by ancestry. */
    public static final int MAX_WALK = 1000;
    private static final int[] DEEPEN = {100, 1000};
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private final Git git;
    private final Git network;
    private final String remote;

    private Ancestry(Git git, Git network, String remote) {
        this.git = git;
        this.network = network;
        this.remote = remote;
    }

    /**
     * The history of the repository that holds {@code workingDirectory}.
     *
     * @throws DataBranchException when git is missing or this is not a git repository
     */
    public static Ancestry of(Path workingDirectory, String remote) {
        Git git = new Git(workingDirectory, Map.of(), Duration.ofSeconds(60));
        Git.Result inside = git.run("rev-parse", "--git-dir");
        if (!inside.ok()) {
            throw new DataBranchException(workingDirectory + " is not inside a git repository (" + inside.lastError()
                    + "); a baseline chosen by commit needs the repository's history");
        }
        return new Ancestry(git, new Git(workingDirectory, Map.of(), Duration.ofSeconds(120)), remote);
    }

    /** The full hash of a revision ({@code HEAD}, {@code main}, a hash), fetching it when it is a hash not present. */
    public Optional<String> resolve(String revision) {
        if (revision.startsWith("-")) {
            return Optional.empty();
        }
        Optional<String> sha = verify(revision);
        if (sha.isEmpty() && SHA.matcher(revision).matches()) {
            network.run("fetch", "--quiet", "--no-tags", "--depth=" + DEEPEN[0], remote, revision);
            sha = verify(revision);
        }
        return sha;
    }

    /**
     * The commit and its first parents, newest first, at most {@link #MAX_WALK}; a shallow history is deepened
     * first so that the walk can reach older runs.
     */
    public List<String> firstParents(String sha) {
        List<String> walk = walk(sha);
        if (walk.size() < MAX_WALK && shallow()) {
            for (int depth : DEEPEN) {
                if (!network.run("fetch", "--quiet", "--no-tags", "--depth=" + depth, remote, sha).ok()) {
                    break;
                }
                walk = walk(sha);
                if (walk.size() < depth) {
                    break; // the whole history is here
                }
            }
        }
        return walk;
    }

    /** The best common ancestor of two commits, deepening a shallow history until it is found (bounded). */
    public Optional<String> mergeBase(String a, String b) {
        Optional<String> base = mergeBaseHere(a, b);
        if (base.isPresent() || !shallow()) {
            return base;
        }
        for (int depth : DEEPEN) {
            if (!network.run("fetch", "--quiet", "--no-tags", "--depth=" + depth, remote, a, b).ok()) {
                return Optional.empty();
            }
            base = mergeBaseHere(a, b);
            if (base.isPresent()) {
                return base;
            }
        }
        return Optional.empty();
    }

    /** When a commit was made (its committer date). */
    public Optional<Instant> commitTime(String sha) {
        Git.Result r = git.run("show", "-s", "--format=%cI", sha, "--");
        try {
            return r.ok() ? Optional.of(java.time.OffsetDateTime.parse(r.out().strip()).toInstant()) : Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Optional<String> verify(String revision) {
        Git.Result r = git.run("rev-parse", "--verify", "--quiet", revision + "^{commit}");
        return r.ok() ? Optional.of(r.out().strip()) : Optional.empty();
    }

    private List<String> walk(String sha) {
        Git.Result r = git.run("rev-list", "--first-parent", "--max-count=" + MAX_WALK, sha, "--");
        return r.ok() ? r.out().lines().filter(l -> !l.isBlank()).toList() : List.of();
    }

    private Optional<String> mergeBaseHere(String a, String b) {
        Git.Result r = git.run("merge-base", a, b);
        return r.ok() ? Optional.of(r.out().strip()) : Optional.empty();
    }

    private boolean shallow() {
        return git.run("rev-parse", "--is-shallow-repository").out().strip().equals("true");
    }
}
