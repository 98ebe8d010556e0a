package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.internal.DelimitedReader;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a JTL file writes its timestamps, chosen once from the first data row: epoch milliseconds (JMeter's
 * default, {@code jmeter.save.saveservice.timestamp_format=ms}) or one of the common
 * {@code timestamp_format} date patterns. A date without a zone is read as UTC: JMeter wrote it in the
 * load generator's zone, which the file does not record, so absolute times may be off by that offset
 * while durations and throughput are exact.
 */
final class TimestampFormat {

    static final TimestampFormat EPOCH_MILLIS = new TimestampFormat("epoch milliseconds", null);

    /** The date patterns recognised, most specific first. */
    private static final List<String> PATTERNS = List.of(
            "uuuu/MM/dd HH:mm:ss.SSS", "uuuu/MM/dd HH:mm:ss", "uuuu-MM-dd HH:mm:ss.SSS", "uuuu-MM-dd HH:mm:ss",
            "uuuu-MM-dd'T'HH:mm:ss.SSSXXX", "uuuu-MM-dd'T'HH:mm:ssXXX", "uuuu-MM-dd'T'HH:mm:ss.SSSZ",
            "uuuu-MM-dd'T'HH:mm:ss.SSS", "uuuu-MM-dd'T'HH:mm:ss", "uuuu-MM-dd HH:mm:ss.SSSZ",
            "uuuu/MM/dd HH:mm:ss.SSSZ", "uuuu-MM-dd HH:mm:ss,SSS", "uuuu/MM/dd HH:mm:ss,SSS");

    private final String description;
    private final DateTimeFormatter formatter;

    private TimestampFormat(String description, DateTimeFormatter formatter) {
        this.description = description;
        this.formatter = formatter;
    }

    /** The format of a first timestamp, or empty when loadverdict knows none that fits. */
    static Optional<TimestampFormat> of(String sample) {
        String text = sample.strip();
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(EPOCH_MILLIS);
        }
        for (String pattern : PATTERNS) {
            TimestampFormat format = new TimestampFormat(pattern,
                    DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT));
            try {
                format.parse(text);
                return Optional.of(format);
            } catch (DateTimeException e) {
                // try the next pattern
            }
        }
        return Optional.empty();
    }

    /** What the recognised formats are, for messages. */
    static String known() {
        return "epoch milliseconds or a date such as " + String.join(", ", PATTERNS.subList(0, 4));
    }

    boolean isEpochMillis() {
        return formatter == null;
    }

    /**
     * A timestamp as epoch ms.
     *
     * @throws DateTimeException or {@link NumberFormatException} when the text does not fit
     */
    long parse(String text) {
        if (formatter == null) {
            return Long.parseLong(text.strip());
        }
        TemporalAccessor parsed = formatter.parse(text.strip());
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return java.time.OffsetDateTime.from(parsed).toInstant().toEpochMilli();
        }
        return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** A timestamp cell as epoch ms. */
    long parse(DelimitedReader row, int field) {
        return formatter == null ? row.wholeNumber(field) : parse(row.text(field));
    }

    @Override
    public String toString() {
        return description;
    }
}
