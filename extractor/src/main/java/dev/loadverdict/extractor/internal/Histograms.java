package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.EncodedHistogram;
import dev.loadverdict.model.InputException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.PackedHistogram;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;

/**
 * The latency histograms loadverdict keeps: HdrHistogram, values in microseconds, 3 significant digits,
 * auto-resizing, stored in HdrHistogram's compressed V2 encoding.
 */
public final class Histograms {

    /** Percentiles computed from every histogram, in percent. */
    public static final double[] REPORTED_PERCENTILES = {50, 75, 90, 95, 99, 99.9};

    private Histograms() {
    }

    /** An empty latency histogram: µs, 3 significant digits, grows to whatever values it sees. */
    public static Histogram newLatencyHistogram() {
        Histogram h = new Histogram(EncodedHistogram.SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        return h;
    }

    /**
     * An empty latency histogram like {@link #newLatencyHistogram()} whose memory grows with the distinct latencies it
     * saw, not with their range; recording is a few times slower, encoding gives the same bytes.
     */
    public static PackedHistogram newPackedLatencyHistogram() {
        return new PackedHistogram(EncodedHistogram.SIGNIFICANT_DIGITS);
    }

    /**
     * Adds {@code from}'s counts into {@code into} as recording them would: an auto-resizing histogram then grows to
     * the same range as if it had recorded {@code from}'s samples itself ({@link AbstractHistogram#add} grows it to
     * exactly {@code from}'s largest value instead, which encodes differently).
     */
    static void addAsRecorded(AbstractHistogram into, AbstractHistogram from) {
        for (org.HdrHistogram.HistogramIterationValue v : from.recordedValues()) {
            into.recordValueWithCount(v.getValueIteratedTo(), v.getCountAtValueIteratedTo());
        }
    }

    public static EncodedHistogram encode(AbstractHistogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return new EncodedHistogram(bytes);
    }

    /**
     * Decodes a stored histogram.
     *
     * @param source names the run the histogram came from, for the error message
     */
    public static Histogram decode(EncodedHistogram encoded, String source) {
        try {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(encoded.compressedV2()), 0);
            check(h);
            h.setAutoResize(true);
            return h;
        } catch (DataFormatException | RuntimeException e) {
            throw new InputException(source, java.util.OptionalLong.empty(), "holds a histogram that cannot be decoded: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Refuses well-formed bytes of a histogram loadverdict does not write: another precision or unit (its
     * percentiles can run off its own counts: found by fuzzing), or counts that do not add up to its total.
     */
    private static void check(Histogram h) {
        if (h.getLowestDiscernibleValue() != 1 || h.getNumberOfSignificantValueDigits() != EncodedHistogram.SIGNIFICANT_DIGITS) {
            throw new IllegalArgumentException("not a latency histogram of " + EncodedHistogram.SIGNIFICANT_DIGITS
                    + " significant digits in microseconds (it has " + h.getNumberOfSignificantValueDigits()
                    + " and a lowest discernible value of " + h.getLowestDiscernibleValue() + ")");
        }
        long total = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            total = Math.addExact(total, v.getCountAtValueIteratedTo());
        }
        if (total != h.getTotalCount()) {
            throw new IllegalArgumentException("its counts add up to " + total + ", not to its total " + h.getTotalCount());
        }
    }

    /** A value in µs as ms. */
    static double millis(double micros) {
        return micros / 1000.0;
    }
}
