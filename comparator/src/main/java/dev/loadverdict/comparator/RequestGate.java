package dev.loadverdict.comparator;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The minRequests condition: relative and delta conditions apply only when both runs made at least that
 * many requests. Limits are never gated.
 */
final class RequestGate {

    private RequestGate() {
    }

    static boolean passes(Measurement m, long minRequests) {
        return m.baselineRequests() >= minRequests && m.currentRequests() >= minRequests;
    }

    /** The reason a comparison was skipped, e.g. {@code "not compared: current has 42 requests < minRequests 100"}. */
    static Optional<String> reason(Measurement m, long minRequests) {
        boolean baselineShort = m.baselineRequests() < minRequests;
        boolean currentShort = m.currentRequests() < minRequests;
        if (!baselineShort && !currentShort) {
            return Optional.empty();
        }
        String who;
        if (baselineShort && currentShort) {
            who = "baseline has " + m.baselineRequests() + " and current has " + m.currentRequests() + " requests";
        } else if (baselineShort) {
            who = "baseline has " + m.baselineRequests() + " requests";
        } else {
            who = "current has " + m.currentRequests() + " requests";
        }
        return Optional.of("not compared: " + who + " < minRequests " + minRequests);
    }

    /**
     * The reason lines of a finding whose values both exist: one unprefixed line when every block that
     * compares with the baseline needs the same number of requests (or none compares and the rule's
     * minRequests decides comparability), else one line per gated block, prefixed with its severity.
     */
    static List<String> lines(EffectiveRule rule, Measurement m) {
        if (!m.bothValues()) {
            return List.of();
        }
        List<EffectiveBlock> comparing = rule.blocks().stream().filter(EffectiveBlock::comparesWithBaseline).toList();
        Set<Long> needed = comparing.stream().map(EffectiveBlock::minRequests).collect(Collectors.toSet());
        if (needed.size() <= 1) {
            long min = needed.isEmpty() ? rule.minRequests() : needed.iterator().next();
            return reason(m, min).stream().toList();
        }
        return comparing.stream()
                .flatMap(b -> reason(m, b.minRequests()).map(text -> b.label() + text).stream())
                .toList();
    }
}
