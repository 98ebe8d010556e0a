package dev.loadverdict.extractor.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Bounds the names a result file gives services, endpoints and failure kinds. A name over its limit keeps its
 * beginning, then {@code …} and the first 8 hex digits of the SHA-256 of the whole name, so two long names that
 * share a beginning stay two, and the same name is shortened the same way in every run.
 */
public final class Names {

    private static final int HASH_CHARS = 8;

    private Names() {
    }

    /** {@code name} when it has at most {@code max} characters, else its beginning, {@code …} and a hash. */
    public static String bounded(String name, int max) {
        if (name == null || name.length() <= max) {
            return name;
        }
        int keep = max - 1 - HASH_CHARS;
        if (Character.isHighSurrogate(name.charAt(keep - 1))) {
            keep--; // never split a character in two
        }
        return name.substring(0, keep) + "…" + hash(name);
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_CHARS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
