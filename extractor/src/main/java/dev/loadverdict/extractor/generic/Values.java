package dev.loadverdict.extractor.generic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads the values of the generic format from their text, the same for CSV cells, NDJSON values and the
 * JSON document. Each method throws {@link IllegalArgumentException} with a message for the user (the
 * caller adds file and line).
 */
final class Values {

    /** Epoch ms below this (1973-03-03) are taken for seconds or a relative time, and refused. */
    static final long SMALLEST_EPOCH_MS = 100_000_000_000L;
    /** A response time above a day is taken for a unit mistake (µs or ns written as ms). */
    static final double LARGEST_LATENCY_MS = 86_400_000.0;

    private Values() {
    }

    /**
     * A point in time as epoch milliseconds: a number of epoch ms (a fraction is cut off, so the sample
     * stays in the millisecond it started in) or ISO-8601 with a zone offset ({@code 2026-11-23T10:15:30.123Z},
     * {@code …+01:00}); a time without an offset is refused as ambiguous.
     */
    static long epochMillis(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        char first = t.charAt(0);
        if (first >= '0' && first <= '9' && !t.contains("-") && !t.contains(":")) {
            long ms = wholePart(t);
            if (ms < SMALLEST_EPOCH_MS) {
                throw new IllegalArgumentException("is too small for epoch milliseconds (epoch seconds? write ms)");
            }
            return ms;
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is neither epoch milliseconds nor ISO-8601 with a zone offset");
        }
    }

    /** The whole part of a plain decimal number of epoch ms ({@code 1763892000123.456}), without BigDecimal per row. */
    private static long wholePart(String t) {
        int dot = t.indexOf('.');
        int end = dot < 0 ? t.length() : dot;
        boolean plain = end > 0 && end <= 18;
        for (int i = 0; i < t.length() && plain; i++) {
            char c = t.charAt(i);
            plain = c >= '0' && c <= '9' || i == dot;
        }
        if (plain) {
            return Long.parseLong(t, 0, end, 10);
        }
        try {
            return new BigDecimal(t).setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("is neither epoch milliseconds nor ISO-8601");
        }
    }

    /** A response time in ms (fraction allowed, not negative, at most a day) as whole microseconds. */
    static long latencyMicros(String text) {
        double ms;
        try {
            ms = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a number of milliseconds");
        }
        if (!(ms >= 0) || ms > LARGEST_LATENCY_MS) {
            throw new IllegalArgumentException("is not between 0 and " + (long) LARGEST_LATENCY_MS + " ms");
        }
        return Math.round(ms * 1000.0);
    }

    /** {@code true}/{@code false} (any case) or {@code 1}/{@code 0}. */
    static boolean ok(String text) {
        String t = text.strip();
        if (t.equals("1") || t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equals("0") || t.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("is neither true/false nor 1/0");
    }

    /** The largest user count read: more than any load generator runs. */
    static final long LARGEST_USERS = 10_000_000;

    /** A user count: a whole number from 0 to {@value #LARGEST_USERS}. */
    static long users(String text) {
        long users;
        try {
            users = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a whole number of users");
        }
        if (users < 0 || users > LARGEST_USERS) {
            throw new IllegalArgumentException("is not between 0 and " + LARGEST_USERS);
        }
        return users;
    }
}
