package dev.loadverdict.reporter;

import dev.loadverdict.model.compare.Comparison;
import freemarker.template.TemplateException;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Pattern;

/** Renders the issue and comment templates, whose markers are loadverdict's own hidden HTML comments. */
final class IssueRenderer {

    /**
     * A CI run's address as loadverdict builds it from the Actions environment ({@code GITHUB_SERVER_URL},
     * {@code GITHUB_REPOSITORY}, {@code GITHUB_RUN_ID}), optionally with its commit: printed as a link. Anything else is
     * escaped like untrusted text (and so not a link).
     */
    private static final Pattern RUN_URL = Pattern.compile(
            "https://[A-Za-z0-9.-]{1,200}(:[0-9]{1,5})?/[A-Za-z0-9._-]{1,100}/[A-Za-z0-9._-]{1,100}/actions/runs/[0-9]{1,20}"
                    + "(, commit [0-9a-f]{7,40})?|commit [0-9a-f]{7,40}");


    /** Characters of GitHub's body limit left free for a hidden marker line the issue bot may add. */
    static final int MARKER_ROOM = 128;

    private IssueRenderer() {
    }

    /**
     * Commands for a fenced code block, where Markdown is not rendered and nobody can be mentioned: one command a line,
     * no backticks (which alone could close the fence), no control characters. Printed as they are.
     */
    /**
     * The shell commands of "Reproduce locally", inside a code fence where nothing is markup: shown exactly as they
     * are, since any change to a quoted name (a backtick made a quote, a character dropped) could change what the
     * pasted command does. Commands that cannot be shown exactly — a name with control, escape or invisible
     * characters, a carriage return, or a line that would close the fence — are not shown at all.
     */
    static Trusted codeLine(String commands) {
        List<String> lines = commands.strip().lines().toList();
        boolean exact = commands.indexOf('\r') < 0 && lines.stream().allMatch(l -> UntrustedText.sanitize(l).equals(l)
                && !l.stripLeading().startsWith("```") && !l.stripLeading().startsWith("~~~"));
        return Trusted.of(exact ? String.join("\n", lines)
                : "# not shown: a name in the command holds control, escape or invisible characters, so it could not be pasted as it is");
    }

    /** The run's address as a Markdown link when it is one loadverdict built, else as escaped text. */
    static Object runUrl(String runUrl) {
        return RUN_URL.matcher(runUrl).matches() ? Trusted.of(runUrl) : UntrustedText.tidy(runUrl);
    }

    static String render(String template, Comparison comparison, String scope, HiddenMarkers markers, String suite,
                         String runUrl, String reproduce) {
        View.Issue view = new View.Issue(ViewBuilder.build(comparison), UntrustedText.tidy(scope), UntrustedText.tidy(suite),
                runUrl(runUrl), codeLine(reproduce), Trusted.of(markers.start()), Trusted.of(markers.end()),
                Trusted.of(Labels.plural(comparison.findings().size(), "check", "checks")));
        StringWriter out = new StringWriter();
        try {
            Templates.get(template).process(view, out, Templates.wrapper(ReportFormat.MARKDOWN));
        } catch (TemplateException | IOException e) {
            throw new IllegalStateException("the " + template + " template failed: " + e.getMessage(), e);
        }
        // room is left for the one hidden marker line the issue bot adds to a comment (its digest)
        return MarkdownLimit.fit(out.toString(), MarkdownLimit.GITHUB_BODY_LIMIT - MARKER_ROOM);
    }
}
