package dev.loadverdict.cli;

import dev.loadverdict.comparator.Unmatched;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.reporter.ReportFormat;
import dev.loadverdict.reporter.ReportInput;
import dev.loadverdict.reporter.Reports;
import dev.loadverdict.reporter.ValueFormatter;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * What loadverdict does inside a GitHub Actions job ({@code GITHUB_ACTIONS=true}): appends the Markdown report to the
 * job summary ({@code $GITHUB_STEP_SUMMARY}), emits one annotation per regression (most severe first, at most 10
 * errors and 10 warnings, the rest counted in a notice), and
 * writes the verdict, counts and report paths to {@code $GITHUB_OUTPUT}. A comparison that matched (almost) nothing
 * gives no verdict: an error annotation and its explanation in the summary instead. Text from result files in annotations is
 * escaped as workflow commands require, so it cannot end the command or start another. Annotations go to the error
 * stream, which the runner reads for workflow commands as it does the output stream, so that a report printed
 * on stdout and redirected to a file stays clean.
 */
final class GitHubActions {

    /** GitHub shows at most 10 annotations of each kind per step; more would be dropped silently. */
    static final int MAX_ANNOTATIONS = 10;
    /** GitHub's limit for one step summary is 1 MiB; a comparison report stays well under it, but never more. */
    static final int MAX_SUMMARY_BYTES = 1024 * 1024;

    private final Map<String, String> env;
    private final Main.Environment environment;

    GitHubActions(Main.Environment environment) {
        this.environment = environment;
        this.env = environment.variables();
    }

    boolean active() {
        return "true".equals(env.get("GITHUB_ACTIONS"));
    }

    /** Summary, annotations and outputs for a comparison; problems writing them are warnings, never the verdict. */
    void publish(Comparison comparison, Severity failOn, Map<ReportFormat, String> reports, PrintWriter err,
                 Rendering rendering) {
        if (!active()) {
            return;
        }
        annotations(comparison, failOn, err);
        String summary = env.get("GITHUB_STEP_SUMMARY");
        if (summary != null && !summary.isBlank()) {
            String md = rendering.render(ReportFormat.MARKDOWN, ReportInput.of(comparison, failOn));
            byte[] bytes = md.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_SUMMARY_BYTES) {
                md = "loadverdict: the report is too large for a job summary; see the report files.\n";
            }
            append(summary, md + "\n", err);
        }
        String output = env.get("GITHUB_OUTPUT");
        if (output != null && !output.isBlank()) {
            StringBuilder o = new StringBuilder();
            o.append("verdict=").append(comparison.verdict().id()).append('\n');
            o.append("critical=").append(count(comparison, Severity.CRITICAL)).append('\n');
            o.append("warning=").append(count(comparison, Severity.WARNING)).append('\n');
            o.append("failed=").append(failOn != Severity.NONE && comparison.worstSeverity().atLeast(failOn)).append('\n');
            // the baseline compared with (SUITE@vN when loadverdict chose it) and its commit; none without a baseline
            o.append("baseline=").append(comparison.baseline().map(b -> oneLine(b.location())).orElse("")).append('\n');
            o.append("baseline-commit=").append(comparison.baseline().flatMap(b -> b.provenance().gitSha()).map(GitHubActions::oneLine)
                    .orElse("")).append('\n');
            reports.forEach((kind, path) -> o.append("report-").append(kind.id()).append('=').append(path).append('\n'));
            append(output, o.toString(), err);
        }
    }

    /**
     * For a comparison that gives no verdict because it matched (almost) nothing: one error annotation naming both
     * sides, and the explanation with the hint in the job summary, where a mapping is easier to read than in the log.
     * No outputs are written: there is no verdict to give.
     */
    void publishUnmatched(String baseline, Unmatched unmatched, PrintWriter err) {
        if (!active()) {
            return;
        }
        err.println("::error title=" + property("loadverdict: no verdict") + "::" + data(unmatched.identities()));
        err.flush();
        String summary = env.get("GITHUB_STEP_SUMMARY");
        if (summary != null && !summary.isBlank()) {
            append(summary, Reports.unmatched(baseline, unmatched.identities(), unmatched.suggestion()) + "\n", err);
        }
    }

    /** A value for a {@code name=value} line of $GITHUB_OUTPUT: no line break can start another output. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ");
    }

    private void annotations(Comparison comparison, Severity failOn, PrintWriter out) {
        int errors = 0;
        int warnings = 0;
        int left = 0;
        for (Finding f : comparison.regressions()) {
            String level = f.severity() == Severity.CRITICAL && failOn != Severity.NONE ? "error" : "warning";
            boolean error = level.equals("error");
            if (error ? errors == MAX_ANNOTATIONS : warnings == MAX_ANNOTATIONS) {
                left++;
                continue;
            }
            String title = "loadverdict " + f.severity().id() + ": " + f.scopeLabel() + " " + f.endpointLabel() + " "
                    + f.metric().key();
            String message = f.metric().key() + " " + ValueFormatter.figures(f) + ". " + String.join("; ", f.reasons());
            out.println("::" + level + " title=" + property(title) + "::" + data(message));
            if (error) {
                errors++;
            } else {
                warnings++;
            }
        }
        if (left > 0) {
            out.println("::notice title=loadverdict::" + data(left + " more regressions are in the job summary and the report files"));
        }
        out.flush();
    }

    private static long count(Comparison comparison, Severity severity) {
        return comparison.regressions().stream().filter(f -> f.severity() == severity).count();
    }

    /** A workflow command's message: {@code %}, CR and LF escaped; other control characters dropped. */
    static String data(String text) {
        StringBuilder s = new StringBuilder();
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '%' -> s.append("%25");
                case '\r' -> s.append("%0D");
                case '\n' -> s.append("%0A");
                default -> {
                    if (cp >= 0x20 && cp != 0x7f) {
                        s.appendCodePoint(cp);
                    }
                }
            }
        });
        return s.toString();
    }

    /** A workflow command's property value: as {@link #data}, and {@code :} and {@code ,} escaped too. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }

    private void append(String file, String text, PrintWriter err) {
        try {
            Files.writeString(environment.resolve(file), text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            err.println("loadverdict: warning: cannot write the GitHub Actions file " + Path.of(file).getFileName()
                    + ": " + e.getMessage());
        }
    }
}
