package dev.perfgate.reporter;

import dev.perfgate.model.compare.Comparison;

import java.util.Objects;

/**
 * The entry point of the reporter: a {@link ReportRenderer} for each {@link ReportFormat}.
 *
 * <pre>{@code
 * String markdown = Reports.render(ReportFormat.MARKDOWN, comparison);
 * }</pre>
 *
 * <p>Rendering is pure: it reads the comparison, returns text, and neither prints nor logs.
 */
public final class Reports {
    private Reports() {
    }

    /**
     * The renderer of a format whose template may be replaced by a file of the same name ({@code markdown.ftl},
     * {@code text.ftl}, {@code html.ftl}, {@code junit.ftl}) in {@code templateDirectory}. A replaced template is
     * bound to the same output format with forced auto-escaping, so it cannot print untrusted text unescaped.
     */
    public static ReportRenderer renderer(ReportFormat format, java.nio.file.Path templateDirectory) {
        Objects.requireNonNull(format, "format == null");
        return new TemplateRenderer(format, java.util.Optional.of(templateDirectory));
    }

    /** The renderer of a format. */
    public static ReportRenderer renderer(ReportFormat format) {
        Objects.requireNonNull(format, "format == null");
        return new TemplateRenderer(format);
    }

    /** Renders a comparison for a run that fails from {@code failOn} up (JUnit marks those as failures). */
    public static String render(ReportFormat format, Comparison comparison, dev.perfgate.model.compare.Severity failOn) {
        return renderer(format).render(comparison, failOn);
    }

    /**
     * Renders the HTML report of a comparison with the two runs compared, from which it draws the latency
     * percentile curves and the p95 over time (without them, only the findings' numbers are charted).
     */
    public static String html(Comparison comparison, dev.perfgate.model.Run current, dev.perfgate.model.Run baseline) {
        return new TemplateRenderer(ReportFormat.HTML).render(comparison, dev.perfgate.model.compare.Severity.CRITICAL,
                java.util.Optional.of(current), java.util.Optional.of(baseline));
    }

    /** Renders a comparison in a format; shorthand for {@code renderer(format).render(comparison)}. */
    public static String render(ReportFormat format, Comparison comparison) {
        return renderer(format).render(comparison);
    }
}
