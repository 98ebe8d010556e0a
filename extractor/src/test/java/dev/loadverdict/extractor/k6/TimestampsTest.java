package dev.loadverdict.extractor.k6;

import dev.loadverdict.testsupport.RandomText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTest {

    private static long nanos(String iso) {
        Instant i = OffsetDateTime.parse(iso).toInstant();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void k6TimeWithNanosecondsAndOffset() {
        assertThat(Timestamps.rfc3339("2023-09-08T21:03:10.549397854+02:00"))
                .isEqualTo(nanos("2023-09-08T19:03:10.549397854Z"));
    }

    @Test
    void goTrimsTrailingZerosOfTheFraction() {
        assertThat(Timestamps.rfc3339("2023-09-08T21:03:10.92457668+02:00"))
                .isEqualTo(nanos("2023-09-08T19:03:10.924576680Z"));
        assertThat(Timestamps.rfc3339("2023-09-08T21:03:10.9+02:00")).isEqualTo(nanos("2023-09-08T19:03:10.900Z"));
        assertThat(Timestamps.rfc3339("2023-09-08T21:03:10+02:00")).isEqualTo(nanos("2023-09-08T19:03:10Z"));
    }

    @Test
    void utcAndNegativeOffsetsAndDayRollover() {
        assertThat(Timestamps.rfc3339("2025-06-14T09:21:29.140469067Z")).isEqualTo(nanos("2025-06-14T09:21:29.140469067Z"));
        assertThat(Timestamps.rfc3339("2024-02-28T23:30:00.5-05:30")).isEqualTo(nanos("2024-02-29T05:00:00.5Z"));
        assertThat(Timestamps.rfc3339("2025-01-01T00:15:00+01:00")).isEqualTo(nanos("2024-12-31T23:15:00Z"));
        assertThat(Timestamps.rfc3339("1969-12-31T23:59:59.999999999Z")).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2023-09-08", "2023-09-08T21:03:10", "2023-09-08T21:03:10.+02:00",
            "2023-09-08T21:03:10.1234567890Z", "2023-13-08T21:03:10Z", "2023-02-29T21:03:10Z", "2023-09-08T24:00:00Z",
            "2023-09-08T21:03:10+2:00", "2023-09-08T21:03:10+02:00x", "2023/09/08T21:03:10Z", "2023-09-08T21:03:1aZ",
            "1633706790"})
    void malformedTimesAreInvalidNotExceptions(String text) {
        assertThat(Timestamps.rfc3339(text)).isEqualTo(Timestamps.INVALID);
    }

    @Test
    void csvTimestampsByMagnitude() {
        assertThat(Timestamps.csvCell("1633706790")).isEqualTo(1_633_706_790_000_000_000L);
        assertThat(Timestamps.csvCell("1633706790.25")).isEqualTo(1_633_706_790_250_000_000L);
        assertThat(Timestamps.csvCell("1633706790123")).isEqualTo(1_633_706_790_123_000_000L);
        assertThat(Timestamps.csvCell("1633706790123456")).isEqualTo(1_633_706_790_123_456_000L);
        assertThat(Timestamps.csvCell("1633706790123456789")).isEqualTo(1_633_706_790_123_456_789L);
        assertThat(Timestamps.csvCell("2021-10-08T17:26:30+02:00")).isEqualTo(1_633_706_790_000_000_000L);
        assertThat(Timestamps.csvCell("")).isEqualTo(Timestamps.INVALID);
        assertThat(Timestamps.csvCell("abc")).isEqualTo(Timestamps.INVALID);
        assertThat(Timestamps.csvCell("1633706790123.5")).isEqualTo(Timestamps.INVALID);
    }

    @Test
    void csvTimestampsBeyondTheRangeOfNanosecondsAreInvalid() {
        // found by fuzzing (K6FuzzTestInputs/timestamps/crash-154408db…): 19 digits above Long.MAX_VALUE threw
        assertThat(Timestamps.csvCell("9319637067901239459")).isEqualTo(Timestamps.INVALID);
        assertThat(Timestamps.csvCell("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        // seconds, milliseconds and microseconds whose nanoseconds overflow were wrapped to another time
        assertThat(Timestamps.csvCell("99999999999")).isEqualTo(Timestamps.INVALID);
        assertThat(Timestamps.csvCell("9999999999.5")).isEqualTo(Timestamps.INVALID);
        assertThat(Timestamps.csvCell("99999999999999")).isEqualTo(Timestamps.INVALID);
        assertThat(Timestamps.csvCell("99999999999999999")).isEqualTo(Timestamps.INVALID);
        assertThat(Timestamps.csvCell("9000000000")).isEqualTo(9_000_000_000_000_000_000L);
    }

    static LongStream seeds() {
        return RandomText.seeds(20250614, 2000);
    }

    /**
     * A second from 1906 to 2096, a nanosecond and an offset of up to ±18 h (each now and then at an end of its
     * range or 0), from {@code new Random(seed)}.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithJavaTime(long seed) {
        Random random = new Random(seed);
        long epochSecond = between(random, -2_000_000_000L, 4_000_000_000L);
        int nano = (int) between(random, 0, 999_999_999);
        int offsetMinutes = (int) between(random, -18 * 60, 18 * 60);
        OffsetDateTime t = Instant.ofEpochSecond(epochSecond, nano)
                .atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60)).truncatedTo(ChronoUnit.NANOS);
        String text = t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        assertThat(Timestamps.rfc3339(text)).as("seed %d: %s", seed, text).isEqualTo(epochSecond * 1_000_000_000L + nano);
    }

    /** A long in [min, max]: min, max or 0 (when inside) one time in ten each, else uniform. */
    private static long between(Random random, long min, long max) {
        return switch (random.nextInt(30)) {
            case 0, 1, 2 -> min;
            case 3, 4, 5 -> max;
            case 6, 7, 8 -> Math.max(min, Math.min(max, 0));
            default -> min + (long) (random.nextDouble() * (max - min + 1));
        };
    }
}
