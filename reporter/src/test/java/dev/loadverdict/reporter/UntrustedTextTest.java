package dev.loadverdict.reporter;

import dev.loadverdict.testsupport.RandomText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.stream.LongStream;

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

    static LongStream seeds() {
        return RandomText.seeds(31337, 1000);
    }

    /** Any text (seeded: {@code new Random(seed)} regenerates a failing input). */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sanitizedTextHasNoControlCharacters(long seed) {
        String raw = RandomText.any(new Random(seed), 300);
        String clean = UntrustedText.sanitize(raw);
        assertThat(clean.codePoints().filter(Character::isISOControl).count())
                .as("seed %d, input \"%s\"", seed, RandomText.visible(raw)).isZero();
        assertThat(UntrustedText.sanitize(clean)).as("seed %d, input \"%s\"", seed, RandomText.visible(raw))
                .isEqualTo(clean);
    }
}
