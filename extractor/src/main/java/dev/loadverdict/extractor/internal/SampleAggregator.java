package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.config.Naming;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Aggregates raw samples, one at a time, into per-endpoint histograms and time series: memory depends on
 * the number of endpoints (capped, see {@link Naming}), never on the number of samples, and the time series
 * of all endpoints together stay within a {@link MemoryBudget}. Tool readers feed it;
 * {@link #finish()} turns it into services with exact totals (histograms add).
 */
public final class SampleAggregator {

    /** Endpoints whose histograms are plain arrays (fast to record into): about 6 MB for 64. */
    static final int DENSE_HISTOGRAMS = 64;

    /**
     * Samples held back, at most, while the run's start is not settled (see {@link Placement}): about 3 MB. A sample
     * that started earlier than all of these is rare (a request longer than the time the next 65,536 took to finish);
     * when one comes, {@link Aggregate#placed()} says the start was wrong and the caller reads again.
     */
    static final int HELD_BACK = 1 << 16;

    private final MemoryBudget budget;
    private final EndpointResolver resolver;
    /** How many more endpoints get a plain-array histogram (about 100 KB each, fast) before the rest are packed. */
    private int denseHistograms = DENSE_HISTOGRAMS;
    /** Null until the windows are placed. */
    private WindowAggregate main;
    /** The further windows every sample is also aggregated into (a run's stages), each on its own. */
    private WindowAggregate[] parts;
    private final Placement placement;
    private Held[] held;
    private int heldCount;
    private long originMs;
    /** The earliest start of any sample, and the start the file declares (Gatling's RUN record). */
    private long earliestStartMs = Long.MAX_VALUE;
    private long declaredStartMs = Long.MAX_VALUE;

    public SampleAggregator(EndpointResolver resolver, TimeWindow window) {
        this(resolver, window, List.of());
    }

    /**
     * Aggregates the samples in {@code window}, and those in each of {@code parts} separately, in one pass: the
     * time series of all of them share one {@link MemoryBudget}.
     */
    public SampleAggregator(EndpointResolver resolver, TimeWindow window, List<TimeWindow> parts) {
        this(resolver, window, parts, MemoryBudget.DEFAULT_BYTES);
    }

    /** As {@link #SampleAggregator(EndpointResolver, TimeWindow)}, with the memory all endpoints' time series may hold. */
    SampleAggregator(EndpointResolver resolver, TimeWindow window, long timeSeriesBytes) {
        this(resolver, window, List.of(), timeSeriesBytes);
    }

    /** As {@link #SampleAggregator(EndpointResolver, TimeWindow, List)}, with the memory the time series may hold. */
    SampleAggregator(EndpointResolver resolver, TimeWindow window, List<TimeWindow> parts, long timeSeriesBytes) {
        this.budget = new MemoryBudget(timeSeriesBytes);
        this.resolver = resolver;
        this.placement = null;
        place(window, parts);
    }

    /**
     * Aggregates windows that {@code placement} puts on the run's start, in one pass: the first samples are held back
     * until the start is settled (see {@link #HELD_BACK}).
     */
    public SampleAggregator(EndpointResolver resolver, Placement placement) {
        this.budget = new MemoryBudget(MemoryBudget.DEFAULT_BYTES);
        this.resolver = resolver;
        this.placement = placement;
        this.held = new Held[1024];
    }

    private void place(TimeWindow window, List<TimeWindow> further) {
        main = new WindowAggregate(resolver, window, this::newAccumulator);
        parts = further.stream().map(w -> new WindowAggregate(resolver, w, this::newAccumulator))
                .toArray(WindowAggregate[]::new);
    }

    /**
     * The start the file declares for the run (Gatling's RUN record): the run starts there when it is earlier than the
     * first sample, so windows are placed on it. Call before the samples.
     */
    public void declareStart(long startMs) {
        declaredStartMs = Math.min(declaredStartMs, startMs);
    }

    /** Settles the run's start as the earliest held-back sample's (or the declared start), places the windows, replays. */
    private void placeHeldBack() {
        originMs = Math.min(earliestStartMs, declaredStartMs);
        List<TimeWindow> windows = placement.place(originMs == Long.MAX_VALUE ? 0 : originMs);
        place(windows.get(0), windows.subList(1, windows.size()));
        Held[] replay = held;
        int count = heldCount;
        held = null;
        for (int i = 0; i < count; i++) {
            Held h = replay[i];
            record(h.labels, h.startMs, h.elapsedMicros, h.success, h.failureKind, h.outsideTotals);
        }
    }

    /** A sample held back until the windows are placed. */
    private record Held(RequestLabels labels, long startMs, long elapsedMicros, boolean success, String failureKind,
                        boolean outsideTotals) {
    }

    /**
     * Records one sample.
     *
     * @param labels what the tool recorded about the request
     * @param startMs when the request started, epoch ms
     * @param elapsedMicros its response time in µs
     * @param success whether it succeeded
     * @param failureKind why it failed (an error message, status or exception), or null
     */
    public void add(RequestLabels labels, long startMs, long elapsedMicros, boolean success, String failureKind) {
        record(labels, startMs, elapsedMicros, success, failureKind, false);
    }

    /**
     * Records a sample that counts for its endpoint but not for the service and run totals, because the
     * samples it contains are recorded too (JMeter's transaction-controller samples: counting both would
     * count the contained requests twice). When no sample at all counts for the totals, these do, so a
     * file of such samples alone still has totals. Parameters as for {@link #add}.
     */
    public void addOutsideTotals(RequestLabels labels, long startMs, long elapsedMicros, boolean success,
                                 String failureKind) {
        record(labels, startMs, elapsedMicros, success, failureKind, true);
    }

    private void record(RequestLabels labels, long startMs, long elapsedMicros, boolean success, String failureKind,
                        boolean outsideTotals) {
        if (startMs < earliestStartMs) {
            earliestStartMs = startMs;
        }
        if (held != null) {
            if (heldCount == held.length) {
                held = java.util.Arrays.copyOf(held, held.length * 2);
            }
            held[heldCount++] = new Held(labels, startMs, elapsedMicros, success, failureKind, outsideTotals);
            if (heldCount == HELD_BACK) {
                placeHeldBack();
            }
            return;
        }
        add(main, labels, startMs, elapsedMicros, success, failureKind, outsideTotals);
        for (WindowAggregate part : parts) {
            add(part, labels, startMs, elapsedMicros, success, failureKind, outsideTotals);
        }
        if (budget.exceeded()) {
            keepWithinBudget();
        }
    }

    private void add(WindowAggregate window, RequestLabels labels, long startMs, long elapsedMicros, boolean success,
                     String failureKind, boolean outsideTotals) {
        EndpointAccumulator accumulator = window.endpoint(labels, startMs);
        if (accumulator == null) {
            return;
        }
        if (outsideTotals) {
            accumulator = window.outsideTotals.computeIfAbsent(accumulator, k -> newAccumulator());
        }
        accumulator.add(startMs, elapsedMicros, success, failureKind);
    }

    private EndpointAccumulator newAccumulator() {
        return new EndpointAccumulator(budget, denseHistograms-- > 0);
    }

    /**
     * Coarsens every series to twice the interval until all fit the budget again. That ends at the latest when one
     * interval spans every sample (epoch-aligned intervals longer than the largest timestamp put them all in one): the
     * budget must then allow one interval per endpoint of every window, which the endpoint caps bound.
     */
    private void keepWithinBudget() {
        long reach = main.reach();
        for (WindowAggregate part : parts) {
            reach = Math.max(reach, part.reach());
        }
        while (budget.exceeded() && budget.intervalMs() <= reach && budget.intervalMs() < (1L << 60)) {
            long interval = budget.coarsened();
            main.coarsen(interval);
            for (WindowAggregate part : parts) {
                part.coarsen(interval);
            }
        }
    }

    /**
     * Adds what {@code later} aggregated, when the result is exactly what this aggregator would hold had it read
     * {@code later}'s samples itself, after its own (the parts of one file, in file order, see {@link SplitReading}):
     * true when it is, false when it may not be, and then this aggregator is left in no useful state.
     *
     * <p>Histograms, counts, sums, extremes and time-series intervals add up whatever the order. What depends on the
     * order is refused: services or endpoints beyond the caps, failure kinds beyond theirs, time series pressed by the
     * memory budget (coarsening there depends on when the budget ran out), and windows placed on the run's start.
     */
    public boolean absorb(SampleAggregator later) {
        if (placement != null || later.placement != null || parts.length != later.parts.length
                || budget.intervalMs() != TimeSeriesBuilder.FIRST_INTERVAL_MS
                || later.budget.intervalMs() != TimeSeriesBuilder.FIRST_INTERVAL_MS) {
            return false;
        }
        earliestStartMs = Math.min(earliestStartMs, later.earliestStartMs);
        declaredStartMs = Math.min(declaredStartMs, later.declaredStartMs);
        if (!main.absorb(later.main)) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].absorb(later.parts[i])) {
                return false;
            }
        }
        // Had one pass read both, every series would have held at most its bound along the way (see
        // WindowAggregate#seriesBound); within the budget of that pass (the default: files are split only then, see
        // ReadContext#splittingNow), no prefix of it ever coarsened for it.
        long bound = main.seriesBound();
        for (WindowAggregate part : parts) {
            bound += part.seriesBound();
        }
        return bound <= MemoryBudget.DEFAULT_BYTES;
    }

    /** What the time series of all endpoints are charged against their {@link MemoryBudget} now. */
    long timeSeriesBytes() {
        return budget.bytes();
    }

    /** Samples dropped because they started outside the time window. */
    public long outsideWindow() {
        return main == null ? 0 : main.outsideWindow;
    }

    /**
     * What was aggregated.
     *
     * @param services the services with their endpoints and totals
     * @param total the whole run's total, when there was any sample
     * @param start the earliest sample start
     * @param end the latest sample end
     * @param parts what was aggregated in each further window, in the order given
     * @param placed where the windows were placed, when a {@link Placement} placed them
     */
    public record Aggregate(List<ServiceStats> services, Optional<EndpointStats> total, Optional<Instant> start,
                            Optional<Instant> end, List<Aggregate> parts, Optional<Placed> placed) {

        /**
         * The reader's result: these samples, with metadata from {@code facts} and the samples' span, and the result
         * of each further window (with the samples' own span: a start the file declares is the whole run's).
         */
        public ToolResult result(RunFacts facts, List<String> warnings) {
            RunFacts ofPart = facts.withoutDeclaredStart();
            List<ToolResult> results = parts.stream().map(p -> p.result(ofPart, List.of())).toList();
            return new ToolResult(facts.metadata(start, end), total, services, warnings, results, placed);
        }
    }

    /** The services, endpoints and totals, in the window and in each further one. Call once, after the last sample. */
    public Aggregate finish() {
        if (held != null) {
            placeHeldBack();
        }
        List<Aggregate> finished = new ArrayList<>(parts.length);
        for (WindowAggregate part : parts) {
            finished.add(part.finish(List.of(), Optional.empty()));
        }
        Optional<Placed> placed = placement == null ? Optional.empty()
                : Optional.of(new Placed(originMs, originMs == Math.min(earliestStartMs, declaredStartMs)));
        return main.finish(finished, placed);
    }

    /**
     * Where a {@link Placement} put the windows.
     *
     * @param runStartMs the run's start they were placed on
     * @param exact whether it was the run's start: false when a sample read after the windows were placed started earlier
     */
    public record Placed(long runStartMs, boolean exact) {
    }
}
