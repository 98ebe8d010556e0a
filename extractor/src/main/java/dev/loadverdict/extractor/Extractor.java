package dev.loadverdict.extractor;

import dev.loadverdict.extractor.internal.Diagnostics;
import dev.loadverdict.extractor.internal.EndpointResolver;
import dev.loadverdict.extractor.internal.FormatDetector;
import dev.loadverdict.extractor.internal.ReadContext;
import dev.loadverdict.extractor.internal.RunMerger;
import dev.loadverdict.extractor.internal.TimeWindow;
import dev.loadverdict.extractor.internal.ToolResult;
import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.RunMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns load-tool output into a normalised {@link Run}: finds the result files and their formats ({@link ResultFiles}),
 * reads them, cut to a time window or split into stages when asked, merges the files of concurrent load generators and
 * assigns endpoints to services. A file is read once, or twice when a window or stages must first find the run's span.
 */
public final class Extractor {

    private final ResultFiles resultFiles;
    private final Splitting splitting;

    public Extractor(FormatDetector detector) {
        this(detector, Splitting.DEFAULT);
    }

    /** An extractor that reads large files in parts on several threads as {@code splitting} allows. */
    public Extractor(FormatDetector detector, Splitting splitting) {
        this.resultFiles = new ResultFiles(detector);
        this.splitting = java.util.Objects.requireNonNull(splitting, "splitting == null");
    }

    public static Extractor standard() {
        return new Extractor(FormatDetector.standard());
    }

