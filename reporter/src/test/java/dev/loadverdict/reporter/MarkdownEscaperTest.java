package dev.loadverdict.reporter;

import dev.loadverdict.testsupport.RandomText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownEscaperTest {
    private static final String ZWJ = "\u200D";
    private static final Pattern MENTION = Pattern.compile("@[\\p{Alnum}_]", Pattern.UNICODE_CHARACTER_CLASS);

    @Test
    void leavesPlainEndpointsAlone() {
        assertThat(MarkdownEscaper.escape("GET /api/v1/items")).isEqualTo("GET /api/v1/items");
        assertThat(MarkdownEscaper.escape("2.24.1")).isEqualTo("2.24.1");
    }

    @Test
    void makesTheHostileEndpointInert() {
        assertThat(MarkdownEscaper.escape("GET /x|y <script>@octocat"))
                .isEqualTo("GET /x\\|y &lt;script&gt;@" + ZWJ + "octocat");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "a|b => a\\|b",
            "<img src=x> => &lt;img src=x&gt;",
            "&#64;octocat => &amp;\\#\u200D64;octocat",
            "[x](javascript:1) => \\[x\\]\\(javascript:1\\)",
            "*bold* _it_ `code` => \\*bold\\* \\_it\\_ \\`code\\`",
            "~~del~~ !img $x$ => \\~\\~del\\~\\~ \\!img \\$x\\$",
            "back\\slash => back\\\\slash",
            "- item => \\- item",
            "+ item => \\+ item",
            "===  => \\===",
            "1. item => 1\\. item",
            "1.5 s => 1.5 s",
            "a - b + c = d => a - b + c = d",
    })
    void escapesMarkdownMetacharacters(String raw, String escaped) {
        assertThat(MarkdownEscaper.escape(raw)).isEqualTo(escaped);
    }

    @Test
    void breaksMentionsAndIssueReferencesInvisibly() {
        assertThat(MarkdownEscaper.escape("@octocat @org/team")).isEqualTo("@" + ZWJ + "octocat @" + ZWJ + "org/team");
        assertThat(MarkdownEscaper.escape("# fixes #123")).isEqualTo("\\#" + ZWJ + " fixes \\#" + ZWJ + "123");
    }

    @Test
    void breaksAutolinksSoNoLabelBecomesAClickableLink() {
        String escaped = MarkdownEscaper.escape("GH-5 https://evil.example/login www.evil.example HTTP://X");
        assertThat(escaped).doesNotContain("://").doesNotContainIgnoringCase("www.").doesNotContain("GH-5")
                .contains("https:\u200D//evil.example/login").contains("www\u200D.evil.example").contains("GH\u200D-5");
        assertThat(escaped.replace("\u200D", "")).isEqualTo("GH-5 https://evil.example/login www.evil.example HTTP://X");
    }

    @Test
    void collapsesLineBreaksAndRemovesControls() {
        assertThat(MarkdownEscaper.escape("a\nb\r\nc\td\u0000e\u001B[31mf\u202Eg"))
                .isEqualTo("a b c de" + "fg");
    }

    @Test
    void truncatesLongNames() {
        String escaped = MarkdownEscaper.escape("a".repeat(500));
        assertThat(escaped).hasSize(UntrustedText.MAX_CODE_POINTS).endsWith(UntrustedText.ELLIPSIS);
    }

    // Fixed seeds: each invocation's seed is its display name and part of every failure message, and
    // new Random(seed) regenerates its input exactly.

    static LongStream hostileSeeds() {
        return RandomText.seeds(4242, 2000);
    }

    static LongStream unicodeSeeds() {
        return RandomText.seeds(1729, 1000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("hostileSeeds")
    void anyTextBecomesInert(long seed) {
        String raw = hostile(new Random(seed));
        assertInert(seed, raw, MarkdownEscaper.escape(raw));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("unicodeSeeds")
    void anyUnicodeTextBecomesInert(long seed) {
        String raw = RandomText.any(new Random(seed), 300);
        assertInert(seed, raw, MarkdownEscaper.escape(raw));
    }

    private static final String DANGEROUS = "|<>&@#\\`*_[]()!~$-+=.:/ \n\r\t\u0000\u001B\u0085\u2028\u202E\u200Daz09";
    private static final String[] NAMES = {"@octocat", "#123", "GET /x|y", "<script>", "&#64;", "\u001B[31m", "1. ", "- ",
        "===", "\\|"};

    /** Either up to 300 chars of Markdown, HTML and control characters, or up to 20 hostile names joined. */
    static String hostile(Random random) {
        if (random.nextBoolean()) {
            return RandomText.of(random, DANGEROUS, 300);
        }
        StringBuilder joined = new StringBuilder();
        int parts = RandomText.length(random, 20);
        for (int i = 0; i < parts; i++) {
            joined.append(NAMES[random.nextInt(NAMES.length)]);
        }
        return joined.toString();
    }

    private static void assertInert(long seed, String raw, String escaped) {
        String input = "seed " + seed + ", input \"" + RandomText.visible(raw) + "\"";
        assertThat(escaped).as(input).doesNotContain("<", ">", "\n", "\r", "\t", "\u001B");
        assertThat(MENTION.matcher(escaped).find()).as("%s: a mention in %s", input, escaped).isFalse();
        assertThat(escaped.codePoints().filter(Character::isISOControl).count()).as(input).isZero();
        assertThat(escaped.codePointCount(0, escaped.length())).as(input)
                .isLessThanOrEqualTo(UntrustedText.MAX_CODE_POINTS * 7); // "&amp;" per code point at worst
        for (int i = escaped.indexOf('|'); i >= 0; i = escaped.indexOf('|', i + 1)) {
            assertThat(backslashesBefore(escaped, i) % 2).as("%s: unescaped | at %d in %s", input, i, escaped)
                    .isEqualTo(1);
        }
        for (int i = escaped.indexOf('&'); i >= 0; i = escaped.indexOf('&', i + 1)) {
            assertThat(escaped.substring(i)).as("%s: raw & at %d in %s", input, i, escaped)
                    .matches("(?s)&(amp|lt|gt);.*");
        }
    }

    private static int backslashesBefore(String text, int index) {
        int count = 0;
        for (int i = index - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            count++;
        }
        return count;
    }
}
