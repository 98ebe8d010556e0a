package dev.perfgate.reporter;

import dev.perfgate.model.compare.Comparison;
import dev.perfgate.model.compare.Severity;
import freemarker.template.Template;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Objects;

/** Renders one format's template over the {@link View} of a comparison. */
final class TemplateRenderer implements ReportRenderer {
    private final ReportFormat format;

    TemplateRenderer(ReportFormat format) {
        this.format = Objects.requireNonNull(format, "format == null");
    }

    @Override
    public ReportFormat format() {
        return format;
    }

    @Override
    public String render(Comparison comparison) {
        return render(comparison, Severity.CRITICAL);
    }

    @Override
    public String render(Comparison comparison, Severity failOn) {
        Objects.requireNonNull(comparison, "comparison == null");
        Objects.requireNonNull(failOn, "failOn == null");
        Object view = format == ReportFormat.JUNIT ? JunitViewBuilder.build(comparison, failOn) : ViewBuilder.build(comparison);
        StringWriter out = new StringWriter();
        try {
            Template template = Templates.get(format.templateName());
            template.process(view, out, Templates.wrapper(format));
        } catch (TemplateException | IOException e) {
            throw new IllegalStateException("the " + format.id() + " report template failed: " + e.getMessage(), e);
        }
        return format == ReportFormat.MARKDOWN ? MarkdownLimit.fit(out.toString(), MarkdownLimit.GITHUB_BODY_LIMIT)
                : out.toString();
    }
}
