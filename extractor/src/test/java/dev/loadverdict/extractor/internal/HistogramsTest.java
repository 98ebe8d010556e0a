package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.EncodedHistogram;
import dev.loadverdict.model.InputException;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistogramsTest {

    @Test
    void aHistogramDecodesAsEncoded() {
        Histogram h = Histograms.newLatencyHistogram();
        h.recordValue(1_000);
        h.recordValueWithCount(250_000, 3);
        Histogram decoded = Histograms.decode(Histograms.encode(h), "run.json");
        assertThat(decoded).isEqualTo(h);
        assertThat(decoded.getValueAtPercentile(99)).isEqualTo(h.getValueAtPercentile(99));
    }

    @Test
    void aHistogramOfAnotherShapeIsRefused() {
        // found by fuzzing (ExtractorFuzzTestInputs/histogram/crash-400de596…): well-formed V2 bytes of a histogram
        // with 0 significant digits and a lowest discernible value of 2^49.5, whose percentiles ran off its counts
        byte[] bytes = HexFormat.of().parseHex("1c849314" + "0000002a" + "789c9369992cccc0c0c0c0c0c30001cc505c455d5c455d5d"
                + "5d5d5d5d2780082c7366eadb7f80082c2f66ea65657f740645");
        assertThatThrownBy(() -> Histograms.decode(new EncodedHistogram(bytes), "run.json").getValueAtPercentile(99))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("run.json: holds a histogram that cannot be decoded: ")
                .hasMessageContaining("3 significant digits");
    }
}
