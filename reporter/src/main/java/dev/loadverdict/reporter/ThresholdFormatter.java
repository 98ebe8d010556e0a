package dev.loadverdict.reporter;

import dev.loadverdict.model.Direction;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.config.Conditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Describes a severity block in the terms of the report's Change column (current minus baseline):
 * {@code > +25% and > +20 ms}, a throughput drop as {@code < -30%}, and an SLO as {@code limit 100 ms}
 * ({@code limit ≥ 50 req/s} for a metric where higher is better). {@code minRequests} is left out: it
 * decides whether the block applies, not how far the metric may move.
 */
final class ThresholdFormatter {
    private ThresholdFormatter() {
    }

    /** The block, or {@value ValueFormatter#MISSING} when there is none. */
    static String describe(Metric metric, Optional<Conditions> block) {
        return block.map(c -> describe(metric, c)).orElse(ValueFormatter.MISSING);
    }

    static String describe(Metric metric, Conditions block) {
        boolean lowerIsBetter = metric.direction() == Direction.LOWER_IS_BETTER;
        String worse = lowerIsBetter ? "> +" : "< -";
        List<String> changes = new ArrayList<>(2);
        block.relativePercent().ifPresent(r -> changes.add(worse + ValueFormatter.amount(r) + "%"));
        block.delta().ifPresent(d -> changes.add(
                worse + ValueFormatter.amount(d) + " " + metric.unit().deltaSymbol()));
        String change = String.join(" and ", changes);
        if (block.limit().isEmpty()) {
            return change;
        }
        String limit = "limit " + (lowerIsBetter ? "" : "≥ ")
                + ValueFormatter.amount(block.limit().getAsDouble()) + unitSuffix(metric);
        return change.isEmpty() ? limit : change + ", or " + limit;
    }

    private static String unitSuffix(Metric metric) {
        String symbol = metric.unit().symbol();
        return symbol.equals("%") ? symbol : " " + symbol;
    }
}
