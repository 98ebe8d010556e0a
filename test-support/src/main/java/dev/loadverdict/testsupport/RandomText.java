package dev.loadverdict.testsupport;

import java.util.Random;
import java.util.stream.LongStream;

/**
 * Seeded random text for property tests: every invocation of a parameterised test gets one seed (shown in
 * its display name and its failure messages), and {@code new Random(seed)} regenerates its input exactly.
 */
public final class RandomText {

    /** Characters that text handling tends to get wrong: line breaks, escapes, bidi controls, joiners, a BOM. */
    private static final String SPECIALS = "\n\r\t\u000B\u000C\u001B\u0085\u009B\u2028\u2029\u202A\u202B\u202C\u202D"
            + "\u202E\u2066\u2067\u2068\u2069\u200B\u200D\u200E\u200F\u061C\uFEFF\u00A0";

    private static final String[] WORDS = {"é", "€", "😀", "ü", "ï", "@", "#", "<", "&", "|", "`"};

    private RandomText() {
    }

    /** {@code count} seeds derived from {@code base}: the same list on every run. */
    public static LongStream seeds(long base, int count) {
        return new Random(base).longs(count);
    }

    /** A length up to {@code max}, mostly short, sometimes 0 or {@code max}. */
    public static int length(Random random, int max) {
        return switch (random.nextInt(20)) {
            case 0 -> 0;
            case 1 -> max;
            case 2, 3, 4, 5 -> random.nextInt(max + 1);
            default -> random.nextInt(Math.min(max, 24) + 1);
        };
    }

    /**
     * Any text up to {@code maxLength} chars: printable ASCII, C0 and C1 controls, line breaks and bidi controls,
     * any BMP char (lone surrogates included) and supplementary code points (surrogate pairs).
     */
    public static String any(Random random, int maxLength) {
        return text(random, maxLength, true);
    }

    /** As {@link #any}, but well-formed UTF-16 (no lone surrogates), so that it encodes to UTF-8 as it is. */
    public static String wellFormed(Random random, int maxLength) {
        return text(random, maxLength, false);
    }

    private static String text(Random random, int maxLength, boolean loneSurrogates) {
        int length = length(random, maxLength);
        StringBuilder text = new StringBuilder(length + 1);
        while (text.length() < length) {
            int kind = random.nextInt(100);
            if (kind < 35) {
                text.append((char) (0x20 + random.nextInt(0x5F)));
            } else if (kind < 50) {
                int c = random.nextInt(0x41);
                text.append((char) (c < 0x20 ? c : c == 0x20 ? 0x7F : 0x80 + (c - 0x21)));
            } else if (kind < 62) {
                text.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
            } else if (kind < 87) {
                char c = (char) random.nextInt(0x10000);
                text.append(loneSurrogates || !Character.isSurrogate(c) ? c : (char) (c - 0x1000));
            } else if (kind < 95) {
                text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000 + 1));
            } else {
                text.append(WORDS[random.nextInt(WORDS.length)]);
            }
        }
        return text.toString();
    }

    /** Text of {@code 0..maxLength} chars, each from {@code alphabet}. */
    public static String of(Random random, String alphabet, int maxLength) {
        int length = length(random, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** {@code 0..maxLength} random bytes. */
    public static byte[] bytes(Random random, int maxLength) {
        byte[] bytes = new byte[length(random, maxLength)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The text with every char outside printable ASCII written as {@code \}{@code uXXXX}, for failure messages. */
    public static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.toString();
    }
}
