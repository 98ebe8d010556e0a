package dev.loadverdict.reporter;

import dev.loadverdict.model.compare.Comparison;
import freemarker.template.Template;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Objects;
import java.util.Optional;

/** Renders one format's template over the {@link View} of a comparison. */
final class TemplateRenderer implements ReportRenderer {
    private final ReportFormat format;
    private final Optional<java.nio.file.Path> templateDirectory;

    TemplateRenderer(ReportFormat format) {
        this(format, Optional.empty());
    }

    /** @param templateDirectory where templates that replace the built-in ones live ({@code --template-dir}) */
    TemplateRenderer(ReportFormat format, Optional<java.nio.file.Path> templateDirectory) {
        this.format = Objects.requireNonNull(format, "format == null");
        this.templateDirectory = Objects.requireNonNull(templateDirectory, "templateDirectory == null");
    }

    @Override
    public ReportFormat format() {
        return format;
    }

    @Override
    public String render(ReportInput input) {
        Comparison comparison = input.comparison();
        Object view = switch (format) {
            case JUNIT -> JunitViewBuilder.build(comparison, input.failOn());
            case HTML -> HtmlViewBuilder.build(comparison, input.current(), input.baseline(), input.history());
            default -> ViewBuilder.build(comparison);
        };
        StringWriter out = new StringWriter();
        try {
            Template template = templateDirectory.isPresent()
                    ? Templates.get(format.templateName(), templateDirectory.get()) : Templates.get(format.templateName());
            template.process(view, out, Templates.wrapper(format));
        } catch (TemplateException | IOException e) {
            throw new TemplateFailedException("the " + format.id() + " report template failed: " + message(e), e);
        } catch (UserTemplateLoader.TemplateRefusedException e) {
            throw new TemplateFailedException(e.where(), e.getMessage(), e);
        } catch (StackOverflowError e) {
            // the stack unwound to here, so it is safe to go on: a template that includes or calls itself without end
            throw new TemplateFailedException("the " + format.id() + " report template recursed without end (an #include"
                    + " or a macro that includes or calls itself)", e);
        }
        return format == ReportFormat.MARKDOWN ? MarkdownLimit.fit(out.toString(), MarkdownLimit.GITHUB_BODY_LIMIT)
                : out.toString();
    }

    /** FreeMarker's message, with the cause's when it only says "see cause exception". */
    private static String message(Exception e) {
        String m = String.valueOf(e.getMessage());
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return m.contains("see cause exception") && cause != null ? m + " (" + cause.getMessage() + ")" : m;
    }
}
