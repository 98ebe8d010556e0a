package dev.loadverdict.model;

import java.util.Arrays;
import java.util.Base64;

/**
 * A latency histogram in HdrHistogram's compressed V2 encoding: values in microseconds, recorded with
 * 3 significant digits. The model keeps the bytes opaque; modules that need the distribution decode
 * them with HdrHistogram. In JSON it is the base64 text of the compressed bytes.
 */
public record EncodedHistogram(byte[] compressedV2) {

    /** Units of the recorded values. */
    public static final String UNIT = "us";
    /** HdrHistogram's number of significant value digits used for every histogram loadverdict writes. */
    public static final int SIGNIFICANT_DIGITS = 3;

    public EncodedHistogram {
        Preconditions.requireNonNull(compressedV2, "compressedV2");
        if (compressedV2.length == 0) {
            throw new IllegalArgumentException("compressedV2 is empty");
        }
        compressedV2 = compressedV2.clone();
    }

    @Override
    public byte[] compressedV2() {
        return compressedV2.clone();
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(compressedV2);
    }

    public static EncodedHistogram fromBase64(String text) {
        return new EncodedHistogram(Base64.getDecoder().decode(text));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedHistogram other && Arrays.equals(compressedV2, other.compressedV2);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(compressedV2);
    }

    @Override
    public String toString() {
        return "EncodedHistogram[" + compressedV2.length + " bytes]";
    }
}
