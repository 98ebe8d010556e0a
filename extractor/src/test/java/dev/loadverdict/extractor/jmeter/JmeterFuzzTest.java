package dev.loadverdict.extractor.jmeter;

import dev.loadverdict.extractor.internal.DelimitedReader;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.loadverdict.model.InputException;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzz target for the JMeter CSV tokenizer below the file format (which
 * {@link dev.loadverdict.extractor.ExtractorFuzzTest} covers): any bytes tokenize into records or fail with an
 * {@link InputException} naming the file and line; numbers that are not whole are a {@link NumberFormatException}
 * (the reader turns that into an InputException naming the column), nothing else.
 */
class JmeterFuzzTest {

    /** The first byte picks the delimiter and the buffer size (so records straddle refills), the rest is the file. */
    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void delimitedReader(byte[] data) {
        if (data.length == 0 || data.length > 256 * 1024) {
            return;
        }
        char delimiter = CsvLayout.DELIMITERS[data[0] & 3];
        int bufferSize = 1 + ((data[0] & 0xFF) >>> 2) * 17;
        byte[] file = Arrays.copyOfRange(data, 1, data.length);
        long lastLine = 0;
        try (DelimitedReader row = new DelimitedReader(new ByteArrayInputStream(file), "results.jtl", delimiter,
                true, CsvLayout.KIND, bufferSize)) {
            while (row.next()) {
                assertThat(row.line()).isGreaterThan(lastLine);
                lastLine = row.line();
                for (int i = 0; i < row.size(); i++) {
                    row.text(i);
                    row.bool(i);
                    try {
                        row.wholeNumber(i);
                    } catch (NumberFormatException e) {
                        // the documented answer to a field that is not a whole number
                    }
                }
                row.isBlank();
                row.terminated();
            }
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("results.jtl:").doesNotContain("\n", "\r");
        }
    }
}
