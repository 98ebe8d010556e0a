package dev.loadverdict.reporter;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UntrustedTextTest {

    @Test
    void removesAnsiEscapeSequencesWhole() {
        assertThat(UntrustedText.sanitize("\u001B[1;31mred\u001B[0m \u001B]0;title\u0007x \u001B]8;;http://a\u001B\\link"))
                .isEqualTo("red x link");
        assertThat(UntrustedText.sanitize("a\u009B2Jb")).isEqualTo("ab");
    }

    @Test
    void removesControlAndBidiCharactersButKeepsOtherText() {
        assertThat(UntrustedText.sanitize("a\u0000b\u0007c\u007Fd\u202Ee\u2066f\u200Fg ünï €"))
                .isEqualTo("abcdefg ünï €");
    }

    @Test
    void turnsLineBreaksAndTabsIntoSpacesOneForOne() {
        assertThat(UntrustedText.sanitize("a\nb\r\nc\td\u2028e")).isEqualTo("a b  c d e");
    }

    @Test
    void tidyCollapsesTrimsAndTruncatesOnCodePoints() {
        assertThat(UntrustedText.tidy("  a \n\n b  ")).isEqualTo("a b");
        String emoji = "😀".repeat(300);
        String tidy = UntrustedText.tidy(emoji);
        assertThat(tidy.codePointCount(0, tidy.length())).isEqualTo(UntrustedText.MAX_CODE_POINTS);
        assertThat(tidy).endsWith("😀" + UntrustedText.ELLIPSIS);
    }

    @Property(seed = "31337", tries = 1000)
    void sanitizedTextHasNoControlCharacters(@ForAll String raw) {
        String clean = UntrustedText.sanitize(raw);
        assertThat(clean.codePoints().filter(Character::isISOControl).count()).isZero();
        assertThat(UntrustedText.sanitize(clean)).isEqualTo(clean);
    }
}
