package dev.loadverdict.cli;

import dev.loadverdict.baselines.NoiseBandCalculator;
import picocli.CommandLine.Option;

/**
 * {@code --noise-k K}: a noise band's half-width in robust standard deviations, shared by {@code compare} (which
 * uses the bands) and {@code baseline history} (which shows them), so both speak of the same band.
 */
final class NoiseKOption {

    @Option(names = "--noise-k", paramLabel = "K", defaultValue = "3",
            description = "A noise band's half-width in robust standard deviations (1.4826 × MAD) (default: ${DEFAULT-VALUE}).")
    double noiseK = NoiseBandCalculator.DEFAULT_K;

    /** K, checked: a finite number above 0. */
    double k() {
        if (!(noiseK > 0) || Double.isInfinite(noiseK)) {
            throw new UsageException("--noise-k takes a number above 0, not " + noiseK);
        }
        return noiseK;
    }
}
