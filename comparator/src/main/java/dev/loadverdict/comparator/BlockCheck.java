package dev.loadverdict.comparator;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.loadverdict.model.compare.Significance;

/**
 * Whether one severity block holds: its limit is breached (on its own enough, whatever the baseline and
 * the request counts), or its relative/delta conditions hold against the baseline.
 */
final class BlockCheck {

    /**
     * @param holds whether the block's severity is reached
     * @param limitBreached whether its limit alone is breached
     * @param withinNoise whether its relative/delta amounts hold but the change is not significant at its alpha
     * @param reasons one line per check made, prefixed with the severity
     */
    record Result(boolean holds, boolean limitBreached, boolean withinNoise, List<String> reasons) {
        static final Result ABSENT = new Result(false, false, false, List.of());

        Result {
            reasons = List.copyOf(reasons);
        }
    }

    private BlockCheck() {
    }

    /**
     * @param comparable whether both values exist and both runs made the block's minRequests
     * @param significance the change's significance (its adjusted p-value when tested)
     * @param alpha the level this severity's significance is judged at
     */
    static Result check(Optional<EffectiveBlock> block, Metric metric, Measurement m, boolean comparable,
                        Significance significance, double alpha) {
        return block.map(b -> check(b, metric, m, comparable, significance, alpha)).orElse(Result.ABSENT);
    }

    static Result check(EffectiveBlock block, Metric metric, Measurement m, boolean comparable,
                        Significance significance, double alpha) {
        List<String> reasons = new ArrayList<>(3);
        boolean limitBreached = false;
        boolean amountsSignificant = false;
        boolean withinNoise = false;
        if (block.conditions().limit().isPresent()) {
            double limit = block.conditions().limit().getAsDouble();
            limitBreached = limitBreached(limit, metric, m);
            reasons.add(block.label() + limitText(limit, metric, m));
        }
        if (block.comparesWithBaseline() && comparable) {
            AmountCheck.Result amounts = AmountCheck.worse(block.conditions(), metric, m);
            reasons.add(block.label() + amounts.text());
            if (amounts.holds()) {
                if (significance.pValue().isEmpty()) {
                    amountsSignificant = true;
                } else {
                    double p = significance.pValue().getAsDouble();
                    amountsSignificant = p <= alpha;
                    withinNoise = !amountsSignificant;
                    reasons.add(block.label() + (amountsSignificant
                            ? "significant, p = " + Numbers.pValue(p) + " ≤ " + Numbers.configured(alpha)
                            : "not more than noise, p = " + Numbers.pValue(p) + " > " + Numbers.configured(alpha)
                                    + ": a real change this size needs more requests or more runs to show"));
                }
            }
        }
        return new Result(limitBreached || amountsSignificant, limitBreached, withinNoise, reasons);
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
