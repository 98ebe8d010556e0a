package dev.loadverdict.issuebot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FingerprintTest {

    /**
     * Pins real values. Issues already filed on GitHub carry these fingerprints in their hidden markers: changing
     * how a fingerprint is computed orphans every one of them (the next run opens a duplicate of each open issue
     * and never closes the old ones). Computed once, independently of this class: the first 16 hex digits of
     * SHA-256 over "7:nightly|8:checkout" (name lengths in UTF-16 code units, as String.length counts them).
     */
    @Test
    void fingerprintsAreTheOnesOnGitHub() {
        assertThat(Fingerprint.of("nightly", "checkout").value()).isEqualTo("1fd419a7938898ce");
        assertThat(Fingerprint.of("nightly", "steady / checkout").value()).isEqualTo("353f6facf454d36f");
        // UTF-8 bytes, and a supplementary character counts 2 in the length prefix
        assertThat(Fingerprint.of("n\u00e4chtlich \uD83D\uDE80", "Kasse").value()).isEqualTo("3a8b367bc30b33a2");
        assertThat(Fingerprint.of("nightly", "checkout").marker())
                .isEqualTo("<!-- loadverdict:fingerprint=1fd419a7938898ce -->");
        assertThat(Fingerprint.of("nightly", "checkout").startMarker())
                .isEqualTo("<!-- loadverdict:fingerprint=1fd419a7938898ce:start -->");
    }

    @Test
    void sameSuiteAndServiceGiveTheSameFingerprint() {
        // built independently, so equal text in different String objects (no shared constant) must give equal values
        String suite = new StringBuilder("checkout-").append("nightly").toString();
        String service = String.valueOf(new char[] {'a', 'p', 'i'});
        assertThat(Fingerprint.of(suite, service)).isEqualTo(Fingerprint.of("checkout-nightly", "api"));
        assertThat(Fingerprint.of(suite, service).value()).hasSize(16);
        // and it depends on both names
        assertThat(Fingerprint.of("checkout-nightly", "api")).isNotEqualTo(Fingerprint.of("checkout-weekly", "api"))
                .isNotEqualTo(Fingerprint.of("checkout-nightly", "web"))
                .isNotEqualTo(Fingerprint.of("api", "checkout-nightly"));
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
