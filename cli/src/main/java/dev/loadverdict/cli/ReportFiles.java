package dev.loadverdict.cli;

import dev.loadverdict.baselines.AtomicFiles;
import dev.loadverdict.codec.ComparisonJson;
import dev.loadverdict.model.compare.Comparison;
import dev.loadverdict.model.compare.Severity;
import dev.loadverdict.reporter.ReportFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --report md,junit,json,text --out-dir DIR}: the report files a CI job keeps as artifacts. Each is written
 * atomically; the paths written are returned by kind, for the GitHub Actions outputs.
 */
final class ReportFiles {

    /** The kinds of report, each with its file name. */
    enum Kind {
        MD("report.md"), HTML("report.html"), JUNIT("junit.xml"), JSON("comparison.json"), TEXT("report.txt");

        final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private ReportFiles() {
    }

    /** The kinds named by {@code --report} (comma-separated), in the order given. */
    static List<Kind> parse(String spec) {
        List<Kind> kinds = new ArrayList<>();
        for (String part : spec.split(",")) {
            String id = part.trim().toLowerCase(Locale.ROOT);
            Kind kind = switch (id) {
                case "md", "markdown" -> Kind.MD;
                case "html" -> Kind.HTML;
                case "junit", "xml" -> Kind.JUNIT;
                case "json" -> Kind.JSON;
                case "text", "txt" -> Kind.TEXT;
                default -> throw new UsageException("--report takes md, html, junit, json and text, comma-separated, not '" + part.trim() + "'");
            };
            if (!kinds.contains(kind)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Writes the reports into {@code dir}; returns each file's path as given relative to the working directory. */
    static Map<Kind, String> write(Main.Environment environment, String dir, List<Kind> kinds, Comparison comparison,
                                   Severity failOn, java.util.Optional<dev.loadverdict.model.Run[]> runs, Rendering rendering) {
        return write(environment, dir, kinds, comparison, failOn, runs, rendering, List.of());
    }

    /** As above; the HTML report also charts the trend across the suite's recorded runs. */
    static Map<Kind, String> write(Main.Environment environment, String dir, List<Kind> kinds, Comparison comparison,
                                   Severity failOn, java.util.Optional<dev.loadverdict.model.Run[]> runs, Rendering rendering,
                                   List<dev.loadverdict.model.Run> history) {
        Map<Kind, String> written = new LinkedHashMap<>();
        for (Kind kind : kinds) {
            String display = dir.endsWith("/") ? dir + kind.fileName : dir + "/" + kind.fileName;
            String content = switch (kind) {
                case MD -> rendering.render(ReportFormat.MARKDOWN, comparison, failOn, runs);
                case HTML -> rendering.render(ReportFormat.HTML, comparison, failOn, runs, history);
                case JUNIT -> rendering.render(ReportFormat.JUNIT, comparison, failOn, runs);
                case JSON -> ComparisonJson.write(comparison);
                case TEXT -> rendering.render(ReportFormat.TEXT, comparison, failOn, runs);
            };
            Path path = environment.resolve(display);
            AtomicFiles.write(path, display, content);
            written.put(kind, display);
        }
        return written;
    }
}
