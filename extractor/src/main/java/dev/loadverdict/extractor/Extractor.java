package dev.loadverdict.extractor;

import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.internal.FormatDetector;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.ResultFormat;
import dev.loadverdict.extractor.internal.RunMerger;
import dev.loadverdict.extractor.internal.TimeWindow;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns load-tool output into a normalised {@link Run}: finds the result files (a directory is searched
 * for files whose content a format recognises, and so is the {@code js/} subdirectory of a Gatling results
 * directory, one with an {@code index.html}; an input that names no file is taken as a file-name prefix,
 * such as Locust's {@code --csv results/run_}), detects each file's format from its content, reads it
 * and assigns endpoints to services. A file that another file's format reads as its part
 * ({@link ResultFormat#companions}) is not read on its own, so a prefix or directory gives one run.
 */
public final class Extractor {

    /** The subdirectory of a Gatling results directory (beside {@code index.html}) that holds {@code stats.json}. */
    private static final String GATLING_REPORT_DIR = "js";

    private final FormatDetector detector;

    public Extractor(FormatDetector detector) {
        this.detector = detector;
    }

    public static Extractor standard() {
        return new Extractor(FormatDetector.standard());
    }

    /**
     * Extracts one run. Several result files (e.g. from concurrent load generators) are merged into one run.
     *
     * @param inputs files or directories, as the user named them
     * @throws InputException when an input is missing, unrecognised or broken, or holds no results
     */
    public Extraction extract(List<String> inputs, ExtractOptions options) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no inputs");
        }
        List<Located> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String input : inputs) {
            files.addAll(resultFiles(input, warnings));
        }
        files = withoutCompanions(files);
        EndpointResolver resolver = new EndpointResolver(options.mapping(), options.naming());
        if (!options.window().isAll() || !options.stages().isEmpty() || options.plateau().isPresent()) {
            for (Located file : files) {
                if (!file.format.windowable(file.path())) {
                    throw new InputException(file.display(), file.format.displayName() + " holds aggregates only, "
                            + "so it cannot be cut to a time window" + (options.stages().isEmpty() ? "" : " or stages")
                            + "; use the tool's raw output (or, for Locust, its stats history beside the stats CSV)");
                }
            }
        }
        // A window or stages placed relative to the run need its span first: one pass over the whole run. Then one more
        // pass reads the kept window and every stage together (formats that cannot are read once per stage).
        ToolResult span = options.plateau().isEmpty() && (!options.window().isAll() || !options.stages().isEmpty())
                ? nonEmpty(readAll(files, new ReadContext(resolver, TimeWindow.all())), files, TimeWindow.all()) : null;
        TimeWindow window = options.plateau().isPresent() ? plateauWindow(files, options)
                : options.window().isAll() ? TimeWindow.all() : windowOf(span, files, options.window());
        List<Stage> stages = new ArrayList<>();
        List<TimeWindow> stageWindows = new ArrayList<>();
        if (!options.stages().isEmpty()) {
            placeStages(options.stages(), span, window, files.get(0).display(), stages, stageWindows, warnings);
        }
        ReadContext context = new ReadContext(resolver, window, options.subSamples(), stageWindows);
        ToolResult whole = span != null && window.equals(TimeWindow.all()) && stageWindows.isEmpty() ? span
                : nonEmpty(readAll(files, context), files, window);
        warnings.addAll(whole.warnings());
        List<ToolResult> parts = whole.parts();
        if (parts.size() != stageWindows.size()) {
            parts = new ArrayList<>();
            for (TimeWindow stageWindow : stageWindows) {
                parts.add(readAll(files, new ReadContext(resolver, stageWindow, options.subSamples())));
            }
        }
        List<Run> stageRuns = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            if (parts.get(i).services().isEmpty()) {
                warnings.add(Diagnostics.warning(files.get(0).display(), "stage " + stages.get(i).name()
                        + " left out: no requests started in it"));
            } else {
                stageRuns.add(toRun(parts.get(i), options, Optional.of(stages.get(i).name()), List.of()));
            }
        }
        if (!options.stages().isEmpty() && stageRuns.isEmpty()) {
            RunMetadata m = whole.metadata();
            throw new InputException(files.get(0).display(), "none of the stages holds requests (the run lasted "
                    + m.duration().map(java.time.Duration::toSeconds).orElse(0L) + " s)");
        }
        return new Extraction(toRun(whole, options, Optional.empty(), stageRuns), warnings);
    }

    private static ToolResult nonEmpty(ToolResult result, List<Located> files, TimeWindow window) {
        if (result.services().isEmpty()) {
            throw new InputException(files.get(0).display(), window.equals(TimeWindow.all())
                    ? "holds no requests" : "holds no requests inside the time window");
        }
        return result;
    }

    /**
     * Places each stage on the run: measured from the start of the kept window when one is cut, else from the run's
     * start. A stage that begins after the run's end is left out with a warning.
     */
    private static void placeStages(List<Stage> asked, ToolResult span, TimeWindow window, String display,
                                    List<Stage> stages, List<TimeWindow> windows, List<String> warnings) {
        long start;
        long end;
        if (window.equals(TimeWindow.all())) {
            RunMetadata m = span.metadata();
            if (m.start().isEmpty() || m.end().isEmpty()) {
                throw new InputException(display, "has no timestamps, so it cannot be split into stages");
            }
            start = m.start().get().toEpochMilli();
            end = m.end().get().toEpochMilli();
        } else {
            start = window.fromMs();
            end = window.toMs() - 1;
            if (span != null && span.metadata().end().isPresent()) {
                end = Math.min(end, span.metadata().end().get().toEpochMilli());
            }
        }
        for (Stage stage : asked) {
            try {
                TimeWindow placed = stage.window().resolve(start, end);
                windows.add(window.equals(TimeWindow.all()) ? placed : new TimeWindow(Math.max(placed.fromMs(), window.fromMs()),
                        Math.min(placed.toMs(), window.toMs())));
                stages.add(stage);
            } catch (IllegalArgumentException e) {
                warnings.add(Diagnostics.warning(display, "stage " + stage.name() + " left out: " + e.getMessage()));
            }
        }
    }

    /** Files another input reads as its parts (Locust's failures beside its stats) are not read again on their own. */
    private static List<Located> withoutCompanions(List<Located> files) {
        java.util.Set<Path> claimed = new java.util.HashSet<>();
        for (Located file : files) {
            file.format.companions(file.path()).forEach(p -> claimed.add(p.toAbsolutePath().normalize()));
        }
        return files.stream().filter(f -> !claimed.contains(f.path().toAbsolutePath().normalize())).toList();
    }

    /**
     * The stretch where the user count stays at the asked level, common to every file (concurrent generators
     * each report their own), with the window's warm-up and ramp-down cut from it.
     */
    private static TimeWindow plateauWindow(List<Located> files, ExtractOptions options) {
        UserPlateau plateau = options.plateau().orElseThrow();
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        for (Located file : files) {
            TimeWindow w = file.format.loadPlateau(file.path(), file.display(), plateau.users())
                    .orElseThrow(() -> new InputException(file.display(), file.format.displayName()
                            + " does not record the number of users over time, so it cannot be cut to "
                            + plateau.describe()));
            from = Math.max(from, w.fromMs());
            to = Math.min(to, w.toMs());
        }
        if (to <= from) {
            throw new InputException(files.get(0).display(), "the files are never at " + plateau.describe() + " at the same time");
        }
        try {
            return options.window().resolve(from, to - 1);
        } catch (IllegalArgumentException e) {
            throw new InputException(files.get(0).display(), "at " + plateau.describe() + ": " + e.getMessage());
        }
    }

    private static ToolResult readAll(List<Located> files, ReadContext context) {
        List<ToolResult> results = new ArrayList<>();
        for (Located file : files) {
            results.add(file.format.read(file.head, context));
        }
        return RunMerger.merge(results);
    }

    private static Run toRun(ToolResult result, ExtractOptions options, Optional<String> stage, List<Run> stages) {
        RunMetadata m = result.metadata();
        RunMetadata metadata = new RunMetadata(m.tool(), m.toolVersion(), m.sources(), m.start(), m.end(),
                m.duration(), stage.isPresent() ? stage : m.stage(), m.workload(), m.scriptHash(), m.labels(),
                options.mappingHash(), m.precision());
        return new Run(metadata, result.total(), result.services(), stages);
    }

    /** Places a relative window on the run whose span a first pass found. */
    private static TimeWindow windowOf(ToolResult span, List<Located> files, RelativeWindow relative) {
        RunMetadata m = span.metadata();
        if (m.start().isEmpty() || m.end().isEmpty()) {
            throw new InputException(files.get(0).display(), "has no timestamps, so it cannot be cut to a time window");
        }
        try {
            return relative.resolve(m.start().get().toEpochMilli(), m.end().get().toEpochMilli());
        } catch (IllegalArgumentException e) {
            throw new InputException(files.get(0).display(), e.getMessage());
        }
    }

    private List<Located> resultFiles(String input, List<String> warnings) {
        Path path = Path.of(input);
        if (Files.isRegularFile(path)) {
            Head head = InputFiles.head(path, input);
            return List.of(new Located(head, detector.require(head)));
        }
        if (Files.isDirectory(path)) {
            String dir = input.endsWith("/") ? input : input + "/";
            List<Located> found = detectAll(input, path, "", dir);
            // A Gatling results directory keeps its report's statistics in js/ beside simulation.log.
            Path js = path.resolve(GATLING_REPORT_DIR);
            if (Files.isDirectory(js) && Files.isRegularFile(path.resolve("index.html"))) {
                detectFiles(js, input, dir + GATLING_REPORT_DIR + "/", found);
            }
            if (found.isEmpty()) {
                throw new InputException(input, "no load-test results found in this directory (loadverdict reads: "
                        + detector.names() + ")");
            }
            return oneFormat(withoutCompanions(found), warnings);
        }
        Path parent = path.getParent() == null ? Path.of("") : path.getParent();
        Path prefix = path.getFileName();
        if (prefix != null && !input.endsWith("/") && Files.isDirectory(parent.toString().isEmpty() ? Path.of(".") : parent)) {
            List<Located> found = detectAll(input, parent, prefix.toString(), input);
            if (!found.isEmpty()) {
                return oneFormat(withoutCompanions(found), warnings);
            }
        }
        throw new InputException(input, "no such file or directory, and no result files start with it");
    }

    /**
     * The result files in {@code dir} whose names start with {@code prefix} (all for an empty prefix): the
     * files of a directory, or of a prefix such as Locust's {@code --csv results/run_}. Each is named in
     * messages as {@code display} followed by the rest of its name.
     */
    private List<Located> detectAll(String input, Path dir, String prefix, String display) {
        List<Located> found = new ArrayList<>();
        Path listed = dir.toString().isEmpty() ? Path.of(".") : dir;
        try (Stream<Path> children = Files.list(listed)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (!name.startsWith(prefix) || !Files.isRegularFile(child)) {
                    continue;
                }
                Path file = dir.toString().isEmpty() ? Path.of(name) : child;
                String shown = display + name.substring(prefix.length());
                Head head = InputFiles.head(file, shown);
                detector.detect(head).ifPresent(f -> found.add(new Located(head, f)));
            }
        } catch (IOException e) {
            throw new InputException(input, java.util.OptionalLong.empty(), "cannot be listed: " + e.getMessage(), e);
        }
        return found;
    }

    /** Adds the regular files of {@code directory} that some format recognises (not its subdirectories). */
    private void detectFiles(Path directory, String input, String prefix, List<Located> found) {
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.sorted().toList()) {
                if (!Files.isRegularFile(child)) {
                    continue;
                }
                String display = prefix + child.getFileName();
                Head head = InputFiles.head(child, display);
                detector.detect(head).ifPresent(f -> found.add(new Located(head, f)));
            }
        } catch (IOException e) {
            throw new InputException(input, java.util.OptionalLong.empty(), "cannot be listed: " + e.getMessage(), e);
        }
    }

    /**
     * A directory often holds the same run in several forms (k6's summary beside its NDJSON): read the
     * richest form only — raw samples before aggregates — and merge several files only of that one format.
     */
    private List<Located> oneFormat(List<Located> found, List<String> warnings) {
        ResultFormat best = found.stream().map(Located::format)
                .min(java.util.Comparator.comparing((ResultFormat f) -> !f.rawSamples())
                        .thenComparing(f -> detector.rank(f)))
                .orElseThrow();
        List<Located> chosen = found.stream().filter(l -> l.format == best).toList();
        for (Located l : found) {
            if (l.format != best) {
                warnings.add(Diagnostics.warning(l.display(), "skipped: " + l.format.displayName() + " beside the "
                        + best.displayName() + " of the same directory (pass it explicitly to read it)"));
            }
        }
        return chosen;
    }

    /** A result file, its beginning (read once, for detection and reading) and its format. */
    private record Located(Head head, ResultFormat format) {

        Path path() {
            return head.path();
        }

        String display() {
            return head.displayPath();
        }
    }
}
