package dev.loadverdict.cli;

import dev.loadverdict.baselines.AtomicFiles;
import dev.loadverdict.reporter.ReportFormat;
import dev.loadverdict.reporter.ReportInput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --report md,junit,json,text --out-dir DIR}: the report files a CI job keeps as artifacts, one per
 * {@link ReportFormat} named by {@link ReportFormat#fileName()}. Each is written atomically; the paths written are
 * returned by format, for the GitHub Actions outputs.
 */
final class ReportFiles {

    private ReportFiles() {
    }

    /** The formats named by {@code --report} (comma-separated), in the order given, each once. */
    static List<ReportFormat> parse(String spec) {
        List<ReportFormat> formats = new ArrayList<>();
        for (String part : spec.split(",")) {
            ReportFormat format = ReportFormat.fromId(part).orElseThrow(() -> new UsageException(
                    "--report takes md, html, junit, json and text, comma-separated, not '" + part.trim() + "'"));
            if (!formats.contains(format)) {
                formats.add(format);
            }
        }
        return formats;
    }

    /** Writes the reports into {@code dir}; returns each file's path as given relative to the working directory. */
    static Map<ReportFormat, String> write(Main.Environment environment, String dir, List<ReportFormat> formats,
                                           ReportInput input, Rendering rendering) {
        Map<ReportFormat, String> written = new LinkedHashMap<>();
        for (ReportFormat format : formats) {
            String display = dir.endsWith("/") ? dir + format.fileName() : dir + "/" + format.fileName();
            AtomicFiles.write(environment.resolve(display), display, rendering.render(format, input));
            written.put(format, display);
        }
        return written;
    }
}
