package dev.loadverdict.comparator;

import dev.loadverdict.model.compare.AppliedRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule of one metric for one endpoint (or service total) after inheritance; at least one block is set.
 *
 * @param warning the effective warning block
 * @param critical the effective critical block
 * @param minRequests the minRequests of the lowest level that sets one, for the outcome when no block
 *     compares with the baseline
 */
record EffectiveRule(Optional<EffectiveBlock> warning, Optional<EffectiveBlock> critical, long minRequests) {

    EffectiveRule {
        if (warning.isEmpty() && critical.isEmpty()) {
            throw new IllegalArgumentException("an effective rule needs a warning or a critical block");
        }
    }

    /** Warning first, then critical; only those that are set. */
    List<EffectiveBlock> blocks() {
        List<EffectiveBlock> blocks = new ArrayList<>(2);
        warning.ifPresent(blocks::add);
        critical.ifPresent(blocks::add);
        return blocks;
    }

    /**
     * The block whose relative/delta amounts decide what counts as an improvement and whose minRequests
     * decides comparability: the warning block when it compares with the baseline, else the critical one.
     */
    Optional<EffectiveBlock> reference() {
        return warning.filter(EffectiveBlock::comparesWithBaseline)
                .or(() -> critical.filter(EffectiveBlock::comparesWithBaseline));
    }

    /** Whether a block sets an absolute limit, which applies even without a baseline. */
    boolean hasLimit() {
        return blocks().stream().anyMatch(b -> b.conditions().limit().isPresent());
    }

    /** The minRequests that decides whether the two values are comparable at all. */
    long referenceMinRequests() {
        return reference().map(EffectiveBlock::minRequests).orElse(minRequests);
    }

    /** The rule as recorded in a finding; the source of an absent block is empty text. */
    AppliedRule applied() {
        return new AppliedRule(warning.map(EffectiveBlock::applied), warning.map(EffectiveBlock::source).orElse(""),
                critical.map(EffectiveBlock::applied), critical.map(EffectiveBlock::source).orElse(""));
    }
}
