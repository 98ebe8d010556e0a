package dev.loadverdict.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as {@code String.format(Locale.ROOT, …)} prints them, character for character, without {@link java.util.Formatter}:
 * a command's first {@code String.format} costs about 25 ms (the formatter and the locale data it loads), a large share
 * of a short {@code compare}. Like the formatter, these round half-up on the shortest decimal form of the double (the
 * digits of {@link Double#toString}). {@code DecimalsTest} compares them with {@code String.format} on a few hundred
 * thousand values.
 */
public final class Decimals {

    private Decimals() {
    }

    /** As {@code String.format(Locale.ROOT, "%.Nf", value)} with N = {@code decimals}: {@code 12.3}, {@code -0.0}. */
    public static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        String text = rounded.toPlainString();
        // BigDecimal has no negative zero; the formatter keeps the sign of a negative value that rounds to zero
        return rounded.signum() == 0 && (value < 0 || value == 0 && 1 / value < 0) ? "-" + text : text;
    }

    /** As {@code String.format(Locale.ROOT, "%,d", value)}: {@code 1,234,567}, {@code -1,000}. */
    public static String grouped(long value) {
        String digits = Long.toString(value);
        int start = value < 0 ? 1 : 0;
        int length = digits.length() - start;
        StringBuilder out = new StringBuilder(digits.length() + length / 3);
        int head = length % 3 == 0 ? 3 : length % 3;
        out.append(digits, 0, start + head);
        for (int i = start + head; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    /**
     * As {@code String.format(Locale.ROOT, "%.Ne", value)} with N = {@code decimals}: {@code 2.1e-07}, {@code 1.0e+100}
     * (the exponent has at least two digits).
     */
    public static String scientific(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return nonFinite(value);
        }
        boolean negative = value < 0 || value == 0 && 1 / value < 0;
        BigDecimal magnitude = BigDecimal.valueOf(Math.abs(value));
        int exponent = 0;
        BigDecimal mantissa;
        if (magnitude.signum() == 0) {
            mantissa = BigDecimal.ZERO.setScale(decimals);
        } else {
            BigDecimal rounded = magnitude.round(new MathContext(decimals + 1, RoundingMode.HALF_UP));
            exponent = rounded.precision() - rounded.scale() - 1;
            mantissa = rounded.movePointLeft(exponent).setScale(decimals, RoundingMode.HALF_UP);
        }
        int digits = Math.abs(exponent);
        return (negative ? "-" : "") + mantissa.toPlainString() + (exponent < 0 ? "e-" : "e+") + (digits < 10 ? "0" : "")
                + digits;
    }

    /**
     * As {@code String.format(Locale.ROOT, "%.Ng", value)} with N = {@code significant}, for a value whose rounded
     * magnitude lies in [10^-4, 10^N), where the formatter writes it without an exponent: {@code 0.0342}, {@code 0.500}.
     * Other values (and non-finite ones) are written as the formatter writes them, by the formatter.
     */
    public static String significant(double value, int significant) {
        if (Double.isFinite(value) && value != 0) {
            BigDecimal rounded = BigDecimal.valueOf(Math.abs(value)).round(new MathContext(significant,
                    RoundingMode.HALF_UP));
            int exponent = rounded.precision() - rounded.scale() - 1;
            if (exponent >= -4 && exponent < significant) {
                String text = rounded.setScale(significant - 1 - exponent, RoundingMode.HALF_UP).toPlainString();
                return value < 0 ? "-" + text : text;
            }
        }
        return String.format(java.util.Locale.ROOT, "%." + significant + "g", value);
    }

    private static String nonFinite(double value) {
        return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
    }
}
