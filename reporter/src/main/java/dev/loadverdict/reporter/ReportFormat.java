package dev.loadverdict.reporter;

import java.util.Locale;
import java.util.Optional;

/**
 * The report formats loadverdict writes, on stdout ({@code --format}) and as files ({@code --report}): every format
 * but JSON is rendered by one FreeMarker template, which {@code --template-dir} may replace.
 *
 * <p>Every format makes untrusted text (service and endpoint names, sources, notes read from result files)
 * inert: Markdown escapes it so it cannot inject markup, break a table or mention anyone on GitHub; text
 * strips control characters and ANSI escape sequences from it; HTML and XML escape it; JSON quotes it.
 */
public enum ReportFormat {
    /** Plain text for a terminal: aligned columns, no colours, no markup. */
    TEXT("text", "text.ftl", "report.txt"),
    /** GitHub-flavoured Markdown, for a job summary, a pull-request comment or an issue. */
    MARKDOWN("md", "markdown.ftl", "report.md"),
    /** JUnit XML: a test suite per service, a test case per checked metric, failures for regressions. */
    JUNIT("junit", "junit.ftl", "junit.xml"),
    /** One self-contained HTML file with inline SVG charts: no scripts, fonts or requests from elsewhere. */
    HTML("html", "html.ftl", "report.html"),
    /** The comparison as JSON ({@code loadverdict.comparison/1}), which {@code loadverdict report} renders again. */
    JSON("json", null, "comparison.json");

    private final String id;
    private final String templateName;
    private final String fileName;

    ReportFormat(String id, String templateName, String fileName) {
        this.id = id;
        this.templateName = templateName;
        this.fileName = fileName;
    }

    /** The short name used on the command line: {@code text}, {@code md}, {@code junit}, {@code html}, {@code json}. */
    public String id() {
        return id;
    }

    /** Whether a template renders this format (all but JSON). */
    public boolean templated() {
        return templateName != null;
    }

    /**
     * The template file that renders this format ({@code markdown.ftl}, …), as a {@code --template-dir} names it.
     *
     * @throws IllegalStateException for JSON, which no template renders
     */
    public String templateName() {
        if (templateName == null) {
            throw new IllegalStateException(this + " is not rendered by a template");
        }
        return templateName;
    }

    /** The name of this format's report file in {@code --out-dir} ({@code report.md}, {@code junit.xml}, …). */
    public String fileName() {
        return fileName;
    }

    /**
     * The format with the given name or alias ({@code markdown}, {@code xml}, {@code txt}), ignoring case and
     * surrounding blanks; empty for any other name.
     */
    public static Optional<ReportFormat> fromId(String id) {
        return switch (id.trim().toLowerCase(Locale.ROOT)) {
            case "text", "txt" -> Optional.of(TEXT);
            case "md", "markdown" -> Optional.of(MARKDOWN);
            case "junit", "xml" -> Optional.of(JUNIT);
            case "html" -> Optional.of(HTML);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }
}
