package dev.loadverdict.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Decimals} writes what {@code String.format(Locale.ROOT, …)} writes, on values of every kind. */
class DecimalsTest {

    /** Random doubles of all magnitudes and bit patterns, decimals at rounding ties, integers, signs, special values. */
    private static List<Double> values() {
        SplittableRandom random = new SplittableRandom(20261206);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.05, -0.05, 0.25, 0.35, 2.5, -2.5, 0.45, 1.45, 99.95,
                99.949999, 100.5, 0.9995, 0.99949, 1e-4, 9.9995e-5, 0.001, 1e15, 1e20, 1e300, Double.MIN_VALUE,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 123456789.125, 4.35, 0.04, -0.04, 1e-7,
                2.05e-7, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        for (int i = 0; i < 40_000; i++) {
            double bits;
            do {
                bits = Double.longBitsToDouble(random.nextLong());
            } while (Double.isNaN(bits));
            values.add(bits);
            double decimal = random.nextLong(-10_000_000L, 10_000_000L) / Math.pow(10, random.nextInt(0, 9));
            values.add(decimal);
            values.add(decimal + 5 * Math.pow(10, -random.nextInt(1, 6))); // near a tie
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(-12, 12)));
        }
        return values;
    }

    @Test
    void fixedIsTheFormattersF() {
        assertSameAsFormatter('f', 3, Decimals::fixed);
    }

    @Test
    void scientificIsTheFormattersE() {
        assertSameAsFormatter('e', 2, Decimals::scientific);
    }

    /** {@code ours(v, n)} against {@code String.format(Locale.ROOT, "%.n<conversion>", v)}, for n from 0 to {@code most}. */
    private static void assertSameAsFormatter(char conversion, int most,
                                              java.util.function.BiFunction<Double, Integer, String> ours) {
        for (double v : values()) {
            for (int decimals = 0; decimals <= most; decimals++) {
                assertThat(ours.apply(v, decimals)).as("%s, %d decimals", v, decimals)
                        .isEqualTo(String.format(Locale.ROOT, "%." + decimals + conversion, v));
            }
        }
    }

    @Test
    void significantIsTheFormattersG() {
        for (double v : values()) {
            assertThat(Decimals.significant(v, 3)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.3g", v));
        }
    }

    @Test
    void groupedIsTheFormattersGroupedD() {
        SplittableRandom random = new SplittableRandom(7);
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 999L, 1000L, -1000L, 999_999L, 1_000_000L,
                Long.MAX_VALUE, Long.MIN_VALUE));
        for (int i = 0; i < 40_000; i++) {
            values.add(random.nextLong() >> random.nextInt(0, 63));
        }
        for (long v : values) {
            assertThat(Decimals.grouped(v)).as("%d", v).isEqualTo(String.format(Locale.ROOT, "%,d", v));
        }
    }
}
