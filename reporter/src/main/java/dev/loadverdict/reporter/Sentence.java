package dev.loadverdict.reporter;

import java.util.Objects;

/**
 * A sentence of loadverdict's own that quotes names from result files (a warning, why nothing matched, the mapping
 * hint): escaped in every format like untrusted text, but cut only at {@link UntrustedText#SENTENCE_CODE_POINTS}
 * rather than at a name's {@value UntrustedText#MAX_CODE_POINTS} code points, since a list or a mapping cut short
 * would mislead.
 *
 * @param text the sentence, untrusted
 */
record Sentence(String text) {

    Sentence {
        Objects.requireNonNull(text, "text == null");
    }

    /** The sentence tidied (no control characters, one line) and cut at {@link UntrustedText#SENTENCE_CODE_POINTS}. */
    String tidy() {
        return UntrustedText.tidy(text, UntrustedText.SENTENCE_CODE_POINTS);
    }
}
