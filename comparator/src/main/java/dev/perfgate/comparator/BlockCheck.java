package dev.perfgate.comparator;

import dev.perfgate.model.Metric;
import dev.perfgate.model.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether one severity block holds: its limit is breached (on its own enough, whatever the baseline and
 * the request counts), or its relative/delta conditions hold against the baseline.
 */
final class BlockCheck {

    /**
     * @param holds whether the block's severity is reached
     * @param reasons one line per check made, prefixed with the severity
     */
    record Result(boolean holds, List<String> reasons) {
        static final Result ABSENT = new Result(false, List.of());

        Result {
            reasons = List.copyOf(reasons);
        }
    }

    private BlockCheck() {
    }

    /**
     * @param comparable whether both values exist and both runs made the block's minRequests
     */
    static Result check(Optional<EffectiveBlock> block, Metric metric, Measurement m, boolean comparable) {
        return block.map(b -> check(b, metric, m, comparable)).orElse(Result.ABSENT);
    }

    static Result check(EffectiveBlock block, Metric metric, Measurement m, boolean comparable) {
        List<String> reasons = new ArrayList<>(2);
        boolean holds = false;
        if (block.conditions().limit().isPresent()) {
            double limit = block.conditions().limit().getAsDouble();
            holds = limitBreached(limit, metric, m);
            reasons.add(block.label() + limitText(limit, metric, m));
        }
        if (block.comparesWithBaseline() && comparable) {
            AmountCheck.Result amounts = AmountCheck.worse(block.conditions(), metric, m);
            reasons.add(block.label() + amounts.text());
            holds |= amounts.holds();
        }
        return new Result(holds, reasons);
    }

    private static boolean limitBreached(double limit, Metric metric, Measurement m) {
        return m.current().isPresent() && metric.direction().badAmount(limit, m.current().getAsDouble()) > 0;
    }

    private static String limitText(double limit, Metric metric, Measurement m) {
        Unit unit = metric.unit();
        String bound = "limit " + Numbers.withUnit(Numbers.configured(limit), unit.symbol());
        if (m.current().isEmpty()) {
            return bound + " not checked (the current run has no " + metric.key() + ")";
        }
        String current = "(current " + Numbers.withUnit(Numbers.measured(m.current().getAsDouble()), unit.symbol()) + ")";
        return bound + (limitBreached(limit, metric, m) ? " breached " : " not breached ") + current;
    }
}
