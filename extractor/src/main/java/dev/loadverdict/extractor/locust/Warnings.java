package dev.loadverdict.extractor.locust;

import dev.loadverdict.model.InputException;

/**
 * Warnings in the same one-line form as errors ({@code file:line: message}), with text quoted from a result
 * file made inert the same way: terminal escapes dropped, line breaks and other control characters replaced.
 */
final class Warnings {

    private Warnings() {
    }

    static String of(String file, String detail) {
        return new InputException(file, detail).getMessage();
    }

    static String at(String file, long line, String detail) {
        return new InputException(file, line, detail).getMessage();
    }
}
