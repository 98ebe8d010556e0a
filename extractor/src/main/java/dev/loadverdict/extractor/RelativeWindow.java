package dev.loadverdict.extractor;

import dev.loadverdict.extractor.internal.TimeWindow;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A part of a run given relative to its start and end, as on the command line: {@code --skip-warmup 30s},
 * {@code --skip-rampdown 10s}, {@code --window 60s..360s}.
 *
 * @param skipWarmup time dropped from the start
 * @param skipRampdown time dropped from the end
 * @param from start of an explicit window, measured from the run's start
 * @param to end of an explicit window, measured from the run's start
 */
public record RelativeWindow(Duration skipWarmup, Duration skipRampdown, Optional<Duration> from, Optional<Duration> to) {

    public RelativeWindow {
        Objects.requireNonNull(skipWarmup, "skipWarmup == null");
        Objects.requireNonNull(skipRampdown, "skipRampdown == null");
        Objects.requireNonNull(from, "from == null");
        Objects.requireNonNull(to, "to == null");
        if (skipWarmup.isNegative() || skipRampdown.isNegative()) {
            throw new IllegalArgumentException("skipped time cannot be negative");
        }
        if (from.isPresent() && to.isPresent() && to.get().compareTo(from.get()) <= 0) {
            throw new IllegalArgumentException("the window ends before it starts");
        }
    }

    public static RelativeWindow all() {
        return new RelativeWindow(Duration.ZERO, Duration.ZERO, Optional.empty(), Optional.empty());
    }

    public boolean isAll() {
        return equals(all());
    }

    /** The absolute window for a run that started at {@code startMs} and ended at {@code endMs}. */
    public TimeWindow resolve(long startMs, long endMs) {
        long from = startMs + Math.max(skipWarmup.toMillis(), this.from.map(Duration::toMillis).orElse(0L));
        long to = Math.min(endMs + 1 - skipRampdown.toMillis(), this.to.map(d -> startMs + d.toMillis()).orElse(Long.MAX_VALUE));
        if (to <= from) {
            throw new IllegalArgumentException("nothing of the run is left in the window (the run lasted "
                    + Duration.ofMillis(endMs - startMs).toSeconds() + " s)");
        }
        return new TimeWindow(from, to);
    }
}
