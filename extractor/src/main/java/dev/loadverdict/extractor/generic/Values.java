package dev.loadverdict.extractor.generic;

import dev.loadverdict.extractor.internal.DelimitedReader;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Reads the values of the generic format from their text, the same for CSV cells, NDJSON values and the
 * JSON document. Each method throws {@link IllegalArgumentException} with a message for the user (the
 * caller adds file and line).
 *
 * <p>The methods on UTF-8 byte ranges ({@code plain…}) read the common spellings of the same values without making a
 * String: each gives exactly what its text method gives for that text, and {@link #NOT_PLAIN} (or -1) for any other
 * spelling, which the caller then reads with the text method (so errors and rare spellings stay in one place).
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

    /** What the {@code plain…} methods give for text they leave to the text methods. */
    static final long NOT_PLAIN = Long.MIN_VALUE;

    /**
     * As {@link #epochMillis} for digits with at most one {@code .} and digits after it (a whole part of 1 to 18
     * digits, not too small), else {@link #NOT_PLAIN}.
     */
    static long plainEpochMillis(byte[] a, int start, int end) {
        int dot = start;
        while (dot < end && a[dot] != '.') {
            dot++;
        }
        for (int i = dot + 1; i < end; i++) {
            if (a[i] < '0' || a[i] > '9') {
                return NOT_PLAIN;
            }
        }
        long ms = digits(a, start, dot, 18);
        return ms >= SMALLEST_EPOCH_MS ? ms : NOT_PLAIN;
    }

    /**
     * As {@link #epochMillis} for ISO-8601 spelled {@code yyyy-MM-ddTHH:mm:ss[.f…]} with {@code Z} or {@code ±HH:mm}
     * (at most 17 hours) and a valid date and time, else {@link #NOT_PLAIN}.
     */
    static long plainIsoMillis(byte[] a, int start, int end) {
        int n = end - start;
        if (n < 20 || a[start + 4] != '-' || a[start + 7] != '-' || a[start + 10] != 'T' || a[start + 13] != ':'
                || a[start + 16] != ':') {
            return NOT_PLAIN;
        }
        long year = digits(a, start, start + 4, 4);
        long month = digits(a, start + 5, start + 7, 2);
        long day = digits(a, start + 8, start + 10, 2);
        long hour = digits(a, start + 11, start + 13, 2);
        long minute = digits(a, start + 14, start + 16, 2);
        long second = digits(a, start + 17, start + 19, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return NOT_PLAIN;
        }
        int p = start + 19;
        long millis = 0;
        if (a[p] == '.') {
            int from = ++p;
            while (p < end && a[p] >= '0' && a[p] <= '9') {
                p++;
            }
            if (p == from || p - from > 9) {
                return NOT_PLAIN;
            }
            for (int i = from; i < from + 3; i++) {
                millis = millis * 10 + (i < p ? a[i] - '0' : 0);
            }
        }
        long offset;
        if (end - p == 1 && a[p] == 'Z') {
            offset = 0;
        } else if (end - p == 6 && (a[p] == '+' || a[p] == '-') && a[p + 3] == ':') {
            long hours = digits(a, p + 1, p + 3, 2);
            long minutes = digits(a, p + 4, p + 6, 2);
            if (hours < 0 || hours > 17 || minutes < 0 || minutes > 59) {
                return NOT_PLAIN;
            }
            offset = (hours * 3600 + minutes * 60) * (a[p] == '-' ? -1 : 1);
        } else {
            return NOT_PLAIN;
        }
        if (day > 28 && day > lengthOfMonth(year, month)) {
            return NOT_PLAIN; // the 30th of February: the text method says why
        }
        return (epochDay(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset) * 1000 + millis;
    }

    private static long lengthOfMonth(long year, long month) {
        if (month == 2) {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** The days from 1970-01-01 to a valid date of the years 0 to 9999 (H. Hinnant's days_from_civil). */
    static long epochDay(long year, long month, long day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /**
     * As {@link #latencyMicros} for 1 to 9 digits with up to three decimals, at most a day, else {@link #NOT_PLAIN}.
     * With three decimals or fewer the double's rounding error is far below half a microsecond, so the result is
     * exact: the same whole microseconds {@code Math.round(Double.parseDouble(text) * 1000)} gives.
     */
    static long plainLatencyMicros(byte[] a, int start, int end) {
        int dot = start;
        while (dot < end && a[dot] != '.') {
            dot++;
        }
        long whole = digits(a, start, dot, 9);
        if (whole < 0) {
            return NOT_PLAIN;
        }
        long micros = whole * 1000;
        if (dot < end) {
            int decimals = end - dot - 1;
            long fraction = decimals < 1 || decimals > 3 ? -1 : digits(a, dot + 1, end, 3);
            if (fraction < 0) {
                return NOT_PLAIN;
            }
            micros += fraction * (decimals == 1 ? 100 : decimals == 2 ? 10 : 1);
        }
        return micros <= (long) LARGEST_LATENCY_MS * 1000 ? micros : NOT_PLAIN;
    }

    /** As {@link #ok} for {@code 1}, {@code 0} and ASCII {@code true}/{@code false} in any case: 1 or 0; else -1. */
    static int plainOk(byte[] a, int start, int end) {
        int n = end - start;
        if (n == 1) {
            return a[start] == '1' ? 1 : a[start] == '0' ? 0 : -1;
        }
        if (n == 4 && (a[start] | 0x20) == 't' && (a[start + 1] | 0x20) == 'r' && (a[start + 2] | 0x20) == 'u'
                && (a[start + 3] | 0x20) == 'e') {
            return 1;
        }
        if (n == 5 && (a[start] | 0x20) == 'f' && (a[start + 1] | 0x20) == 'a' && (a[start + 2] | 0x20) == 'l'
                && (a[start + 3] | 0x20) == 's' && (a[start + 4] | 0x20) == 'e') {
            return 0;
        }
        return -1;
    }

    /** As {@link #users} for 1 to 7 digits (never above {@link #LARGEST_USERS}), else {@link #NOT_PLAIN}. */
    static long plainUsers(byte[] a, int start, int end) {
        long users = digits(a, start, end, 7);
        return users < 0 ? NOT_PLAIN : users;
    }

    /** The number 1 to {@code most} ASCII digits spell, or -1 for anything else. */
    private static long digits(byte[] a, int start, int end, int most) {
        int n = end - start;
        if (n < 1 || n > most) {
            return -1;
        }
        long value = 0;
        int i = start;
        try {
            if (n >= 8) {
                value = DelimitedReader.eightDigits(eightBytes(a, i));
                i += 8;
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        for (; i < end; i++) {
            int digit = a[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static long eightBytes(byte[] a, int i) {
        return (long) LONGS.get(a, i);
    }

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
}
