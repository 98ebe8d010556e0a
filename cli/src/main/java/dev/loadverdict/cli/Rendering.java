package dev.loadverdict.cli;

import dev.loadverdict.model.InputException;
import dev.loadverdict.reporter.ReportFormat;
import dev.loadverdict.reporter.ReportInput;
import dev.loadverdict.reporter.ReportRenderer;
import dev.loadverdict.reporter.Reports;
import dev.loadverdict.reporter.TemplateFailedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How a command renders reports: with the built-in templates, or with those of {@code --template-dir} replacing them;
 * and whether the terminal text is coloured ({@code --color}). A broken user template is bad input naming the
 * template, not an internal error.
 *
 * @param templateDirectory the user's template directory, resolved
 * @param templateDisplay how to name it in messages
 * @param color whether to colour terminal text
 */
record Rendering(Optional<Path> templateDirectory, String templateDisplay, boolean color) {

    static Rendering of(Main.Environment environment, String templateDir, String colorMode) {
        Optional<Path> dir = Optional.ofNullable(templateDir).map(environment::resolve);
        if (dir.isPresent() && !Files.isDirectory(dir.get())) {
            throw new InputException(templateDir, "no such template directory");
        }
        boolean color = switch (colorMode.toLowerCase(Locale.ROOT)) {
            case "always" -> true;
            case "never" -> false;
            case "auto" -> System.console() != null && !environment.variables().containsKey("NO_COLOR")
                    && !"dumb".equals(environment.variables().get("TERM"));
            default -> throw new UsageException("--color takes auto, always or never, not '" + colorMode + "'");
        };
        return new Rendering(dir, templateDir == null ? "" : templateDir, color);
    }

    /** The same, for files and GitHub: never coloured. */
    Rendering withoutColor() {
        return new Rendering(templateDirectory, templateDisplay, false);
    }

    /** One report, built-in or from the user's template, coloured when it is terminal text and colour is on. */
    String render(ReportFormat format, ReportInput input) {
        try {
            ReportRenderer renderer = templateDirectory.map(d -> Reports.renderer(format, d))
                    .orElseGet(() -> Reports.renderer(format));
            String text = renderer.render(input);
            return color && format == ReportFormat.TEXT ? TerminalColors.apply(text) : text;
        } catch (TemplateFailedException e) {
            if (templateDirectory.isPresent()) {
                throw new InputException(e.location().orElse(templateDisplay + "/" + format.templateName()),
                        e.location().isPresent() ? e.getMessage() : "the template failed: " + e.getMessage());
            }
            throw e;
        }
    }
}
