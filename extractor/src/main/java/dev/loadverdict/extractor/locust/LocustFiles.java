package dev.loadverdict.extractor.locust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of one {@code locust --csv PREFIX} run, found from its {@code PREFIX_stats.csv}: the stats
 * history, the failures and the exceptions beside it, when they exist. A stats file not named
 * {@code *_stats.csv} has no siblings.
 *
 * @param stats the stats file
 * @param statsDisplay how the user named it
 * @param history {@code PREFIX_stats_history.csv}
 * @param failures {@code PREFIX_failures.csv}
 * @param exceptions {@code PREFIX_exceptions.csv}
 */
record LocustFiles(Path stats, String statsDisplay, Optional<Path> history, Optional<Path> failures,
                   Optional<Path> exceptions) {

    static final String STATS = "_stats.csv";
    static final String HISTORY = "_stats_history.csv";
    static final String FAILURES = "_failures.csv";
    static final String EXCEPTIONS = "_exceptions.csv";

    static LocustFiles of(Path stats, String statsDisplay) {
        return new LocustFiles(stats, statsDisplay, sibling(stats, HISTORY), sibling(stats, FAILURES),
                sibling(stats, EXCEPTIONS));
    }

    List<Path> companions() {
        List<Path> all = new ArrayList<>();
        history.ifPresent(all::add);
        failures.ifPresent(all::add);
        exceptions.ifPresent(all::add);
        return all;
    }

    /** A sibling named the way the user named the stats file: same directory text, the sibling's file name. */
    String display(Path sibling) {
        int slash = Math.max(statsDisplay.lastIndexOf('/'), statsDisplay.lastIndexOf('\\'));
        return (slash < 0 ? "" : statsDisplay.substring(0, slash + 1)) + sibling.getFileName();
    }

    private static Optional<Path> sibling(Path stats, String suffix) {
        Path name = stats.getFileName();
        if (name == null || !name.toString().endsWith(STATS)) {
            return Optional.empty();
        }
        String prefix = name.toString().substring(0, name.toString().length() - STATS.length());
        Path sibling = stats.resolveSibling(prefix + suffix);
        return Optional.of(sibling).filter(Files::isRegularFile);
    }
}
