package dev.loadverdict.reporter;

import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Outcome;
import dev.loadverdict.model.compare.Severity;

/** The words (and, for Markdown, the emoji) a report uses for loadverdict's own enums. */
final class Labels {
    private Labels() {
    }

    static String tool(Tool tool) {
        return switch (tool) {
            case LOCUST -> "Locust";
            case K6 -> "k6";
            case GATLING -> "Gatling";
            case JMETER -> "JMeter";
            case GENERIC -> "Generic input";
        };
    }

    /** {@code p95}, {@code p99.9}, {@code mean}, {@code error rate}, {@code throughput}. */
    static String metric(Metric metric) {
        return metric.key().replace('_', ' ');
    }

    /** The outcome in a word or two; a regression by its severity. */
    static String outcome(Finding finding) {
        return switch (finding.outcome()) {
            case REGRESSION -> finding.severity() == Severity.NONE ? "regression" : finding.severity().id();
            case WITHIN_NOISE -> "worse, within noise";
            case WORSE_WITHIN_THRESHOLD -> "worse, within threshold";
            case UNCHANGED -> "unchanged";
            case IMPROVEMENT -> "improvement";
            case WITHIN_LIMITS -> "within limits";
            case NOT_COMPARABLE -> "not comparable";
        };
    }

    /** The outcome with its emoji where it has one: {@code 🔴 critical}, {@code 🟢 improvement}. */
    static String outcomeWithIcon(Finding finding) {
        String icon = icon(finding);
        return icon.isEmpty() ? outcome(finding) : icon + " " + outcome(finding);
    }

    private static String icon(Finding finding) {
        if (finding.outcome() == Outcome.IMPROVEMENT) {
            return "🟢";
        }
        if (finding.outcome() != Outcome.REGRESSION) {
            return "";
        }
        return switch (finding.severity()) {
            case CRITICAL -> "🔴";
            case WARNING -> "🟠";
            case NONE -> "";
        };
    }

    /** {@code 1 warning check}, {@code 2 warning checks}: the noun in singular or plural. */
    static String plural(long count, String singular, String plural) {
        return ValueFormatter.count(count) + " " + (count == 1 ? singular : plural);
    }
}
