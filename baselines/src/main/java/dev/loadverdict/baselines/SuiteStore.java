package dev.loadverdict.baselines;

import dev.loadverdict.codec.HistoryJson;
import dev.loadverdict.codec.SuiteJson;
import dev.loadverdict.model.Baseline;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.history.RunRef;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Baseline suites kept in git beside the tests ({@code --baselines-dir}, default {@code baselines/}):
 *
 * <pre>
 * baselines/
 *   checkout-nightly/
 *     baseline.json                                  the current baseline: which history file it is
 *     history/
 *       20261123T104512.123Z-3f9c2ab.json            one file per recorded run, written once
 *       20261124T021033.877Z-91d0e4c.json
 * </pre>
 *
 * <p>History files are named by the UTC time they were recorded and the commit's first 7 hex digits, so two
 * branches that each record a run add two different files and never conflict; a run's version is its
 * position in name order (1 = the oldest). Files are written once (created, never replaced) and carry a
 * checksum, so an edit or damage is detected. Only {@code baseline.json} changes on promotion, atomically
 * (temporary file, fsync, rename), under a lock file: of two concurrent promotions one fails with a clear
 * message and loses nothing (its run stays in the history).
 */
public final class SuiteStore {

    /** A suite name: letters, digits, {@code . _ -}; no path separators. */
    private static final Pattern SUITE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern SHA7 = Pattern.compile("[0-9a-fA-F]{7,40}");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    static final String POINTER = "baseline.json";
    static final String HISTORY = "history";
    static final String LOCK = ".promote.lock";

    private final Path dir;
    private final String displayDir;
    private final Clock clock;
    private boolean breakLock;
    /** A seam for tests: runs between writing a promoted run's history file and pointing the baseline at it. */
    Runnable betweenEntryAndPointer = () -> { };
    /** A seam for tests: runs when a history file has landed, before the writer checks that it landed last. */
    Runnable afterEntryLanded = () -> { };

    /**
     * @param dir the baselines directory
     * @param displayDir how to name it in messages
     * @param clock gives the recording time
     */
    public SuiteStore(Path dir, String displayDir, Clock clock) {
        this.dir = dir;
        this.displayDir = displayDir.endsWith("/") ? displayDir.substring(0, displayDir.length() - 1) : displayDir;
        this.clock = clock;
    }

    /** Whether {@code name} is a valid suite name. */
    public static boolean isSuiteName(String name) {
        return SUITE.matcher(name).matches();
    }

    /** Whether a suite of that name exists here. */
    public boolean exists(String suite) {
        return isSuiteName(suite) && Files.isDirectory(dir.resolve(suite));
    }

    /** The suites in this directory, by name. */
    public List<String> suites() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(SuiteStore::isSuiteName)
                    .filter(n -> Files.isDirectory(dir.resolve(n).resolve(HISTORY)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InputException(displayDir, OptionalLong.empty(), "cannot be listed: " + e.getMessage(), e);
        }
    }

    /**
     * Adds a run to a suite's history without making it the baseline.
     *
     * @return the run as the version it became
     */
    public Baseline record(String suite, Run run, Baseline.Provenance provenance) {
        requireName(suite);
        return versionOf(suite, writeEntry(suite, run, provenance));
    }

    /**
     * Writes a new history file for the run and returns its name: the name, not a position, identifies it. Names sort
     * by the time in them, and a run's version is its place in that order, so a run must land last: a writer that
     * took its time before another's but lands after it (two jobs recording at once) would otherwise slip in among
     * the runs before it and shift their versions. So after landing, a writer that finds a name after its own takes
     * its file back and lands again with a later time.
     */
    private String writeEntry(String suite, Run run, Baseline.Provenance provenance) {
        Path history = dir.resolve(suite).resolve(HISTORY);
        String sha = provenance.gitSha().filter(s -> SHA7.matcher(s).matches())
                .map(s -> s.substring(0, 7).toLowerCase(Locale.ROOT)).orElse("nogit00");
        Instant now = clock.instant();
        for (int attempt = 1; attempt < 100; attempt++) {
            String json = HistoryJson.write(new HistoryJson.Entry(now, provenance, run));
            HistoryJson.read("(new history entry)", new StringReader(json)); // never write what does not read back
            String name = STAMP.format(now) + "-" + sha + ".json";
            Path file = history.resolve(name);
            if (AtomicFiles.createNew(file, display(suite, HISTORY + "/" + name), json)) {
                afterEntryLanded.run();
                List<Path> files = historyFiles(suite);
                Path last = files.get(files.size() - 1);
                if (stem(last).compareTo(stem(file)) <= 0) {
                    return name;
                }
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new InputException(display(suite, HISTORY + "/" + name), OptionalLong.empty(),
                            "cannot be taken back to land after " + last.getFileName() + ": " + e.getMessage(), e);
                }
                now = later(clock.instant(), stampOf(last).plusMillis(1));
            } else {
                now = now.plusMillis(1); // a run of the same commit recorded in the same millisecond
            }
        }
        throw new InputException(display(suite, HISTORY), "too many runs recorded at the same time");
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The time in a history file's name; the epoch for a name without one. */
    private static Instant stampOf(Path file) {
        String name = file.getFileName().toString();
        try {
            return STAMP.parse(name.substring(0, Math.min(name.length(), 20)), Instant::from);
        } catch (java.time.DateTimeException e) {
            return Instant.EPOCH;
        }
    }

