package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointStats;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a percentile's change must show before it can be critical, beyond its thresholds and significance: it is
 * <b>resolved</b> at these sample sizes (the runs' 95% intervals for that percentile, {@link PercentileResolution},
 * do not overlap), and it rests on at least {@value #MIN_TAIL_SAMPLES} requests above the percentile on both sides.
 * A change that fails either is at most a warning, and the finding says why. This replaces a fixed minimum of
 * requests as the built-in way to stay quiet: 80 requests resolve a doubling, while 212 cannot resolve a p99.
 */
final class PercentileGate {

    /** Requests above a percentile, on both sides, before it can be critical. */
    static final double MIN_TAIL_SAMPLES = 5;

    private PercentileGate() {
    }

    /** Why this comparison's critical finding cannot be critical, or empty when nothing stands in its way. */
    static Optional<String> whyNotCritical(MetricComparison c, Measurement m) {
        OptionalDouble percent = c.metric().percent();
        if (percent.isEmpty() || !m.bothValues()) {
            return Optional.empty();
        }
        double q = percent.getAsDouble();
        String key = c.metric().key();
        long nb = count(c.baseline());
        long nc = count(c.current());
        Optional<PercentileResolution.Interval> before = PercentileResolution.of(c.baseline(), q, c.baselinePrecision());
        Optional<PercentileResolution.Interval> now = PercentileResolution.of(c.current(), q, c.currentPrecision());
        if (before.isPresent() && now.isPresent() && !(now.get().low() > before.get().high())) {
            long needed = PercentileResolution.requestsToBound(q);
            return Optional.of("not resolvable at this sample size: " + PercentileResolution.which(Math.min(nb, nc), q, key)
                    + "; the 95% intervals " + before.get().text() + " before and " + now.get().text() + " now overlap"
                    + (before.get().boundedAbove() ? "" : "; a " + key + " is bounded from " + Numbers.count(needed) + " requests"));
        }
        double tailBefore = PercentileResolution.tailSamples(nb, q);
        double tailNow = PercentileResolution.tailSamples(nc, q);
        if (Math.min(tailBefore, tailNow) < MIN_TAIL_SAMPLES) {
            return Optional.of("the " + key + " rests on " + Numbers.measured(tailBefore) + " requests above it before and "
                    + Numbers.measured(tailNow) + " now; a critical needs " + Numbers.configured(MIN_TAIL_SAMPLES)
                    + " on both sides (" + Numbers.count((long) Math.ceil(MIN_TAIL_SAMPLES / (1 - q / 100) - 1e-9))
                    + " requests)");
        }
        return Optional.empty();
    }

    /** For a critical the gate lets through: the evidence that the change is resolved, when intervals are known. */
    static Optional<String> resolved(MetricComparison c, Measurement m) {
        OptionalDouble percent = c.metric().percent();
        if (percent.isEmpty() || !m.bothValues()) {
            return Optional.empty();
        }
        double q = percent.getAsDouble();
        Optional<PercentileResolution.Interval> before = PercentileResolution.of(c.baseline(), q, c.baselinePrecision());
        Optional<PercentileResolution.Interval> now = PercentileResolution.of(c.current(), q, c.currentPrecision());
        if (before.isEmpty() || now.isEmpty()) {
            return Optional.of("resolution not known: the source tabulates no percentile around the " + c.metric().key());
        }
        return Optional.of("resolved: the 95% intervals " + before.get().text() + " before and " + now.get().text()
                + " now do not overlap (" + PercentileResolution.which(Math.min(count(c.baseline()), count(c.current())), q,
                c.metric().key()) + ")");
    }

    private static long count(EndpointStats e) {
        return e.latency().count() > 0 ? e.latency().count() : e.requests();
    }
}
