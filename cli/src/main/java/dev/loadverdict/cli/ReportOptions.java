package dev.loadverdict.cli;

import dev.loadverdict.reporter.ReportFormat;
import dev.loadverdict.reporter.ReportInput;
import dev.loadverdict.reporter.Reports;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code compare} and {@code report} print and write, and with which templates: {@code --format},
 * {@code --report}, {@code --template-dir}, {@code --color}, {@code --out-dir}. Both render through
 * {@link #publish}, one path for every format.
 */
final class ReportOptions {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
            description = "What to print on stdout: text, md, json, html or junit (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = {"-r", "--report"}, paramLabel = "KINDS", description = "Also write report files: md, html, junit, json, text (comma-separated) into --out-dir.")
    String report;

    @Option(names = "--template-dir", paramLabel = "DIR", description = "Templates that replace the built-in ones (markdown.ftl, text.ftl, html.ftl, junit.ftl); see docs/templates.md.")
    String templateDir;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto", description = "Colour the terminal report: auto (on a terminal, unless NO_COLOR is set), always or never (default: ${DEFAULT-VALUE}).")
    String color;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "loadverdict-reports", description = "Where --report writes (default: ${DEFAULT-VALUE}).")
    String outDir;

    /** The formats {@code --report} names, in the order given, each once (checked before any work is done). */
    List<ReportFormat> files() {
        return report == null ? List.of() : ReportFiles.parse(report);
    }

    /** The templates and colours to render with; a missing template directory is bad input. */
    Rendering rendering(Main.Environment environment) {
        return Rendering.of(environment, templateDir, color);
    }

    /** Starts preparing the built-in template of the {@code --format} report (none for a template directory's). */
    void prepare(Rendering rendering) {
        if (rendering.templateDirectory().isEmpty()) {
            Reports.prepare(format);
        }
    }

    /**
     * Prints the {@code --format} report on {@code out}, writes the {@code --report} files (naming each on
     * {@code err}) and returns their paths by format.
     */
    Map<ReportFormat, String> publish(Main.Environment environment, Rendering rendering, ReportInput input,
                                      PrintWriter out, PrintWriter err) {
        out.print(rendering.render(format, input));
        out.flush();
        Map<ReportFormat, String> written = ReportFiles.write(environment, outDir, files(), input, rendering.withoutColor());
        written.values().forEach(path -> err.println("loadverdict: wrote " + path));
        return written;
    }

    /** {@code --format}: a format's id or alias. */
    static final class FormatConverter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            return ReportFormat.fromId(value).orElseThrow(() -> new CommandLine.TypeConversionException("--format must be one of "
                    + Arrays.stream(ReportFormat.values()).map(ReportFormat::id).collect(Collectors.joining(", "))
                    + ", not '" + value + "'"));
        }
    }
}
