package dev.loadverdict.extractor.k6;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A metric key of a k6 summary, split the way k6 parses submetric names ({@code ParseMetricName} and
 * {@code Metric.AddSubmetric}): {@code http_req_duration{name:/api/x, method:"GET"}} is metric
 * {@code http_req_duration} restricted to samples tagged {@code name=/api/x} and {@code method=GET}. Pairs are
 * split at {@code ,}, key and value at the first {@code :}; blanks around both and quotes ({@code "} or
 * {@code '}) around the value are dropped. A key without braces is the whole metric (no tags).
 *
 * @param metric the metric's name
 * @param tags the submetric's tag filter; empty for the whole metric
 */
record Submetric(String metric, Map<String, String> tags) {

    Submetric {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** The parsed key, or null when its braces do not pair up (k6 itself would reject it). */
    static Submetric parse(String key) {
        int open = key.indexOf('{');
        int close = key.lastIndexOf('}');
        if (open < 0 && close < 0) {
            return new Submetric(key, Map.of());
        }
        if (open < 0 || close < open || !key.substring(close + 1).isBlank()) {
            return null;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : key.substring(open + 1, close).split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.indexOf(':');
            String name = (colon < 0 ? pair : pair.substring(0, colon)).trim();
            String value = colon < 0 ? "" : trimQuotes(pair.substring(colon + 1).trim());
            tags.put(name, value);
        }
        return new Submetric(key.substring(0, open).trim(), tags);
    }

    private static String trimQuotes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == '"' || s.charAt(from) == '\'')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == '"' || s.charAt(to - 1) == '\'')) {
            to--;
        }
        return s.substring(from, to);
    }
}
