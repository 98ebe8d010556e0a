package dev.loadverdict.extractor;

import dev.loadverdict.extractor.internal.TimeWindow;

import java.util.ArrayList;
import java.util.List;

/**
 * The window a run is cut to and each stage's window, placed on the run. Stages are measured from the start of the kept
 * window when one is cut (a window, or a load plateau), else from the run's start, and are kept inside that window. A
 * stage's end is open until the run's: a stage that holds no requests is reported after the read
 * ({@link #whyEmpty}).
 *
 * @param kept the window to keep
 * @param stageOrigin where stage times are measured from, epoch ms
 * @param stages each stage's window, in the order asked (empty when it lies outside {@code kept})
 */
record WindowPlan(TimeWindow kept, long stageOrigin, List<TimeWindow> stages) {

    /** The end of a run that a single pass has not read to yet. */
    static final long OPEN_END = Long.MAX_VALUE - 1;

    WindowPlan {
        stages = List.copyOf(stages);
    }

    /**
     * A window and stages given relative to a run that starts at {@code startMs} and ends at {@code endMs}
     * ({@link #OPEN_END} when not yet known: a window that drops the run's last seconds needs it).
     *
     * @throws IllegalArgumentException when nothing of the run is left in the window
     */
    static WindowPlan onRun(RelativeWindow window, List<Stage> stages, long startMs, long endMs) {
        TimeWindow kept = window.isAll() ? TimeWindow.all() : window.resolve(startMs, endMs);
        return in(kept, window.isAll() ? startMs : kept.fromMs(), stages);
    }

    /** Stages in a window placed already (a load plateau), measured from its start. */
    static WindowPlan inWindow(TimeWindow kept, List<Stage> stages) {
        return in(kept, kept.fromMs(), stages);
    }

    private static WindowPlan in(TimeWindow kept, long origin, List<Stage> stages) {
        List<TimeWindow> placed = new ArrayList<>();
        for (Stage stage : stages) {
            TimeWindow w = stage.window().resolve(origin, OPEN_END);
            long from = Math.max(w.fromMs(), kept.fromMs());
            long to = Math.min(w.toMs(), kept.toMs());
            placed.add(to > from ? new TimeWindow(from, to) : new TimeWindow(from, from));
        }
        return new WindowPlan(kept, origin, placed);
    }

    /** The kept window, then each stage's. */
    List<TimeWindow> all() {
        List<TimeWindow> all = new ArrayList<>(stages.size() + 1);
        all.add(kept);
        all.addAll(stages);
        return all;
    }

    /** Why {@code stage}, which holds no requests, is left out of a run whose last request ended at {@code endMs}. */
    String whyEmpty(Stage stage, long endMs) {
        try {
            stage.window().resolve(stageOrigin, endMs);
            return "no requests started in it";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
