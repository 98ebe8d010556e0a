package dev.loadverdict.comparator;

import dev.loadverdict.model.Decimals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How numbers read in reasons, always as with {@link Locale#ROOT}. Measured values are rounded to what a
 * reader can use (0 decimals from 100, 1 decimal from 1, 2 significant digits below); configured amounts
 * are printed as written, without trailing zeros. Written by {@link Decimals}, as {@code String.format} writes them
 * (which is slow to start: a short command's first call costs about 25 ms).
 */
final class Numbers {

    static final String PASSED = "✓";
    static final String FAILED = "✗";

    private static final MathContext TWO_DIGITS = new MathContext(2, RoundingMode.HALF_UP);

    private Numbers() {
    }

    /** A p-value for reading: {@code 0.034}, {@code 2.1e-07}, {@code < 1e-300}. */
    static String pValue(double p) {
        if (p == 0) {
            return "< 1e-300";
        }
        return p >= 0.001 ? Decimals.significant(p, 3) : Decimals.scientific(p, 1);
    }

    /** A measured value, e.g. {@code 130}, {@code 48.0}, {@code 0.15}. */
    static String measured(double value) {
        double abs = Math.abs(value);
        if (abs == 0) {
            return "0";
        }
        if (abs >= 100) {
            return Decimals.fixed(value, 0);
        }
        if (abs >= 1) {
            return Decimals.fixed(value, 1);
        }
        if (abs >= 0.001) {
            return new BigDecimal(value).round(TWO_DIGITS).toPlainString();
        }
        return Decimals.scientific(value, 1);
    }

    /** A measured change with its sign, e.g. {@code +48.0} or {@code -3.2}; zero has none. */
    static String signed(double value) {
        String text = measured(value);
        return value > 0 ? "+" + text : text;
    }

    /** A relative change in percent with one decimal and its sign, as the reports print it: {@code +136.4}. */
    static String signedPercent(double value) {
        String text = Decimals.fixed(value, 1);
        return value > 0 ? "+" + text : text;
    }

    /** A configured amount as written, e.g. {@code 20}, {@code 0.2}. */
    static String configured(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A number followed by its unit symbol: {@code 130 ms}, {@code 2.0%}. */
    static String withUnit(String number, String symbol) {
        return symbol.equals("%") ? number + symbol : number + " " + symbol;
    }

    /** A share in percent with at most one decimal, rounded down so that a share under a limit never prints as the limit: {@code 33.3%}. */
    static String percent(double value) {
        return BigDecimal.valueOf(Math.floor(value * 10) / 10).stripTrailingZeros().toPlainString() + "%";
    }

    /** A count with thousands separators: {@code 1,500}. */
    static String count(long n) {
        return Decimals.grouped(n);
    }

    static String mark(boolean passed) {
        return passed ? PASSED : FAILED;
    }
}
