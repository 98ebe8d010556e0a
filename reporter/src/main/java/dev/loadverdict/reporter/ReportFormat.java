package dev.loadverdict.reporter;

import java.util.Locale;
import java.util.Optional;

/**
 * The report formats loadverdict renders, each backed by one FreeMarker template.
 *
 * <p>Every format makes untrusted text (service and endpoint names, sources, notes read from result files)
 * inert: Markdown escapes it so it cannot inject markup, break a table or mention anyone on GitHub; text
 * strips control characters and ANSI escape sequences from it.
 */
public enum ReportFormat {
    /** Plain text for a terminal: aligned columns, no colours, no markup. */
    TEXT("text", "text.ftl"),
    /** GitHub-flavoured Markdown, for a job summary, a pull-request comment or an issue. */
    MARKDOWN("md", "markdown.ftl"),
    /** JUnit XML: a test suite per service, a test case per checked metric, failures for regressions. */
    JUNIT("junit", "junit.ftl"),
    /** One self-contained HTML file with inline SVG charts: no scripts, fonts or requests from elsewhere. */
    HTML("html", "html.ftl");

    private final String id;
    private final String templateName;

    ReportFormat(String id, String templateName) {
        this.id = id;
        this.templateName = templateName;
    }

    /** The short name used on the command line: {@code text}, {@code md} or {@code junit}. */
    public String id() {
        return id;
    }

    /** The template file that renders this format ({@code markdown.ftl}, …), as a {@code --template-dir} names it. */
    public String templateName() {
        return templateName;
    }

    /**
     * The format with the given name: {@code text}, {@code md} or {@code markdown}, ignoring case and
     * surrounding blanks; empty for any other name.
     */
    public static Optional<ReportFormat> fromId(String id) {
        return switch (id.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> Optional.of(TEXT);
            case "md", "markdown" -> Optional.of(MARKDOWN);
            case "junit", "xml" -> Optional.of(JUNIT);
            case "html" -> Optional.of(HTML);
            default -> Optional.empty();
        };
    }
}
