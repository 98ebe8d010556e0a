package dev.loadverdict.reporter;

import java.util.Objects;

/**
 * Text that loadverdict composed itself from numbers and its own enums, never from input text, and that is
 * valid inline Markdown as it stands: printed without escaping. Everything of type {@code String} in the
 * view model is untrusted and escaped by the template's output format.
 *
 * @param text the text
 */
record Trusted(String text) {
    static final Trusted EMPTY = new Trusted("");

    Trusted {
        Objects.requireNonNull(text, "text == null");
    }

    static Trusted of(String text) {
        return new Trusted(text);
    }
}
