package dev.perfgate.cli;

import dev.perfgate.extractor.RelativeWindow;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --skip-warmup}, {@code --skip-rampdown} and {@code --window}: which part of a raw run to keep. */
final class WindowOptions {

    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)?");

    @Option(names = "--skip-warmup", paramLabel = "DURATION", description = "Drop samples from the first DURATION of the run (e.g. 30s, 2m).")
    String skipWarmup;

    @Option(names = "--skip-rampdown", paramLabel = "DURATION", description = "Drop samples from the last DURATION of the run.")
    String skipRampdown;

    @Option(names = "--window", paramLabel = "FROM..TO", description = "Keep samples that started between FROM and TO after the run's start (e.g. 60s..6m; either side may be empty).")
    String window;

    RelativeWindow toWindow() {
        Duration warmup = skipWarmup == null ? Duration.ZERO : parse("--skip-warmup", skipWarmup);
        Duration rampdown = skipRampdown == null ? Duration.ZERO : parse("--skip-rampdown", skipRampdown);
        Optional<Duration> from = Optional.empty();
        Optional<Duration> to = Optional.empty();
        if (window != null) {
            int dots = window.indexOf("..");
            if (dots < 0) {
                throw new UsageException("--window takes FROM..TO, e.g. 60s..360s, not '" + window + "'");
            }
            String a = window.substring(0, dots).trim();
            String b = window.substring(dots + 2).trim();
            from = a.isEmpty() ? Optional.empty() : Optional.of(parse("--window", a));
            to = b.isEmpty() ? Optional.empty() : Optional.of(parse("--window", b));
        }
        try {
            return new RelativeWindow(warmup, rampdown, from, to);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
    static Duration parse(String option, String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new UsageException(option + " takes a duration such as 30s, 2m or 500ms, not '" + text + "'");
        }
        double value = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> value;
            case "m" -> value * 60_000;
            case "h" -> value * 3_600_000;
            default -> value * 1000;
        };
        return Duration.ofMillis(Math.round(millis));
    }
}
