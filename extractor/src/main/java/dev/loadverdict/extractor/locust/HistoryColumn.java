package dev.loadverdict.extractor.locust;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of Locust's {@code *_stats_history.csv} (Locust 1.x–2.x; 1.1/1.2 quote every field) that
 * loadverdict reads. {@code Requests/s} and the percentile columns are "current" values over Locust's sliding
 * window; the {@code Total*} columns are cumulative since the start (or the last statistics reset).
 */
enum HistoryColumn {
    /** Epoch seconds. */
    TIMESTAMP("Timestamp"),
    USER_COUNT("User Count"),
    TYPE("Type", "Method"),
    NAME("Name"),
    TOTAL_REQUESTS("Total Request Count"),
    TOTAL_FAILURES("Total Failure Count"),
    /** ms; Locust's total response time over the requests so far. */
    TOTAL_AVERAGE("Total Average Response Time");

    private final List<String> aliases;

    HistoryColumn(String... aliases) {
        this.aliases = List.of(aliases);
    }

    List<String> aliases() {
        return aliases;
    }

    Optional<String> findIn(Map<String, Integer> header) {
        return Headers.find(header, aliases);
    }
}