    /**
     * Records a run and makes it the suite's current baseline.
     *
     * @throws InputException when another promotion of the suite holds the lock
     */
    public Baseline promote(String suite, Run run, Baseline.Provenance provenance) {
        requireName(suite);
        try {
            return underLock(suite, () -> {
                String name = writeEntry(suite, run, provenance);
                betweenEntryAndPointer.run();
                writePointer(suite, new SuiteJson.Pointer(name, clock.instant()));
                return versionOf(suite, name);
            });
        } catch (ConflictException e) {
            // the run is not lost: it goes into the history, and can be promoted once the other promotion is done
            Baseline recorded = versionOf(suite, writeEntry(suite, run, provenance));
            throw new ConflictException(e.getMessage() + ". Nothing was promoted; the run was recorded as " + suite + "@v"
                    + recorded.version() + ": promote it when the other promotion is done (loadverdict baseline promote "
                    + suite + "@v" + recorded.version() + " --suite " + suite + ")");
        }
    }

    /** The same store, taking a promotion lock over from another owner ({@code --break-lock}). */
    public SuiteStore breakingLock() {
        SuiteStore copy = new SuiteStore(dir, displayDir, clock);
        copy.breakLock = true;
        return copy;
    }

    /**
     * Makes an earlier run of the history the current baseline again (a rollback), without recording it a second
     * time: the pointer names its history file and says how it got there.
     *
     * @param version the run's version in the history
     * @return that run as the baseline it is again
     * @throws InputException when the suite has no such version, or another promotion holds the lock
     */
    public Baseline restore(String suite, int version) {
        requireExisting(suite);
        return underLock(suite, () -> {
            Baseline target = version(suite, version);
            String name = historyFiles(suite).get(version - 1).getFileName().toString();
            String from = current(suite).map(b -> "v" + b.version()).orElse("no baseline");
            writePointer(suite, new SuiteJson.Pointer(name, clock.instant(),
                    Optional.of("rollback to v" + version + " (from " + from + ")")));
            return target;
        });
    }

    /**
     * The version under which this very run is already in the suite's history, if it is (found by the checksum
     * each history file declares): recording it again would count one run twice in noise bands and medians.
     */
    public Optional<Baseline> find(String suite, Run run) {
        requireExisting(suite);
        String checksum = HistoryJson.checksum(run);
        List<Path> files = historyFiles(suite);
        for (int i = files.size() - 1; i >= 0; i--) {
            if (HistoryJson.declaredChecksum(head(files.get(i))).filter(checksum::equals).isPresent()) {
                return Optional.of(readEntry(suite, files.get(i)).asBaseline(i + 1));
            }
        }
        return Optional.empty();
    }

