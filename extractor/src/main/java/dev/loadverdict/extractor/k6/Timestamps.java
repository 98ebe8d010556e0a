package dev.loadverdict.extractor.k6;

/**
 * The timestamps k6 writes, parsed to epoch nanoseconds without allocating:
 *
 * <ul>
 *   <li>RFC 3339 with an optional fraction of 1–9 digits and a {@code Z} or {@code ±HH:MM} offset, as in
 *       {@code --out json} ({@code 2023-09-08T21:03:10.549397854+02:00}; Go trims trailing zeros of the
 *       fraction) and {@code --out csv} with {@code timeFormat=rfc3339};</li>
 *   <li>epoch numbers as in {@code --out csv}: seconds by default ({@code 1749889289}, a fraction is
 *       accepted), nanoseconds with {@code timeFormat=unix_nano}; the unit is told by magnitude (below
 *       10<sup>11</sup> seconds, below 10<sup>14</sup> milliseconds, below 10<sup>17</sup> microseconds, else
 *       nanoseconds), which is unambiguous for any date between 1973 and 5138.</li>
 * </ul>
 * Malformed text gives {@link #INVALID}, never an exception, so callers can name file and line.
 */
final class Timestamps {

    /** Returned for text that is not a timestamp (no real timestamp maps to it: it is before the year 1678). */
    static final long INVALID = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long MAX_SECONDS = Long.MAX_VALUE / NANOS_PER_SECOND - 1;

    private Timestamps() {
    }

    /** RFC 3339 text in {@code c[off, off + len)} as epoch nanoseconds, or {@link #INVALID}. */
    static long rfc3339(char[] c, int off, int len) {
        if (len > 64) {
            return INVALID;
        }
        byte[] ascii = new byte[len];
        for (int i = 0; i < len; i++) {
            char ch = c[off + i];
            if (ch > 127) {
                return INVALID;
            }
            ascii[i] = (byte) ch;
        }
        return rfc3339(ascii, 0, len);
    }

    /** RFC 3339 text in the ASCII bytes {@code c[off, off + len)} as epoch nanoseconds, or {@link #INVALID}. */
    static long rfc3339(byte[] c, int off, int len) {
        // yyyy-MM-ddTHH:mm:ss is 19 characters, the shortest offset ("Z") one more
        if (len < 20) {
            return INVALID;
        }
        int year = digits(c, off, 4);
        int month = digits(c, off + 5, 2);
        int day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2);
        int minute = digits(c, off + 14, 2);
        int second = digits(c, off + 17, 2);
        int t = c[off + 10];
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || c[off + 4] != '-' || c[off + 7] != '-' || c[off + 13] != ':' || c[off + 16] != ':'
                || (t != 'T' && t != 't' && t != ' ')) {
            return INVALID;
        }
        int i = off + 19;
        int end = off + len;
        long fraction = 0;
        if (c[i] == '.') {
            i++;
            int first = i;
            while (i < end && c[i] >= '0' && c[i] <= '9') {
                if (i - first < 9) {
                    fraction = fraction * 10 + (c[i] - '0');
                }
                i++;
            }
            int count = i - first;
            if (count == 0 || count > 9) {
                return INVALID;
            }
            for (int k = count; k < 9; k++) {
                fraction *= 10;
            }
        }
        if (i >= end) {
            return INVALID;
        }
        int offsetSeconds;
        int zone = c[i];
        if ((zone == 'Z' || zone == 'z') && i + 1 == end) {
            offsetSeconds = 0;
        } else if ((zone == '+' || zone == '-') && i + 6 == end && c[i + 3] == ':') {
            int oh = digits(c, i + 1, 2);
            int om = digits(c, i + 4, 2);
            if (oh < 0 || oh > 23 || om < 0 || om > 59) {
                return INVALID;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (zone == '-' ? -1 : 1);
        } else {
            return INVALID;
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        if (seconds <= -MAX_SECONDS || seconds >= MAX_SECONDS) {
            return INVALID;
        }
        return seconds * NANOS_PER_SECOND + fraction;
    }

    /** RFC 3339 text as epoch nanoseconds, or {@link #INVALID}. */
    static long rfc3339(String text) {
        return rfc3339(text.toCharArray(), 0, text.length());
    }

    /**
     * A k6 CSV {@code timestamp} cell as epoch nanoseconds, or {@link #INVALID}: epoch seconds (with an
     * optional fraction), milliseconds, microseconds or nanoseconds told apart by magnitude, or RFC 3339.
     */
    static long csvCell(String text) {
        if (text.indexOf('-', 1) > 0 || text.indexOf('T') >= 0) {
            return rfc3339(text);
        }
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        if (whole.isEmpty() || whole.length() > 19 || !allDigits(whole, 0, whole.length())
                || whole.length() == 19 && whole.compareTo(String.valueOf(Long.MAX_VALUE)) > 0) {
            return INVALID;
        }
        long n = Long.parseLong(whole);
        long fractionNanos = 0;
        if (dot >= 0) {
            String fraction = text.substring(dot + 1);
            if (fraction.isEmpty() || !allDigits(fraction, 0, fraction.length()) || n >= 100_000_000_000L) {
                return INVALID; // only epoch seconds carry a fraction
            }
            for (int k = 0; k < 9; k++) {
                fractionNanos = fractionNanos * 10 + (k < fraction.length() ? fraction.charAt(k) - '0' : 0);
            }
        }
        if (n < 100_000_000_000L) {
            return n < MAX_SECONDS ? n * NANOS_PER_SECOND + fractionNanos : INVALID;
        }
        if (n < 100_000_000_000_000L) {
            return scaled(n, 1_000_000L);
        }
        if (n < 100_000_000_000_000_000L) {
            return scaled(n, 1_000L);
        }
        return n;
    }

    /** {@code n * factor} nanoseconds, or {@link #INVALID} past the range of a long. */
    private static long scaled(long n, long factor) {
        return n <= Long.MAX_VALUE / factor ? n * factor : INVALID;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    /** The number written with exactly {@code n} decimal digits at {@code c[off]}, or -1. */
    private static int digits(byte[] c, int off, int n) {
        int v = 0;
        for (int i = off; i < off + n; i++) {
            int ch = c[i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
