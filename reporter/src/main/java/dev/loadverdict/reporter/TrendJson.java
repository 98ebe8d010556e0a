package dev.loadverdict.reporter;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A small JSON writer for the trend page's data: compact (no blanks), numbers rounded to what a chart can show, every
 * string tidied like any untrusted text and escaped for a script element ({@link ScriptJson}).
 */
final class TrendJson {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private boolean first = true;

    TrendJson open(char bracket) {
        comma();
        out.append(bracket);
        first = true;
        return this;
    }

    TrendJson close(char bracket) {
        out.append(bracket);
        first = false;
        return this;
    }

    TrendJson name(String name) {
        comma();
        string(name);
        out.append(':');
        first = true;
        return this;
    }

    /** Untrusted text: tidied (no control characters, bidirectional overrides or line breaks), then quoted. */
    TrendJson text(String value) {
        comma();
        string(UntrustedText.tidy(value));
        return this;
    }

    TrendJson nothing() {
        comma();
        out.append("null");
        return this;
    }

    TrendJson integer(long value) {
        comma();
        out.append(value);
        return this;
    }

    /** A value rounded as a chart shows it ({@link #number(double)}); {@code null} for NaN. */
    TrendJson value(double value) {
        comma();
        out.append(number(value));
        return this;
    }

    ScriptJson build() {
        return new ScriptJson(out.toString());
    }

    /**
     * A measurement as the page needs it: whole units from 100 up, 1 decimal from 10, 2 from 1, 3 significant digits
     * below; {@code null} when it is not finite. The page's tooltips show no more than that.
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "null";
        }
        double magnitude = Math.abs(value);
        BigDecimal rounded = magnitude >= 100 ? BigDecimal.valueOf(Math.round(value))
                : magnitude >= 10 ? BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP)
                : magnitude >= 1 ? BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(value).round(new MathContext(3, RoundingMode.HALF_UP));
        return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
    }

    private void comma() {
        if (!first) {
            out.append(',');
        }
        first = false;
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
