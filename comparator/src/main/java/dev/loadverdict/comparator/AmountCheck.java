package dev.loadverdict.comparator;

import dev.loadverdict.model.Direction;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.config.Conditions;

import java.util.ArrayList;
import java.util.List;

/**
 * The relative and delta conditions of a block, checked against a change whose values both exist and
 * whose request counts passed the {@link RequestGate}. Checked in the bad direction for a regression, and
 * mirrored (the same amounts in the good direction) to tell an improvement from noise.
 */
final class AmountCheck {

    /**
     * @param holds whether the change is in the direction looked for and every set condition holds
     * @param text the conditions with numbers and a mark each, e.g. {@code relative +31.2% > 25% ✓}
     */
    record Result(boolean holds, String text) {
    }

    private AmountCheck() {
    }

    static Result worse(Conditions conditions, Metric metric, Measurement m) {
        return check(conditions, metric, m, false);
    }

    static Result better(Conditions conditions, Metric metric, Measurement m) {
        return check(conditions, metric, m, true);
    }

    private static Result check(Conditions conditions, Metric metric, Measurement m, boolean better) {
        double change = m.changeValue();
        double amount = better ? -change : change;
        boolean holds = amount > 0;
        List<String> parts = new ArrayList<>(2);
        // amounts are in the bad direction; for throughput that is a drop, and the words say so
        String drop = metric.direction() == Direction.HIGHER_IS_BETTER ? " drop" : "";
        if (conditions.relativePercent().isPresent()) {
            double threshold = conditions.relativePercent().getAsDouble();
            boolean passed;
            String text;
            if (m.relativePercent().isPresent()) {
                double relative = m.relativePercent().getAsDouble();
                passed = (better ? -relative : relative) > threshold;
                text = "relative" + drop + " " + Numbers.signedPercent(relative) + "% " + bound(better, Numbers.configured(threshold), "%");
            } else if (better || conditions.delta().isPresent()) {
                // no relative change from zero: the block's delta alone decides (a rise from zero in the good
                // direction is an improvement of any size)
                passed = amount > 0;
                text = "relative undefined (" + m.relativeUndefined().orElseThrow() + ")"
                        + (better ? "" : ", delta decides");
            } else {
                passed = false;
                text = "relative undefined (" + m.relativeUndefined().orElseThrow() + "), no delta to decide";
            }
            parts.add(text + " " + Numbers.mark(passed));
            holds &= passed;
        }
        if (conditions.delta().isPresent()) {
            double threshold = conditions.delta().getAsDouble();
            String unit = metric.unit().deltaSymbol();
            boolean passed = amount > threshold;
            parts.add("delta" + drop + " " + Numbers.withUnit(Numbers.signed(change), unit) + " "
                    + bound(better, Numbers.configured(threshold), unit) + " " + Numbers.mark(passed));
            holds &= passed;
        }
        return new Result(holds, String.join(", ", parts));
    }

    private static String bound(boolean better, String threshold, String unit) {
        return better ? "< " + Numbers.withUnit("-" + threshold, unit) : "> " + Numbers.withUnit(threshold, unit);
    }
}
