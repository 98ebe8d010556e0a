package dev.loadverdict.reporter;

import dev.loadverdict.model.compare.Comparison;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.StringWriter;
import java.util.regex.Pattern;

/** Renders the issue and comment templates, whose markers are loadverdict's own hidden HTML comments. */
final class IssueRenderer {

    /** A marker's content: letters, digits and {@code - _ = :} only, so it can never close the comment early. */
    private static final Pattern MARKER = Pattern.compile("[A-Za-z0-9:=_-]{1,100}");

    private IssueRenderer() {
    }

    /**
     * Commands for a fenced code block, where Markdown is not rendered and nobody can be mentioned: one command a line,
     * no backticks (which alone could close the fence), no control characters. Printed as they are.
     */
    static Trusted codeLine(String commands) {
        return Trusted.of(String.join("\n", commands.lines().map(l -> UntrustedText.sanitize(l).replace('`', '\''))
                .filter(l -> !l.isBlank()).toList()));
    }

    static String render(String template, Comparison comparison, String scope, String marker, String suite, String runUrl,
                         String reproduce) {
        if (!MARKER.matcher(marker).matches()) {
            throw new IllegalArgumentException("a marker is letters, digits and - _ = : only, not " + marker);
        }
        View.Issue view = new View.Issue(ViewBuilder.build(comparison), UntrustedText.tidy(scope), UntrustedText.tidy(suite),
                UntrustedText.tidy(runUrl), codeLine(reproduce),
                Trusted.of("<!-- loadverdict:" + marker + ":start -->"), Trusted.of("<!-- loadverdict:" + marker + ":end -->"));
        StringWriter out = new StringWriter();
        try {
            Templates.get(template).process(view, out, Templates.wrapper(ReportFormat.MARKDOWN));
        } catch (TemplateException | IOException e) {
            throw new IllegalStateException("the " + template + " template failed: " + e.getMessage(), e);
        }
        return MarkdownLimit.fit(out.toString(), MarkdownLimit.GITHUB_BODY_LIMIT);
    }
}