    /** The standard formats, large files read in parts as {@code splitting} allows. */
    public static Extractor standard(Splitting splitting) {
        return new Extractor(FormatDetector.standard(), splitting);
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
        List<String> warnings = new ArrayList<>();
        List<ResultFiles.Located> files = resultFiles.find(inputs, warnings);
        EndpointResolver resolver = new EndpointResolver(options.mapping(), options.naming());
        if (!options.window().isAll() || !options.stages().isEmpty() || options.plateau().isPresent()) {
            for (ResultFiles.Located file : files) {
                if (!file.format().windowable(file.path())) {
                    throw new InputException(file.display(), file.format().displayName() + " holds aggregates only, "
                            + "so it cannot be cut to a time window" + (options.stages().isEmpty() ? "" : " or stages")
                            + "; use the tool's raw output (or, for Locust, its stats history beside the stats CSV)");
                }
            }
        }
        List<Stage> stages = options.stages();
        String display = files.get(0).display();
        boolean placedOnRun = options.plateau().isEmpty() && (!options.window().isAll() || !stages.isEmpty());
        WindowPlan plan = null;
        ToolResult span = null;
        ToolResult whole = null;
        if (options.plateau().isPresent()) {
            plan = WindowPlan.inWindow(plateauWindow(files, options), stages);
        } else if (!placedOnRun) {
            plan = WindowPlan.onRun(RelativeWindow.all(), List.of(), 0, WindowPlan.OPEN_END);
        } else if (onePass(files, options)) {
            // One pass: the reader places the windows on the run's first sample as it learns it.
            ToolResult once = readAll(files, splitting, new ReadContext(resolver, TimeWindow.all(), options.subSamples(), List.of(),
                    Optional.of(start -> WindowPlan.onRun(options.window(), stages, start, WindowPlan.OPEN_END).all())));
            if (once.placed().isPresent() && once.placed().get().exact() && !once.services().isEmpty()) {
                whole = once;
                plan = WindowPlan.onRun(options.window(), stages, once.placed().get().runStartMs(), WindowPlan.OPEN_END);
            }
        }
        if (plan == null) {
            // Two passes: the first finds the run's span, the second reads the window and every stage together.
            span = nonEmpty(readAll(files, splitting, new ReadContext(resolver, TimeWindow.all())), display, TimeWindow.all());
            plan = planOn(span, options, display);
        }
        if (whole == null) {
            whole = span != null && plan.kept().equals(TimeWindow.all()) && stages.isEmpty() ? span
                    : readAll(files, splitting, new ReadContext(resolver, plan.kept(), options.subSamples(), plan.stages()));
        }
        nonEmpty(whole, display, plan.kept());
        warnings.addAll(whole.warnings());
        List<ToolResult> parts = whole.parts();
        if (parts.size() != stages.size()) { // a format that reads one window a pass
            parts = new ArrayList<>();
            for (TimeWindow stageWindow : plan.stages()) {
                parts.add(readAll(files, splitting, new ReadContext(resolver, stageWindow, options.subSamples())));
            }
        }
        List<Run> stageRuns = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            if (parts.get(i).services().isEmpty()) {
                long end = whole.metadata().end().map(java.time.Instant::toEpochMilli).orElse(plan.stageOrigin());
                warnings.add(Diagnostics.warning(display, "stage " + stages.get(i).name() + " left out: "
                        + plan.whyEmpty(stages.get(i), end)));
            } else {
                stageRuns.add(toRun(parts.get(i), options, Optional.of(stages.get(i).name()), List.of()));
            }
        }
        if (!stages.isEmpty() && stageRuns.isEmpty()) {
            RunMetadata m = whole.metadata();
            throw new InputException(display, "none of the stages holds requests (the run lasted "
                    + m.duration().map(java.time.Duration::toSeconds).orElse(0L) + " s)");
        }
        return new Extraction(toRun(whole, options, Optional.empty(), stageRuns), warnings);
    }

    /**
     * The user counts a stepped run held for at least {@code minimum} each (its plateaus), by ascending count: each can
     * then be read on its own with {@link UserPlateau#at}. Several files (concurrent generators) give the counts every
     * one of them held that long.
     *
     * @throws InputException when a file's format does not record the user count over time
     */
    public List<Integer> userPlateaus(List<String> inputs, java.time.Duration minimum) {
        List<ResultFiles.Located> files = resultFiles.find(inputs, new ArrayList<>());
        java.util.Set<Integer> common = null;
        for (ResultFiles.Located file : files) {
            java.util.SortedMap<Integer, Long> levels = file.format().userLevels(file.path(), file.display())
                    .orElseThrow(() -> new InputException(file.display(), file.format().displayName()
                            + " does not record the number of users over time, so it has no user-count plateaus"));
            java.util.Set<Integer> held = new java.util.TreeSet<>();
            levels.forEach((users, ms) -> {
                if (ms >= minimum.toMillis()) {
                    held.add(users);
                }
            });
            if (common == null) {
                common = held;
            } else {
                common.retainAll(held);
            }
        }
        return common == null ? List.of() : List.copyOf(common);
    }

    /**
     * Whether one pass can place the window and stages on the run as it reads: one file (several generators' files must
     * share one start), a raw format (whose aggregator can hold back the first samples) and no ramp-down to drop (which
     * needs the run's end).
     */
    private static boolean onePass(List<ResultFiles.Located> files, ExtractOptions options) {
        return files.size() == 1 && files.get(0).format().rawSamples() && options.window().skipRampdown().isZero();
    }

    private static ToolResult nonEmpty(ToolResult result, String display, TimeWindow window) {
        if (result.services().isEmpty()) {
            throw new InputException(display, window.equals(TimeWindow.all())
                    ? "holds no requests" : "holds no requests inside the time window");
        }
        return result;
    }

    /** The window and stages placed on the run whose span a first pass found. */
    private static WindowPlan planOn(ToolResult span, ExtractOptions options, String display) {
        RunMetadata m = span.metadata();
        if (m.start().isEmpty() || m.end().isEmpty()) {
            throw new InputException(display, "has no timestamps, so it cannot be "
                    + (options.window().isAll() ? "split into stages" : "cut to a time window"));
        }
        try {
            return WindowPlan.onRun(options.window(), options.stages(), m.start().get().toEpochMilli(),
                    m.end().get().toEpochMilli());
        } catch (IllegalArgumentException e) {
            throw new InputException(display, e.getMessage());
        }
    }

    /**
     * The stretch where the user count stays at the asked level, common to every file (concurrent generators
     * each report their own), with the window's warm-up and ramp-down cut from it.
     */
    private static TimeWindow plateauWindow(List<ResultFiles.Located> files, ExtractOptions options) {
        UserPlateau plateau = options.plateau().orElseThrow();
        long from = Long.MIN_VALUE;
        long to = Long.MAX_VALUE;
        for (ResultFiles.Located file : files) {
            TimeWindow w = file.format().loadPlateau(file.path(), file.display(), plateau.users())
                    .orElseThrow(() -> new InputException(file.display(), file.format().displayName()
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

    private static ToolResult readAll(List<ResultFiles.Located> files, Splitting splitting, ReadContext context) {
        List<ToolResult> results = new ArrayList<>();
        for (ResultFiles.Located file : files) {
            results.add(file.format().read(file.head(), context.splitBy(splitting)));
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

}
