package dev.loadverdict.issuebot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FingerprintTest {

    @Test
    void sameSuiteAndServiceGiveTheSameFingerprint() {
        assertThat(Fingerprint.of("checkout-nightly", "api")).isEqualTo(Fingerprint.of("checkout-nightly", "api"));
        assertThat(Fingerprint.of("checkout-nightly", "api").value()).hasSize(16);
    }

    @Test
    void namesCannotBeShiftedBetweenSuiteAndService() {
        assertThat(Fingerprint.of("ab", "c")).isNotEqualTo(Fingerprint.of("a", "bc"));
    }

    @Test
    void markerIsFoundInAnEditedBody() {
        Fingerprint fp = Fingerprint.of("nightly", "shop");
        String body = "People wrote here.\n\n" + fp.marker() + "\n<!-- loadverdict:summary -->";
        assertThat(Fingerprint.findIn(body)).contains(fp);
        assertThat(Fingerprint.findIn("no marker")).isEmpty();
        assertThat(Fingerprint.findIn(null)).isEmpty();
    }

    @Test
    void rejectsMalformedValues() {
        assertThatThrownBy(() -> new Fingerprint("XYZ")).isInstanceOf(IllegalArgumentException.class);
    }

    static LongStream seeds() {
        return new Random(42).longs(1000);
    }

    /** Any suite and service names; {@code new Random(seed)} regenerates a failing pair. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void roundTripsThroughItsMarker(long seed) {
        Random random = new Random(seed);
        String suite = anyText(random);
        String service = anyText(random);
        Fingerprint fp = Fingerprint.of(suite, service);
        assertThat(Fingerprint.findIn("before " + fp.marker() + " after"))
                .as("seed %d: suite %s, service %s", seed, escaped(suite), escaped(service)).contains(fp);
    }

    /** Up to 80 chars: empty, ASCII, controls, any BMP char (lone surrogates too), supplementary code points. */
    private static String anyText(Random random) {
        int length = random.nextInt(10) == 0 ? 0 : random.nextInt(4) == 0 ? random.nextInt(81) : random.nextInt(12);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int kind = random.nextInt(10);
            if (kind < 4) {
                text.append((char) (0x20 + random.nextInt(0x5F)));
            } else if (kind < 5) {
                text.append((char) random.nextInt(0x20));
            } else if (kind < 6) {
                text.append("-->\n<!--:@#|".charAt(random.nextInt(12)));
            } else if (kind < 9) {
                text.append((char) random.nextInt(0x10000));
            } else {
                text.appendCodePoint(0x10000 + random.nextInt(0x100000));
            }
        }
        return text.toString();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.append('"').toString();
    }
}
