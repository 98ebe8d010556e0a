package dev.loadverdict.extractor.k6;

import java.util.Map;

/**
 * The two JSON shapes of k6's end-of-test summary, chosen once per file from its metrics.
 *
 * <ul>
 *   <li>{@link #SUMMARY_EXPORT}: {@code --summary-export=file.json} (k6's {@code oldJSONSummary}): each
 *       metric is its flat statistics, {@code {"avg":…,"p(95)":…}}; a rate's share is {@code value};
 *       thresholds are {@code {"p(95)<500": false}} with {@code true} = failed; no {@code state}.</li>
 *   <li>{@link #HANDLE_SUMMARY}: the {@code data} object given to {@code handleSummary(data)}:
 *       {@code {"type","contains","values":{…},"thresholds"?}}; a rate's share is {@code rate}; thresholds
 *       are {@code {"…":{"ok":true}}}; {@code state.testRunDurationMs} gives the run's duration.</li>
 * </ul>
 * In both, a rate's {@code passes} counts non-zero samples: for {@code http_req_failed} the failed requests.
 */
enum SummaryDialect {
    SUMMARY_EXPORT("--summary-export"),
    HANDLE_SUMMARY("handleSummary data");

    private final String description;

    SummaryDialect(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** handleSummary when any metric wraps its statistics in a {@code values} object. */
    static SummaryDialect of(Map<String, Object> metrics) {
        for (Object metric : metrics.values()) {
            if (metric instanceof Map<?, ?> m && m.get("values") instanceof Map<?, ?>) {
                return HANDLE_SUMMARY;
            }
        }
        return SUMMARY_EXPORT;
    }

    /** A metric's statistics in this shape, or null when the metric is not an object of statistics. */
    @SuppressWarnings("unchecked")
    Map<String, Object> statistics(Object metric) {
        if (!(metric instanceof Map<?, ?> m)) {
            return null;
        }
        if (this == HANDLE_SUMMARY) {
            return m.get("values") instanceof Map<?, ?> values ? (Map<String, Object>) values : null;
        }
        return (Map<String, Object>) m;
    }
}
