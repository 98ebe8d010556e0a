package dev.loadverdict.extractor.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonNumberTest {

    private static double parse(String text) {
        byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
        return JsonNumber.parse(b, 0, b.length);
    }

    @Test
    void minusZeroIsZero() {
        assertThat(parse("-0")).isEqualTo(0.0);
    }

    @Test
    void aNegativeIntegerWhoseDigitsOverflowTheMantissaToZeroIsNotZero() {
        // found by fuzzing (K6FuzzTestInputs/jsonNumber/crash-a69186a7…): 2·10^92 is 0 modulo 2^64
        String text = "-2" + "0".repeat(92);
        assertThat(parse(text)).isEqualTo(-2.0e92).isEqualTo(Double.parseDouble(text));
        assertThat(parse("-18446744073709551616")).isEqualTo(-18446744073709551616.0);
    }
}
