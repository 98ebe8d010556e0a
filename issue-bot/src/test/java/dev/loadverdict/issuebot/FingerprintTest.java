package dev.loadverdict.issuebot;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

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

    @Property(seed = "42")
    void roundTripsThroughItsMarker(@ForAll String suite, @ForAll String service) {
        Fingerprint fp = Fingerprint.of(suite, service);
        assertThat(Fingerprint.findIn("before " + fp.marker() + " after")).contains(fp);
    }
}
