package dev.loadverdict.reporter;

import dev.loadverdict.model.Direction;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Unit;
import dev.loadverdict.model.compare.Finding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Formats the numbers of a report, independent of the default locale.
 *
 * <ul>
 *   <li>milliseconds: one decimal below 100 ms, none from 100 ms ({@code 12.3 ms}, {@code 250 ms});</li>
 *   <li>error rates and their differences: one decimal, two below 1 so small rates stay visible
 *       ({@code 0.25%}, {@code 1.5%}, {@code +0.40 pp});</li>
 *   <li>requests per second: one decimal; relative changes: one decimal with a sign ({@code +31.2%});</li>
 *   <li>a missing or non-finite value: {@value #MISSING}.</li>
 * </ul>
 * Rounding is half-up on the shortest decimal form of the double, so 0.25 shows as 0.3, not 0.2.
 */
public final class ValueFormatter {
    static final String MISSING = "—";

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ValueFormatter() {
    }

    /** A value of the metric's unit, e.g. {@code 120 ms}, {@code 0.25%}, {@code 12.3 req/s}. */
    static String value(Unit unit, OptionalDouble value) {
        return value.isPresent() ? value(unit, value.getAsDouble()) : MISSING;
    }

    static String value(Unit unit, double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        return switch (unit) {
            case MILLISECONDS -> number(value, msDecimals(value)) + " ms";
            case PERCENT -> number(value, rateDecimals(value)) + "%";
            case REQUESTS_PER_SECOND -> number(value, 1) + " req/s";
        };
    }

    /** A signed difference in the unit's delta symbol, e.g. {@code +60 ms}, {@code -0.40 pp}. */
    static String difference(Unit unit, double difference) {
        if (!Double.isFinite(difference)) {
            return MISSING;
        }
        int decimals = switch (unit) {
            case MILLISECONDS -> msDecimals(difference);
            case PERCENT -> rateDecimals(difference);
            case REQUESTS_PER_SECOND -> 1;
        };
        return signed(difference, decimals) + " " + unit.deltaSymbol();
    }

    /** A signed relative change, e.g. {@code +31.2%}. */
    static String relative(double percent) {
        return Double.isFinite(percent) ? signed(percent, 1) + "%" : MISSING;
    }

    /**
     * A finding's change as current minus baseline, with the relative change when there is one:
     * {@code +60 ms (+50.0%)}; a throughput drop shows as negative. {@value #MISSING} when either side is
     * missing. The finding carries its change in the bad direction; this turns it back.
     */
    static String change(Finding finding) {
        if (finding.change().isEmpty()) {
            return MISSING;
        }
        Metric metric = finding.metric();
        double towardsWorse = metric.direction() == Direction.LOWER_IS_BETTER ? 1 : -1;
        String absolute = difference(metric.unit(), towardsWorse * finding.change().getAsDouble());
        if (finding.relativePercent().isEmpty() || absolute.equals(MISSING)) {
            return absolute;
        }
        return absolute + " (" + relative(towardsWorse * finding.relativePercent().getAsDouble()) + ")";
    }

    /**
     * A finding's figures on one line, as the reports write them: baseline, current and the change, e.g.
     * {@code 120 ms → 180 ms, +60 ms (+50.0%)}; a throughput drop reads as a drop ({@code -20.0 req/s (-16.7%)}).
     */
    public static String figures(Finding finding) {
        Unit unit = finding.metric().unit();
        return value(unit, finding.baseline()) + " → " + value(unit, finding.current()) + ", " + change(finding);
    }

    /** A configured amount as written, without trailing zeros: {@code 25}, {@code 0.2}, {@code 12.5}. */
    static String amount(double amount) {
        return BigDecimal.valueOf(amount).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A count with thousands separators: {@code 12,345}. */
    static String count(long count) {
        return dev.loadverdict.model.Decimals.grouped(count);
    }

    /** An instant to the minute, in UTC: {@code 2024-05-01 10:15 UTC}. */
    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    private static int msDecimals(double value) {
        return round(Math.abs(value), 1).compareTo(BigDecimal.valueOf(100)) < 0 ? 1 : 0;
    }

    private static int rateDecimals(double value) {
        return round(Math.abs(value), 2).compareTo(BigDecimal.ONE) < 0 ? 2 : 1;
    }

    private static String signed(double value, int decimals) {
        BigDecimal rounded = round(value, decimals);
        return (rounded.signum() > 0 ? "+" : "") + rounded.toPlainString();
    }

    private static String number(double value, int decimals) {
        return round(value, decimals).toPlainString();
    }

    private static BigDecimal round(double value, int decimals) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        // BigDecimal has no negative zero, but -0.04 rounds to "-0.0": show it as 0.0.
        return rounded.signum() == 0 ? rounded.abs() : rounded;
    }
}
