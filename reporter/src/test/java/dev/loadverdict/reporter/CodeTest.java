package dev.loadverdict.reporter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Values meant to be pasted are code spans in Markdown: inert, and free of invisible characters. */
class CodeTest {

    @Test
    void aBaselineReferencePastesAsItReads() {
        assertThat(new Code("shop@v12").markdown()).isEqualTo("`shop@v12`");
        assertThat(new Code("@octocat").markdown()).as("no mention inside a code span, so no joiner").isEqualTo("`@octocat`")
                .doesNotContain("\u200D");
    }

    @Test
    void noBacktickInTheValueCanCloseTheSpan() {
        assertThat(new Code("a`b").markdown()).isEqualTo("``a`b``");
        assertThat(new Code("x``y").markdown()).isEqualTo("```x``y```");
        assertThat(new Code("`tick").markdown()).isEqualTo("`` `tick ``");
    }

    @Test
    void controlCharactersAndLineBreaksCannotEscapeTheLine() {
        assertThat(new Code("a\nb\u001b[2Jc").markdown()).doesNotContain("\n").doesNotContain("\u001b");
        assertThat(new Code("").markdown()).isEmpty();
    }

    @Test
    void htmlInsideACodeSpanIsInertAndNotEscaped() {
        assertThat(new Code("<img src=x>").markdown()).isEqualTo("`<img src=x>`");
    }
}
