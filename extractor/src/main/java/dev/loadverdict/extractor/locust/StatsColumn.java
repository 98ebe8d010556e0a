package dev.loadverdict.extractor.locust;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed columns of Locust's stats CSV, each with the header names every Locust version used.
 * Percentile columns ({@code 50%} … {@code 100%}, chosen by {@code PERCENTILES_TO_REPORT}) are found by
 * their shape, not listed here.
 */
enum StatsColumn {
    /** The request method or request type ({@code GET}, {@code grpc}); empty or {@code None} on total rows. */
    TYPE("Type", "Method"),
    NAME("Name"),
    REQUESTS("Request Count", "# requests"),
    FAILURES("Failure Count", "# failures"),
    MEDIAN("Median Response Time", "Median response time"),
    AVERAGE("Average Response Time", "Average response time"),
    MIN("Min Response Time", "Min response time"),
    MAX("Max Response Time", "Max response time"),
    AVERAGE_CONTENT_SIZE("Average Content Size"),
    REQUESTS_PER_SECOND("Requests/s"),
    FAILURES_PER_SECOND("Failures/s");

    private final List<String> aliases;

    StatsColumn(String... aliases) {
        this.aliases = List.of(aliases);
    }

    List<String> aliases() {
        return aliases;
    }

    /** The header name of this column in a file, matched without regard to case and surrounding blanks. */
    Optional<String> findIn(Map<String, Integer> header) {
        return Headers.find(header, aliases);
    }
}
