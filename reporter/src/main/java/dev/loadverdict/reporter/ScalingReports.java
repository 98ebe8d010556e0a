package dev.loadverdict.reporter;

import dev.loadverdict.model.scaling.ScalingReport;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Objects;

/**
 * Renders the capacity-curve report of {@code loadverdict scaling}: terminal text, Markdown tables, or one
 * self-contained HTML file with inline SVG charts. Names from result files are escaped by each template's output
 * format, as in every other report. JSON is {@code dev.loadverdict.codec.ScalingJson}.
 */
public final class ScalingReports {

    private ScalingReports() {
    }

    /**
     * The report in a format.
     *
     * @throws IllegalArgumentException for JSON and JUnit XML, which no scaling template renders
     */
    public static String render(ReportFormat format, ScalingReport report) {
        Objects.requireNonNull(format, "format == null");
        Objects.requireNonNull(report, "report == null");
        String template = switch (format) {
            case TEXT -> "scaling.text.ftl";
            case MARKDOWN -> "scaling.md.ftl";
            case HTML -> "scaling.html.ftl";
            default -> throw new IllegalArgumentException("no scaling report in " + format.id());
        };
        Object view = format == ReportFormat.HTML ? ScalingCharts.build(report) : ScalingViewBuilder.build(report);
        StringWriter out = new StringWriter();
        try {
            Templates.get(template).process(view, out, Templates.wrapper(format));
        } catch (TemplateException | IOException e) {
            throw new IllegalStateException("the " + template + " template failed: " + e.getMessage(), e);
        }
        return format == ReportFormat.MARKDOWN ? MarkdownLimit.fit(out.toString(), MarkdownLimit.GITHUB_BODY_LIMIT)
                : out.toString();
    }
}
