package dev.loadverdict.extractor.k6;

import java.util.Locale;
import java.util.Map;

/**
 * The fixed columns of k6's {@code --out csv}. Every other column is a tag named by its header (k6 writes
 * one column per enabled system tag, sorted by name, so the set varies with the version and with
 * {@code systemTags}: 2021 has no {@code metadata}, k6 before 0.31 no {@code expected_response}).
 */
enum CsvColumn {
    METRIC_NAME("metric_name"),
    TIMESTAMP("timestamp"),
    METRIC_VALUE("metric_value"),
    /** Non-system tags as {@code k=v&k2=v2}, unescaped. */
    EXTRA_TAGS("extra_tags"),
    /** Per-sample metadata ({@code vu}, {@code iter}, trace ids) as {@code k=v&…}; not used. */
    METADATA("metadata");

    private final String header;

    CsvColumn(String header) {
        this.header = header;
    }

    String header() {
        return header;
    }

    /** The column's index in a header map (names compared without case and surrounding blanks), or -1. */
    int indexIn(Map<String, Integer> headerMap) {
        for (Map.Entry<String, Integer> e : headerMap.entrySet()) {
            if (e.getKey().trim().toLowerCase(Locale.ROOT).equals(header)) {
                return e.getValue();
            }
        }
        return -1;
    }

    /** Whether a header name is one of these columns rather than a tag. */
    static boolean isFixed(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (CsvColumn c : values()) {
            if (c.header.equals(n)) {
                return true;
            }
        }
        return false;
    }
}
