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

    public Extractor(FormatDetector detector) {
        this.resultFiles = new ResultFiles(detector);
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

    private static ToolResult nonEmpty(ToolResult result, List<ResultFiles.Located> files, TimeWindow window) {
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

    private static ToolResult readAll(List<ResultFiles.Located> files, ReadContext context) {
        List<ToolResult> results = new ArrayList<>();
        for (ResultFiles.Located file : files) {
            results.add(file.format().read(file.head(), context));
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
    private static TimeWindow windowOf(ToolResult span, List<ResultFiles.Located> files, RelativeWindow relative) {
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
}
