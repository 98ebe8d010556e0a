package dev.loadverdict.extractor.internal;

import com.fasterxml.jackson.core.io.NumberInput;


/**
 * A JSON number read from raw bytes with exactly the value a JSON parser gives it (the correctly rounded
 * double), without allocating for the numbers k6 writes. Decimals of at most 2<sup>53</sup> as an integer
 * mantissa with at most 22 decimals are divided by an exact power of ten, which IEEE 754 rounds correctly
 * (Clinger's fast path); anything else goes to the FastDoubleParser in jackson-core, which rounds as
 * {@link Double#parseDouble} does. k6's NDJSON and Locust's CSV numbers
 * (Python's {@code repr} of a float) are read with it.
 */
public final class JsonNumber {

    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long MAX_EXACT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private JsonNumber() {
    }

    /** The number written in {@code b[from, to)}, or NaN when those bytes are not exactly one JSON number. */
    public static double parse(byte[] b, int from, int to) {
        int i = from;
        boolean negative = i < to && b[i] == '-';
        if (negative) {
            i++;
        }
        if (i >= to || b[i] < '0' || b[i] > '9' || (b[i] == '0' && i + 1 < to && b[i + 1] >= '0' && b[i + 1] <= '9')) {
            return Double.NaN; // no digit, or a leading zero
        }
        long mantissa = 0;
        int digits = 0;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            mantissa = mantissa * 10 + (b[i++] - '0');
            digits++;
        }
        int decimals = 0;
        if (i < to && b[i] == '.') {
            i++;
            int first = i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                mantissa = mantissa * 10 + (b[i++] - '0');
                digits++;
            }
            decimals = i - first;
            if (decimals == 0) {
                return Double.NaN;
            }
        }
        boolean exponent = false;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            exponent = true;
            i++;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int first = i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == first) {
                return Double.NaN;
            }
        }
        if (i != to) {
            return Double.NaN;
        }
        if (negative && digits == 1 && mantissa == 0 && !exponent) { // not a long integer whose mantissa wrapped to 0
            return 0.0; // "-0" is an integer token: JSON parsers give 0, not -0.0
        }
        if (!exponent && digits <= 18 && mantissa <= MAX_EXACT && decimals < POWERS_OF_TEN.length) {
            double v = mantissa / POWERS_OF_TEN[decimals];
            return negative ? -v : v;
        }
        // 17 significant digits (Python's and Go's shortest round trip of many doubles) or an exponent: still
        // correctly rounded, by the FastDoubleParser that jackson-core ships, without BigInteger arithmetic
        char[] chars = new char[to - from];
        for (int k = 0; k < chars.length; k++) {
            chars[k] = (char) b[from + k];
        }
        return NumberInput.parseDouble(chars, 0, chars.length, true);
    }
}