    /** The first 64 KiB of a history file: its checksum comes before the run. */
    private static String head(Path file) {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Retention: keeps the full distributions (latency histograms, time series) of the newest {@code keepFull} runs
     * and of the current baseline, and compacts every older run to its summary (counts, percentiles, mean, throughput):
     * an older run still counts in noise bands, medians and trends, which use summaries only, but no longer takes a
     * histogram's space. A compacted file is rewritten atomically with a new checksum; its version and name stay.
     *
     * @return how many runs were compacted now
     */
    public int compact(String suite, int keepFull) {
        if (keepFull < 1) {
            throw new IllegalArgumentException("keepFull must be >= 1 but was " + keepFull);
        }
        requireExisting(suite);
        List<Path> files = historyFiles(suite);
        Optional<String> current = Files.exists(dir.resolve(suite).resolve(POINTER))
                ? Optional.of(readPointer(dir.resolve(suite).resolve(POINTER), display(suite, POINTER)).current())
                : Optional.empty();
        int compacted = 0;
        for (int i = 0; i < files.size() - keepFull; i++) {
            Path file = files.get(i);
            if (current.filter(file.getFileName().toString()::equals).isPresent()) {
                continue;
            }
            HistoryJson.Entry entry = readEntry(suite, file);
            Run summary = Summaries.of(entry.run());
            if (summary.equals(entry.run())) {
                continue;
            }
            String name = display(suite, HISTORY + "/" + file.getFileName());
            AtomicFiles.write(file, name, HistoryJson.write(new HistoryJson.Entry(entry.recorded(), entry.provenance(), summary)),
                    temp -> readEntry(suite, temp));
            compacted++;
        }
        return compacted;
    }

    /** How the current baseline became current when it was not a plain promotion (a rollback), else empty. */
    public Optional<String> currentNote(String suite) {
        requireExisting(suite);
        Path pointerFile = dir.resolve(suite).resolve(POINTER);
        return Files.exists(pointerFile) ? readPointer(pointerFile, display(suite, POINTER)).note() : Optional.empty();
    }

    private void writePointer(String suite, SuiteJson.Pointer pointer) {
        AtomicFiles.write(dir.resolve(suite).resolve(POINTER), display(suite, POINTER), SuiteJson.write(pointer),
                temp -> readPointer(temp, display(suite, POINTER)));
    }

    /** Runs {@code change} holding the suite's promotion lock. */
    private <T> T underLock(String suite, java.util.function.Supplier<T> change) {
        try (PromotionLock held = PromotionLock.take(dir.resolve(suite).resolve(LOCK), display(suite, LOCK), clock, breakLock)) {
            return change.get();
        }
    }


    /** The suite's current baseline, when one was promoted. */
    public Optional<Baseline> current(String suite) {
        requireExisting(suite);
        Path pointerFile = dir.resolve(suite).resolve(POINTER);
        if (!Files.exists(pointerFile)) {
            return Optional.empty();
        }
        SuiteJson.Pointer pointer = readPointer(pointerFile, display(suite, POINTER));
        List<Path> files = historyFiles(suite);
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).getFileName().toString().equals(pointer.current())) {
                return Optional.of(readEntry(suite, files.get(i)).asBaseline(i + 1));
            }
        }
        throw new InputException(display(suite, POINTER), "names " + HISTORY + "/" + pointer.current()
                + ", which is not in the suite's history");
    }

    /** Version {@code n} of the suite's history (1 = the oldest recorded run). */
    public Baseline version(String suite, int n) {
        requireExisting(suite);
        List<Path> files = historyFiles(suite);
        if (n < 1 || n > files.size()) {
            throw new InputException(display(suite, HISTORY), "has " + files.size() + " run"
                    + (files.size() == 1 ? "" : "s") + ", so there is no version " + n);
        }
        return readEntry(suite, files.get(n - 1)).asBaseline(n);
    }

    /** How many runs the suite's history holds. */
    public int size(String suite) {
        requireExisting(suite);
        return historyFiles(suite).size();
    }

    /** The last {@code n} runs of the history (fewer when it holds fewer), oldest first. */
    public List<Baseline> last(String suite, int n) {
        requireExisting(suite);
        List<Path> files = historyFiles(suite);
        List<Baseline> result = new ArrayList<>();
        for (int i = Math.max(0, files.size() - n); i < files.size(); i++) {
            result.add(readEntry(suite, files.get(i)).asBaseline(i + 1));
        }
        return result;
    }

    /**
     * Visits every recorded run, oldest first, reading one history file at a time: series analysis of a long history
     * never holds all its runs.
     */
    public void forEach(String suite, java.util.function.BiConsumer<RunRef, Baseline> visit) {
        requireExisting(suite);
        List<Path> files = historyFiles(suite);
        for (int i = 0; i < files.size(); i++) {
            HistoryJson.Entry entry = readEntry(suite, files.get(i));
            Baseline baseline = entry.asBaseline(i + 1);
            visit.accept(refOf(baseline, stem(files.get(i))), baseline);
        }
    }

    /** Version {@code n} as series analysis names it. */
    public RunRef ref(String suite, int n) {
        Baseline b = version(suite, n);
        return refOf(b, stem(historyFiles(suite).get(n - 1)));
    }

    /** The version of the run whose history file is {@code id}{@code .json}, if the history holds it. */
    public java.util.OptionalInt versionOfRun(String suite, String id) {
        requireExisting(suite);
        List<Path> files = historyFiles(suite);
        for (int i = 0; i < files.size(); i++) {
            if (stem(files.get(i)).equals(id)) {
                return java.util.OptionalInt.of(i + 1);
            }
        }
        return java.util.OptionalInt.empty();
    }

    private static RunRef refOf(Baseline b, String id) {
        return new RunRef(b.version(), id, b.created(), b.provenance().gitSha());
    }

    /** The suite's directory, for the classes that keep more of its data there. */
    Path suiteDir(String suite) {
        requireExisting(suite);
        return dir.resolve(suite);
    }

    Clock clock() {
        return clock;
    }

    /** Every problem found in every suite: each names its file. Empty when all is well. */
    public List<String> verify() {
        java.util.Set<String> problems = new java.util.LinkedHashSet<>();
        for (String suite : suites()) {
            for (Path file : historyFiles(suite)) {
                try {
                    readEntry(suite, file);
                } catch (InputException e) {
                    problems.add(e.getMessage());
                }
            }
            try {
                current(suite);
            } catch (InputException e) {
                problems.add(e.getMessage());
            }
            PromotionLock.describe(dir.resolve(suite).resolve(LOCK), clock)
                    .ifPresent(owner -> problems.add(display(suite, LOCK) + ": a promotion is running or was killed: " + owner));
            for (Path temp : leftovers(suite)) {
                problems.add(display(suite, dir.resolve(suite).relativize(temp).toString()) + ": a temporary file an"
                        + " interrupted write left behind (nothing refers to it; remove it)");
            }
        }
        return List.copyOf(problems);
    }

    /** Temporary files of interrupted atomic writes ({@code .NAME….tmp}) in the suite and its history. */
    private List<Path> leftovers(String suite) {
        List<Path> found = new ArrayList<>();
        for (Path d : List.of(dir.resolve(suite), dir.resolve(suite).resolve(HISTORY))) {
            if (Files.isDirectory(d)) {
                try (Stream<Path> files = Files.list(d)) {
                    files.filter(p -> p.getFileName().toString().startsWith(".") && p.getFileName().toString().endsWith(".tmp"))
                            .sorted().forEach(found::add);
                } catch (IOException e) {
                    throw new InputException(display(suite, ""), OptionalLong.empty(), "cannot be listed: " + e.getMessage(), e);
                }
            }
        }
        return found;
    }

    /** How a suite is named where its reference is shown: {@code baselines/checkout-nightly}. */
    public String display(String suite) {
        return displayDir + "/" + suite;
    }

    private List<Path> historyFiles(String suite) {
        Path history = dir.resolve(suite).resolve(HISTORY);
        if (!Files.isDirectory(history)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(history)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(java.util.Comparator.comparing(SuiteStore::stem)).toList();
        } catch (IOException e) {
            throw new InputException(display(suite, HISTORY), OptionalLong.empty(), "cannot be listed: " + e.getMessage(), e);
        }
    }

    /**
     * A history file's name without {@code .json}: names sort by it, so a second run that earlier versions recorded in
     * the same millisecond ({@code …-3f9c2ab-2.json}) comes after the first ({@code …-3f9c2ab.json}).
     */
    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }

    private Baseline versionOf(String suite, String name) {
        List<Path> files = historyFiles(suite);
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).getFileName().toString().equals(name)) {
                return readEntry(suite, files.get(i)).asBaseline(i + 1);
            }
        }
        throw new IllegalStateException(name + " vanished after it was written");
    }

    private HistoryJson.Entry readEntry(String suite, Path file) {
        String display = display(suite, HISTORY + "/" + file.getFileName());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return HistoryJson.read(display, reader);
        } catch (NoSuchFileException e) {
            throw new InputException(display, "no such history file");
        } catch (IOException e) {
            throw new InputException(display, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
    }

    private static SuiteJson.Pointer readPointer(Path file, String display) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return SuiteJson.read(display, reader);
        } catch (IOException e) {
            throw new InputException(display, OptionalLong.empty(), "cannot be read: " + e.getMessage(), e);
        }
    }

    String display(String suite, String inside) {
        return displayDir + "/" + suite + (inside.isEmpty() ? "" : "/" + inside);
    }

    private static void requireName(String suite) {
        if (!isSuiteName(suite)) {
            throw new IllegalArgumentException("a suite name is letters, digits, '.', '_' or '-', not '" + suite + "'");
        }
    }

    private void requireExisting(String suite) {
        requireName(suite);
        if (!Files.isDirectory(dir.resolve(suite))) {
            throw new InputException(display(suite, ""), "no such baseline suite (suites here: "
                    + (suites().isEmpty() ? "none" : String.join(", ", suites())) + ")");
        }
    }
}
