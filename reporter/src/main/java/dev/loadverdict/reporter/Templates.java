package dev.loadverdict.reporter;

import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.core.OutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.log.Logger;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The one FreeMarker configuration of the reporter, built when this class is initialised and never changed
 * afterwards (FreeMarker's {@link Configuration} is thread-safe under that condition).
 *
 * <p>Templates live on the classpath under {@code dev/loadverdict/reporter/templates/}. Each is bound to its
 * output format here, in Java, with auto-escaping forced: FreeMarker then rejects {@code ?no_esc},
 * {@code #noautoesc} and non-markup output formats in the template, so it cannot switch escaping off.
 */
final class Templates {
    static {
        // Libraries return values and never log (STYLE.md). FreeMarker would log template errors through
        // whatever logging library it finds, so it is told to use none: once, here, first of all, before
        // any FreeMarker class that binds a logger is initialised (Configuration and the object wrappers
        // included). The class initialiser is the once-only guard. A -Dorg.freemarker.loggerLibrary given
        // by the user still wins.
        silenceFreemarkerLogging();
    }

    static final Version VERSION = Configuration.VERSION_2_3_34;
    static final String DIRECTORY = "/dev/loadverdict/reporter/templates";
    /** The trend page of a suite; not replaceable by {@code --template-dir}. */
    static final String TREND = "trend.html.ftl";
    /** The style sheet the HTML report and the trend page share, included by both. */
    static final String STYLE = "style.css.ftl";

    private static final Configuration CONFIGURATION = configuration();
    private static final ViewWrapper MARKDOWN_WRAPPER = new ViewWrapper(true);
    private static final ViewWrapper TEXT_WRAPPER = new ViewWrapper(false);

    private Templates() {
    }

    static Template get(String name) throws IOException {
        return CONFIGURATION.getTemplate(name);
    }

    /**
     * Parses the built-in template {@code name} into the configuration's cache on a daemon thread (see Reports#prepare),
     * and returns that thread, started.
     */
    static Thread prepare(String name) {
        Thread thread = new Thread(() -> {
            try {
                get(name);
            } catch (Throwable e) { // nothing of this thread may reach stderr: no stack trace without --debug
                // the rendering meets it again and reports it
            }
        }, "loadverdict-template " + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * The template of that name from {@code directory} when it holds one, else the built-in one. Templates from the
     * directory get the same output format and forced auto-escaping as the built-ins they replace.
     */
    static Template get(String name, java.nio.file.Path directory) throws IOException {
        Configuration cfg = configuration();
        cfg.setTemplateLoader(new freemarker.cache.MultiTemplateLoader(new freemarker.cache.TemplateLoader[] {
                new UserTemplateLoader(directory.toFile()),
                new freemarker.cache.ClassTemplateLoader(Templates.class, DIRECTORY)}));
        return cfg.getTemplate(name);
    }

    /** How the format's template sees the view; created here so no FreeMarker logger exists earlier. */
    static ViewWrapper wrapper(ReportFormat format) {
        // Markdown prints loadverdict's own text as markup; every other format escapes it like the rest
        return format == ReportFormat.MARKDOWN ? MARKDOWN_WRAPPER : TEXT_WRAPPER;
    }

    @SuppressWarnings("deprecation") // the replacement is a system property, which a library must not set
    private static void silenceFreemarkerLogging() {
        try {
            Logger.selectLoggerLibrary(Logger.LIBRARY_NONE);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("LIBRARY_NONE needs no class", e);
        }
    }

    private static Configuration configuration() {
        Configuration cfg = new Configuration(VERSION);
        cfg.setClassForTemplateLoading(Templates.class, DIRECTORY);
        cfg.setDefaultEncoding(StandardCharsets.UTF_8.name());
        cfg.setOutputEncoding(StandardCharsets.UTF_8.name());
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setLocalizedLookup(false);
        // Templates format no numbers (the view model carries them formatted); should one slip in, it is
        // printed the same everywhere.
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE, TerminalOutputFormat.INSTANCE));
        cfg.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                boundTo(ReportFormat.MARKDOWN.templateName(), MarkdownOutputFormat.INSTANCE),
                boundTo("*.md.ftl", MarkdownOutputFormat.INSTANCE),
                boundTo(ReportFormat.TEXT.templateName(), TerminalOutputFormat.INSTANCE),
                boundTo(ReportFormat.JUNIT.templateName(), freemarker.core.XMLOutputFormat.INSTANCE),
                boundTo(ReportFormat.HTML.templateName(), freemarker.core.HTMLOutputFormat.INSTANCE),
                boundTo("*.text.ftl", TerminalOutputFormat.INSTANCE),
                boundTo("*.html.ftl", freemarker.core.HTMLOutputFormat.INSTANCE),
                boundTo(TREND, freemarker.core.HTMLOutputFormat.INSTANCE),
                boundTo(STYLE, freemarker.core.HTMLOutputFormat.INSTANCE))
                .allowNoMatch(false)
                .noMatchErrorDetails("every report template must be bound to an output format in Templates"));
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        return cfg;
    }

    private static ConditionalTemplateConfigurationFactory boundTo(String templateName, OutputFormat format) {
        TemplateConfiguration settings = new TemplateConfiguration();
        settings.setOutputFormat(format);
        settings.setAutoEscapingPolicy(Configuration.FORCE_AUTO_ESCAPING_POLICY);
        return new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher(templateName), settings);
    }
}
