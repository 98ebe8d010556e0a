package dev.loadverdict.cli;

import dev.loadverdict.extractor.ExtractOptions;
import dev.loadverdict.extractor.RelativeWindow;
import dev.loadverdict.extractor.Stage;
import dev.loadverdict.extractor.UserPlateau;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to read raw tool output: {@code --skip-warmup}, {@code --skip-rampdown}, {@code --window} (which part
 * of a run to keep), {@code --steady-users} and {@code --window-users} (the part at a user count, from Locust's
 * stats history), {@code --stages} (which named parts to read as runs of their own) and
 * {@code --jmeter-sub-samples}.
 */
final class ReadOptions {

    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)?");

    @Option(names = "--skip-warmup", paramLabel = "DURATION", description = "Drop samples from the first DURATION of the run (e.g. 30s, 2m).")
    String skipWarmup;

    @Option(names = "--skip-rampdown", paramLabel = "DURATION", description = "Drop samples from the last DURATION of the run.")
    String skipRampdown;

    @Option(names = {"-w", "--window"}, paramLabel = "FROM..TO", description = "Keep samples that started between FROM and TO after the run's start (e.g. 60s..6m; either side may be empty).")
    String window;

    @Option(names = "--stages", paramLabel = "NAME=FROM..TO,...", description = "Split the run into named stages, each compared with the baseline's stage of the same name (e.g. ramp=0s..60s,steady=60s..6m,stress=6m..; times from the run's start, TO may be empty).")
    String stages;

    @Option(names = "--steady-users", description = "Keep only the longest stretch of the run at its peak user count (steady state), read from Locust's stats history; --skip-warmup/--skip-rampdown then cut into that stretch.")
    boolean steadyUsers;

    @Option(names = "--window-users", paramLabel = "N", description = "Like --steady-users, but keep the longest stretch at exactly N users.")
    Integer windowUsers;

    @Option(names = "--jmeter-sub-samples", description = "In JMeter XML results, count nested sub-samples (a transaction controller's samplers, redirects, embedded resources) as endpoints of their own too, as JMeter's CSV rows do.")
    boolean jmeterSubSamples;

    /** Whether any option asks for part of a run, which an extracted run JSON can no longer give. */
    boolean selectsPart() {
        return skipWarmup != null || skipRampdown != null || window != null || stages != null || jmeterSubSamples
                || steadyUsers || windowUsers != null;
    }

    ExtractOptions apply(ExtractOptions options) {
        if (stages != null && (skipWarmup != null || skipRampdown != null || window != null)) {
            throw new UsageException("--stages cannot be combined with --skip-warmup, --skip-rampdown or --window: "
                    + "give the stages the times you want to keep");
        }
        return options.withWindow(toWindow()).withStages(toStages()).withSubSamples(jmeterSubSamples)
                .withPlateau(toPlateau());
    }

    Optional<UserPlateau> toPlateau() {
        if (steadyUsers && windowUsers != null) {
            throw new UsageException("give either --steady-users (the peak user count) or --window-users N, not both");
        }
        if (!steadyUsers && windowUsers == null) {
            return Optional.empty();
        }
        if (window != null || stages != null) {
            throw new UsageException("--steady-users and --window-users cannot be combined with --window or --stages; "
                    + "--skip-warmup and --skip-rampdown cut into the stretch they keep");
        }
        if (windowUsers != null && windowUsers < 1) {
            throw new UsageException("--window-users takes a user count of at least 1, not " + windowUsers);
        }
        return Optional.of(windowUsers == null ? UserPlateau.peak() : UserPlateau.at(windowUsers));
    }

    List<Stage> toStages() {
        if (stages == null) {
            return List.of();
        }
        List<Stage> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String part : stages.split(",")) {
            int eq = part.indexOf('=');
            int dots = part.indexOf("..");
            if (eq < 0 || dots < eq) {
                throw new UsageException("--stages takes NAME=FROM..TO pairs separated by commas, e.g. "
                        + "ramp=0s..60s,steady=60s..6m, not '" + part.trim() + "'");
            }
            String name = part.substring(0, eq).trim();
            String a = part.substring(eq + 1, dots).trim();
            String b = part.substring(dots + 2).trim();
            if (!names.add(name)) {
                throw new UsageException("--stages names stage '" + name + "' twice");
            }
            try {
                result.add(Stage.of(name, a.isEmpty() ? Duration.ZERO : parse("--stages", a),
                        b.isEmpty() ? Optional.empty() : Optional.of(parse("--stages", b))));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--stages: stage '" + name + "': " + e.getMessage());
            }
        }
        return result;
    }

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
