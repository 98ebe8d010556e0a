package dev.loadverdict.comparator;

import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.model.config.Conditions;

import java.util.OptionalLong;

/**
 * One severity block after inheritance.
 *
 * @param severity warning or critical
 * @param conditions the block as written
 * @param source where it was written ({@link dev.loadverdict.model.config.MetricRule#source()})
 * @param minRequests the requests both runs need for its relative/delta conditions: the block's own
 *     {@code minRequests}, else that of the lowest level that sets one
 */
record EffectiveBlock(Severity severity, Conditions conditions, String source, long minRequests) {

    boolean comparesWithBaseline() {
        return conditions.comparesWithBaseline();
    }

    /** The conditions as applied: with the effective minRequests filled in where it matters. */
    Conditions applied() {
        if (!comparesWithBaseline()) {
            return conditions;
        }
        return new Conditions(conditions.relativePercent(), conditions.delta(), conditions.limit(),
                OptionalLong.of(minRequests));
    }

    /** The prefix of this block's reason lines, e.g. {@code "warning: "}. */
    String label() {
        return severity.id() + ": ";
    }
}
