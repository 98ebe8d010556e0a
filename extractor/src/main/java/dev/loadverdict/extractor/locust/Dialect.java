package dev.loadverdict.extractor.locust;

import java.util.Map;

/**
 * The header generation of a Locust stats file, chosen once from its header.
 *
 * <ul>
 *   <li>{@link #LEGACY_REQUESTS}: Locust 0.8–0.13 {@code *_requests.csv}: {@code "Method"}, {@code "# requests"},
 *       integer times, a {@code "None","Total"} total row, no percentile columns;</li>
 *   <li>{@link #LOWER_CASE}: Locust 0.14–1.0 {@code *_stats.csv}: the old lower-case names with percentile columns;</li>
 *   <li>{@link #TITLE_CASE}: Locust 1.x–2.x: {@code Request Count}, {@code Median Response Time}, … and an
 *       {@code Aggregated} total row whose type is empty.</li>
 * </ul>
 */
enum Dialect {
    LEGACY_REQUESTS("0.8-0.13"),
    LOWER_CASE("0.14-1.0"),
    TITLE_CASE("1.x-2.x");

    private final String versionRange;

    Dialect(String versionRange) {
        this.versionRange = versionRange;
    }

    String versionRange() {
        return versionRange;
    }

    static Dialect of(Map<String, Integer> header, boolean hasPercentiles) {
        if (header.keySet().stream().anyMatch(h -> h.trim().equals("Request Count"))) {
            return TITLE_CASE;
        }
        return hasPercentiles ? LOWER_CASE : LEGACY_REQUESTS;
    }
}
