package dev.loadverdict.extractor.locust;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finding Locust CSV columns by header name, the same way in every Locust file. */
final class Headers {

    private static final Pattern PERCENTILE = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)%\\s*");

    private Headers() {
    }

    /** The header name matching one of the aliases, without regard to case and surrounding blanks. */
    static Optional<String> find(Map<String, Integer> header, List<String> aliases) {
        for (String name : header.keySet()) {
            String normalised = name.trim().toLowerCase(Locale.ROOT);
            for (String alias : aliases) {
                if (normalised.equals(alias.toLowerCase(Locale.ROOT))) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The percentile columns ({@code 50%}, {@code 99.9%}: whatever {@code PERCENTILES_TO_REPORT} chose), percent
     * to header name, sorted by percent.
     */
    static TreeMap<Double, String> percentiles(Map<String, Integer> header) {
        TreeMap<Double, String> columns = new TreeMap<>();
        for (String h : header.keySet()) {
            Matcher m = PERCENTILE.matcher(h);
            if (m.matches()) {
                double p = Double.parseDouble(m.group(1));
                if (p > 0 && p <= 100) {
                    columns.put(p, h);
                }
            }
        }
        return columns;
    }

    /** Whether a row's type and name make it Locust's total row ({@code ,Aggregated} or 0.x {@code None,Total}). */
    static boolean isTotal(String type, String name) {
        return (type.isEmpty() || type.equals("None")) && (name.equals("Aggregated") || name.equals("Total"));
    }

    /** The request type as an endpoint method: none for Locust's empty or {@code None} type. */
    static String method(String type) {
        return type.isEmpty() || type.equals("None") ? null : type;
    }
}
