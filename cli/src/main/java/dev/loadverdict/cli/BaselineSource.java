package dev.loadverdict.cli;

import dev.loadverdict.baselines.Ancestry;
import dev.loadverdict.baselines.BaselineChoice;
import dev.loadverdict.baselines.BaselineFiles;
import dev.loadverdict.baselines.DataBranch;
import dev.loadverdict.baselines.MedianBaseline;
import dev.loadverdict.baselines.SuiteStore;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where baselines come from and go to: baseline files, and suites in the baselines directory of the working tree or
 * of a data branch ({@code --data-branch}). What {@code --baseline REF} names: a baseline file, or a suite —
 * {@code SUITE} (its current baseline), {@code SUITE@vN} (the N-th run of its history) or {@code SUITE@median:N} (a
 * robust baseline from the last N runs, see {@link MedianBaseline}).
 *
 * <p>Open for one command and closed after it (a data branch is fetched into a scratch directory).
 */
final class BaselineSource implements AutoCloseable {

    private static final Pattern SUITE_REF =
            Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)(?:@v([0-9]{1,9})|@median:([0-9]{1,4}))?");
    /** {@code SUITE@auto}, or {@code SUITE@commit:REV}: a run chosen by the repository's history. */
    private static final Pattern BY_COMMIT =
            Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)@(?:(auto)|commit:([A-Za-z0-9][A-Za-z0-9._/~^{}-]{0,199}))");

    /**
     * A baseline found.
     *
     * @param location how reports name it: the file as given, or {@code SUITE@vN}, a reference that can be pasted
     *                 into {@code --baseline}
     * @param baseline the baseline
     * @param suite the suite it belongs to, when it came from one (its history gives the noise bands)
     * @param selection why loadverdict chose it, when the reference asked loadverdict to choose
     */
    record Found(String location, Baseline baseline, Optional<String> suite, Optional<String> selection) {
        Found(String location, Baseline baseline) {
            this(location, baseline, Optional.empty(), Optional.empty());
        }

        Found(String location, Baseline baseline, Optional<String> suite) {
            this(location, baseline, suite, Optional.empty());
        }
    }

    private final Main.Environment environment;
    private final String baselinesDir;
    private final Optional<DataBranch> data;
    private final String remote;

    /** Suites in the working tree's {@code baselinesDir}. */
    BaselineSource(Main.Environment environment, String baselinesDir) {
        this(environment, baselinesDir, Optional.empty(), "origin");
    }

    /**
     * Suites in {@code baselinesDir} of a data branch, when one is given.
     *
     * @param remote where missing history is fetched from when a baseline is chosen by commit
     */
    BaselineSource(Main.Environment environment, String baselinesDir, Optional<DataBranch> data, String remote) {
        this.environment = environment;
        this.baselinesDir = baselinesDir;
        this.data = data;
        this.remote = remote;
    }

    /** The suites, as they are now (for a data branch: as fetched). */
    SuiteStore store() {
        return storeAt(data.map(DataBranch::root).orElse(environment.workingDirectory()));
    }

    private SuiteStore storeAt(Path root) {
        String display = data.map(d -> d.describe() + ":" + baselinesDir).orElse(baselinesDir);
        return new SuiteStore(root.resolve(baselinesDir), display, environment.clock());
    }

    /** The data branch the suites live on, if any. */
    Optional<DataBranch> dataBranch() {
        return data;
    }

    /**
     * Changes the suites. In the working tree the change runs once; on a data branch it runs on a fresh copy of the
     * branch and is pushed, again on the new tip when another job pushed first, so it must be repeatable and must
     * decide everything (what is current, whether the run is already recorded) from the store it is given.
     *
     * @param message the data branch commit's message
     */
    <T> T write(String message, Function<SuiteStore, T> change) {
        if (data.isEmpty()) {
            return change.apply(store());
        }
        return data.get().write(message, root -> change.apply(storeAt(root)));
    }

    /**
     * The baseline {@code ref} names, or empty when it names a file that does not exist or a suite without a
     * current baseline (the caller decides, by {@code --if-no-baseline}).
     *
     * @throws InputException when it exists but cannot be read, or names a version the suite does not have
     */
    Optional<Found> find(String ref) {
        return find(ref, 1);
    }

    /**
     * As {@link #find(String)}; with {@code SUITE@auto} or {@code SUITE@commit:REV}, {@code runs} above 1 makes the
     * baseline the median of that many runs at or before the commit.
     */
    Optional<Found> find(String ref, int runs) {
        if (Files.exists(environment.resolve(ref)) || looksLikeFile(ref)) {
            return findFile(ref);
        }
        Matcher byCommit = BY_COMMIT.matcher(ref);
        if (byCommit.matches()) {
            return byCommit(byCommit.group(1), byCommit.group(2) != null ? Optional.empty() : Optional.of(byCommit.group(3)), runs);
        }
        Matcher m = SUITE_REF.matcher(ref);
        if (!m.matches()) {
            throw new UsageException("--baseline takes a file, a suite name, SUITE@vN, SUITE@median:N, SUITE@auto or "
                    + "SUITE@commit:REV, not '" + ref + "'");
        }
        String suite = m.group(1);
        if (m.group(2) == null && m.group(3) == null) {
            return findSuite(suite);
        }
        SuiteStore store = store();
        if (!store.exists(suite)) {
            return Optional.empty();
        }
        if (m.group(3) != null) {
            int n = Integer.parseInt(m.group(3));
            if (n < 1) {
                throw new UsageException("SUITE@median:N takes N >= 1, not " + n);
            }
            List<Baseline> last = references(store, suite, n);
            if (last.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Found(suite + "@median:" + n, MedianBaseline.of(last), Optional.of(suite),
                    Optional.of("the median of " + versions(last))));
        }
        int version = Integer.parseInt(m.group(2));
        return Optional.of(new Found(suite + "@v" + version, store.version(suite, version), Optional.of(suite)));
    }

    /**
     * The run(s) of the suite at or before a commit: {@code revision}, or with none, the commit this job tests: a pull
     * request's merge base with its base branch, else {@code HEAD}. See {@link BaselineChoice}.
     */
    private Optional<Found> byCommit(String suite, Optional<String> revision, int runs) {
        SuiteStore store = store();
        if (!store.exists(suite)) {
            return Optional.empty();
        }
        Ancestry ancestry = Ancestry.of(environment.workingDirectory(), remote);
        String what;
        String sha;
        if (revision.isPresent()) {
            sha = ancestry.resolve(revision.get()).orElseThrow(() -> new InputException(suite + "@commit:" + revision.get(),
                    "'" + revision.get() + "' is not a commit of this repository (nor could it be fetched from " + remote + ")"));
            what = "commit " + shortSha(sha);
        } else {
            GitHubEvent event = GitHubEvent.of(environment);
            Optional<String> base = event.baseSha().flatMap(ancestry::resolve);
            Optional<String> head = event.headSha().flatMap(ancestry::resolve);
            Optional<String> mergeBase = base.isPresent() && head.isPresent()
                    ? ancestry.mergeBase(base.get(), head.get()) : Optional.empty();
            String branch = event.baseRef().orElse("the base branch");
            if (mergeBase.isPresent()) {
                sha = mergeBase.get();
                what = "the merge base " + shortSha(sha) + " of " + branch;
            } else if (base.isPresent()) {
                sha = base.get();
                what = "the tip " + shortSha(sha) + " of " + branch + " (the merge base could not be found)";
            } else {
                sha = ancestry.resolve("HEAD").orElseThrow(() -> new InputException(suite + "@auto",
                        "this repository has no commit to choose a baseline by"));
                what = "this commit " + shortSha(sha);
            }
        }
        List<Baseline> history = references(store, suite, Integer.MAX_VALUE);
        Optional<BaselineChoice.Choice> choice = BaselineChoice.atOrBefore(history, ancestry.firstParents(sha),
                ancestry.commitTime(sha), runs, what);
        return choice.map(c -> c.runs().size() == 1
                ? new Found(suite + "@v" + c.runs().get(0).version(), c.runs().get(0), Optional.of(suite), Optional.of(c.reason()))
                : new Found(suite + "@median:" + c.runs().size(), MedianBaseline.of(c.runs()), Optional.of(suite),
                        Optional.of(c.reason() + ": v" + c.runs().stream().map(b -> String.valueOf(b.version()))
                                .collect(java.util.stream.Collectors.joining(", v")))));
    }

    /**
     * The suite's last {@code n} runs that can serve as a reference, oldest first: a run recorded as regressed (its CI
     * gate failed) is left out unless it is the promoted current baseline, so that a regression keeps failing until it
     * is fixed or accepted (promoted), instead of becoming the bar after one night.
     */
    static List<Baseline> references(SuiteStore store, String suite, int n) {
        java.util.OptionalInt promoted = store.current(suite).map(b -> java.util.OptionalInt.of(b.version()))
                .orElse(java.util.OptionalInt.empty());
        int size = store.size(suite);
        // the newest runs first, more only while regressed runs leave fewer than n: a long history is not read whole
        for (int read = Math.min(size, n); ; read = (int) Math.min(size, 2L * read)) {
            List<Baseline> eligible = store.last(suite, read).stream()
                    .filter(b -> !b.provenance().regressed() || (promoted.isPresent() && b.version() == promoted.getAsInt()))
                    .toList();
            if (eligible.size() >= n || read >= size) {
                return eligible.subList(Math.max(0, eligible.size() - n), eligible.size());
            }
        }
    }

    /** {@code v3-v7}, or {@code v3, v4, v6} when runs in between were left out. */
    private static String versions(List<Baseline> runs) {
        int first = runs.get(0).version();
        int last = runs.get(runs.size() - 1).version();
        return last - first + 1 == runs.size() ? "v" + first + "-v" + last
                : "v" + String.join(", v", runs.stream().map(b -> String.valueOf(b.version())).toList());
    }

    private static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    /**
     * The run a {@code SUITE@vN} reference names, when {@code ref} is one and the suite exists: a recorded run used
     * where a run is expected (compare it, promote it again, calibrate with it).
     *
     * @throws InputException when the suite has no such version
     */
    Optional<Baseline> recordedRun(String ref) {
        Matcher m = SUITE_REF.matcher(ref);
        if (!m.matches() || m.group(2) == null || !store().exists(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(store().version(m.group(1), Integer.parseInt(m.group(2))));
    }

    /**
     * The version {@code ref} names when it is {@code SUITE@vN} of the given suite (and no file of that name exists):
     * a run of the suite's own history.
     */
    java.util.OptionalInt versionOf(String ref, String suite) {
        if (Files.exists(environment.resolve(ref))) {
            return java.util.OptionalInt.empty();
        }
        Matcher m = SUITE_REF.matcher(ref);
        return m.matches() && m.group(1).equals(suite) && m.group(2) != null
                ? java.util.OptionalInt.of(Integer.parseInt(m.group(2))) : java.util.OptionalInt.empty();
    }

    /** The baseline file, or empty when it does not exist. */
    Optional<Found> findFile(String ref) {
        Path file = environment.resolve(ref);
        return Files.exists(file)
                ? Optional.of(new Found(ref, new BaselineFiles(environment.clock()).read(file, ref)))
                : Optional.empty();
    }

    /** The suite's current baseline, or empty when there is no such suite or it has none yet. */
    Optional<Found> findSuite(String suite) {
        return current(store(), suite);
    }

    /** The suite's current baseline in that store, named {@code SUITE@vN}. */
    static Optional<Found> current(SuiteStore store, String suite) {
        if (!store.exists(suite)) {
            return Optional.empty();
        }
        return store.current(suite).map(b -> new Found(suite + "@v" + b.version(), b, Optional.of(suite)));
    }

    /** What to tell a user whose {@code ref} names nothing yet. */
    String howToCreate(String ref) {
        String where = data.map(d -> " --data-branch " + d.describe().split(" ")[0]).orElse("");
        return looksLikeFile(ref) || Files.exists(environment.resolve(ref))
                ? "create it with: loadverdict baseline promote RUN --to " + ref
                : "no suite '" + ref + "' with a current baseline in " + store().display(ref).replaceAll("/[^/]*$", "")
                        + "/ (create it with: loadverdict baseline promote RUN --suite " + ref + where + ")";
    }

    /** A path rather than a suite name: it has a directory part or a file extension. */
    static boolean looksLikeFile(String ref) {
        return ref.contains("/") || ref.contains("\\") || ref.endsWith(".json") || ref.endsWith(".gz");
    }

    @Override
    public void close() {
        data.ifPresent(DataBranch::close);
    }
}
