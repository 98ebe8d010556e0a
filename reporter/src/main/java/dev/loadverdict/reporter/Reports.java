package dev.loadverdict.reporter;

import dev.loadverdict.model.compare.Comparison;

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
     * bound to the same output format with forced auto-escaping, so it cannot print untrusted text unescaped; it
     * gets the same {@link ReportInput} as the built-in one (the HTML report's runs included). JSON has no template.
     */
    public static ReportRenderer renderer(ReportFormat format, java.nio.file.Path templateDirectory) {
        Objects.requireNonNull(format, "format == null");
        return format.templated() ? new TemplateRenderer(format, java.util.Optional.of(templateDirectory)) : new JsonRenderer();
    }

    /**
     * Starts preparing the built-in template of {@code format} on a thread of its own (FreeMarker's configuration, the
     * template's parse), so that a command which renders it after other work finds it ready: the README's compare
     * spends about 50 ms there, and the second core is mostly idle while the first reads and compares. Nothing is
     * rendered and nothing reported: a failure is left for the rendering, which meets it again. JSON has no template.
     */
    public static void prepare(ReportFormat format) {
        Objects.requireNonNull(format, "format == null");
        if (format.templated()) {
            Templates.prepare(format.templateName());
        }
    }

    /** The renderer of a format. */
    public static ReportRenderer renderer(ReportFormat format) {
        Objects.requireNonNull(format, "format == null");
        return format.templated() ? new TemplateRenderer(format) : new JsonRenderer();
    }

    /** Renders a comparison for a run that fails from {@code failOn} up (JUnit marks those as failures). */
    public static String render(ReportFormat format, Comparison comparison, dev.loadverdict.model.compare.Severity failOn) {
        return renderer(format).render(comparison, failOn);
    }

    /** Renders a comparison in a format; shorthand for {@code renderer(format).render(comparison)}. */
    public static String render(ReportFormat format, Comparison comparison) {
        return renderer(format).render(comparison);
    }

    /**
     * The body of the regression issue of one service (its scope: {@code checkout}, or {@code steady / checkout} when
     * split into stages), between hidden markers (the issue bot's, carrying its fingerprint) so a later run can find the
     * issue and rewrite just that part.
     *
     * @param suite the suite, or empty text
     * @param runUrl the CI run, or empty text
     * @param reproduce the command that reproduces the comparison locally, or empty text
     */
    public static String issue(Comparison comparison, String scope, HiddenMarkers markers, String suite, String runUrl,
                               String reproduce) {
        return IssueRenderer.render("issue.md.ftl", comparison.narrowedTo(scope), scope, markers, suite, runUrl, reproduce);
    }

    /**
     * The comment added to a service's open issue when its regression is found again: a line naming the run, then the
     * issue body ({@link #issue}) between its own markers.
     */
    public static String recurrence(Comparison comparison, String scope, HiddenMarkers markers, String suite, String runUrl,
                                    String reproduce) {
        return IssueRenderer.render("recurrence.md.ftl", comparison.narrowedTo(scope), scope, markers, suite, runUrl,
                reproduce);
    }

    /**
     * The comment on a service's issue when it passes again and the issue is closed: the service, the run, how many
     * checks held and against what. Escaped like every other body, so a service name cannot mention anyone, link,
     * embed HTML or forge a hidden marker.
     */
    public static String recovery(Comparison comparison, String scope, HiddenMarkers markers, String suite, String runUrl) {
        return IssueRenderer.render("recovery.md.ftl", comparison.narrowedTo(scope), scope, markers, suite, runUrl, "");
    }

    /** GitHub's longest issue title, in characters. */
    public static final int TITLE_LIMIT = 256;

    /**
     * An issue title: {@code template} with {@code {service}} and {@code {suite}} filled in. GitHub renders no Markdown
     * in titles, so nothing is backslash-escaped, but the title is made inert and printable: escape sequences and
     * control characters are removed and line breaks become spaces (in the template too), every {@code @} and
     * {@code #} of the names is followed by a zero-width joiner (no mention, no issue reference), and the whole is cut
     * to {@value #TITLE_LIMIT} characters. The same text is sent to GitHub and printed on the terminal.
     */
    public static String issueTitle(String template, String service, String suite) {
        String title = UntrustedText.sanitize(template)
                .replace("{service}", inertName(service))
                .replace("{suite}", inertName(suite));
        title = title.replaceAll(" {2,}", " ").strip();
        if (title.length() <= TITLE_LIMIT) {
            return title;
        }
        int end = TITLE_LIMIT - UntrustedText.ELLIPSIS.length();
        if (Character.isHighSurrogate(title.charAt(end - 1))) {
            end--;
        }
        return title.substring(0, end).stripTrailing() + UntrustedText.ELLIPSIS;
    }

    private static String inertName(String name) {
        return UntrustedText.tidy(name).replace("@", "@" + MarkdownEscaper.ZERO_WIDTH_JOINER)
                .replace("#", "#" + MarkdownEscaper.ZERO_WIDTH_JOINER);
    }

    /**
     * The Markdown that stands in for a report when a comparison gives no verdict because it matched (almost) nothing
     * (a GitHub Actions job summary): the baseline, the sentence naming both sides, the hint. Every text is escaped.
     *
     * @param baseline the baseline as given ({@code --baseline})
     * @param identities what matched and what each side has, as {@code Unmatched.identities()}
     * @param suggestion how to align the names, as {@code Unmatched.suggestion()}
     */
    public static String unmatched(String baseline, String identities, String suggestion) {
        View.Unmatched view = new View.Unmatched(new Code(baseline), new Sentence(identities), new Sentence(suggestion));
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            Templates.get("unmatched.md.ftl").process(view, out, Templates.wrapper(ReportFormat.MARKDOWN));
        } catch (freemarker.template.TemplateException | java.io.IOException e) {
            throw new IllegalStateException("the unmatched.md.ftl template failed: " + e.getMessage(), e);
        }
        return MarkdownLimit.fit(out.toString(), MarkdownLimit.GITHUB_BODY_LIMIT);
    }

    /**
     * A suite's trend page: one self-contained HTML file (inline CSS, script and data; no requests anywhere) with a
     * summary row per endpoint and service total, and per row the charts of p50, p95, p99, error rate and throughput
     * over the recorded runs with their noise bands, change points and acknowledged steps, drawn by the page's script
     * when the row is opened. Names, commits and notes are escaped in the HTML and in the embedded data.
     *
     * @throws TemplateFailedException if the template fails (a bug in loadverdict)
     */
    public static String trend(TrendInput input) {
        java.util.Objects.requireNonNull(input, "input == null");
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            Templates.get(Templates.TREND).process(TrendViewBuilder.build(input), out, Templates.wrapper(ReportFormat.HTML));
        } catch (freemarker.template.TemplateException | java.io.IOException e) {
            throw new TemplateFailedException("the trend page template failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** The sticky pull-request comment for a comparison, between the issue bot's hidden markers. */
    public static String comment(Comparison comparison, HiddenMarkers markers, String runUrl) {
        return IssueRenderer.render("comment.md.ftl", comparison, "", markers, "", runUrl, "");
    }
}
