package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.internal.JsonNumber;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz targets for the k6 readers' hand-written decoders, below the file formats (which
 * {@link dev.loadverdict.extractor.ExtractorFuzzTest} covers): they parse raw bytes and must never throw.
 */
class K6FuzzTest {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    /**
     * {@link JsonNumber#parse} accepts exactly the strict JSON numbers, and gives each the value
     * {@link Double#parseDouble} gives it.
     */
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void jsonNumber(byte[] data) {
        if (data.length > 4096) {
            return;
        }
        double parsed = JsonNumber.parse(data, 0, data.length);
        String text = new String(data, StandardCharsets.ISO_8859_1);
        if (JSON_NUMBER.matcher(text).matches()) {
            assertThat(parsed).as(text).isEqualTo(Double.parseDouble(text));
        } else {
            assertThat(parsed).as(text).isNaN();
        }
    }

    /** RFC 3339 times (k6's JSON) and CSV time cells: a time or {@link Timestamps#INVALID}, never an exception. */
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void timestamps(byte[] data) {
        if (data.length > 4096) {
            return;
        }
        long fromBytes = Timestamps.rfc3339(data, 0, data.length);
        String text = new String(data, StandardCharsets.UTF_8);
        boolean ascii = text.chars().allMatch(c -> c < 128);
        if (ascii && data.length <= 64) {
            assertThat(Timestamps.rfc3339(text)).as(text).isEqualTo(fromBytes);
        }
        long fromText = Timestamps.rfc3339(text);
        assertThat(Timestamps.rfc3339(text.toCharArray(), 0, text.length())).as(text).isEqualTo(fromText);
        Timestamps.csvCell(text);
    }
}
