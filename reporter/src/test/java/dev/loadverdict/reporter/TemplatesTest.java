package dev.loadverdict.reporter;

import freemarker.log.Logger;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplatesTest {

    @Test
    void templatesCannotSwitchEscapingOff() throws IOException {
        for (ReportFormat format : java.util.Arrays.stream(ReportFormat.values()).filter(ReportFormat::templated).toList()) {
            // Forced auto-escaping already rejects ?no_esc and #noautoesc; a different output_format in the
            // #ftl header would not be rejected, so none may appear.
            assertThat(source(format.templateName()))
                    .doesNotContain("no_esc", "noautoesc", "noAutoEsc", "output_format", "outputFormat", "auto_esc",
                            "?api", "?new", "?eval", "?interpret");
        }
    }

    @Test
    void aTemplateNotBoundToAnOutputFormatIsRefused() {
        assertThatThrownBy(() -> Templates.get("unbound.ftl"))
                .hasStackTraceContaining("every report template must be bound to an output format");
    }

    @Test
    void freemarkerLogsNothing() throws IOException {
        Templates.get(ReportFormat.MARKDOWN.templateName());
        Logger runtime = Logger.getLogger("freemarker.runtime");
        assertThat(runtime.isErrorEnabled()).isFalse();
        assertThat(runtime.isWarnEnabled()).isFalse();
    }

    /** A template prepared ahead (Reports#prepare) renders what one parsed on demand renders, while others render it. */
    @Test
    void aPreparedTemplateRendersAsOneParsedOnDemand() throws Exception {
        for (ReportFormat format : java.util.Arrays.stream(ReportFormat.values()).filter(ReportFormat::templated).toList()) {
            String expected = Reports.render(format, Fixtures.full());
            Thread preparing = Templates.prepare(format.templateName());
            java.util.concurrent.ExecutorService renderers = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<String>> rendered = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    rendered.add(renderers.submit(() -> Reports.render(format, Fixtures.full())));
                }
                for (java.util.concurrent.Future<String> r : rendered) {
                    assertThat(r.get()).as(format.id()).isEqualTo(expected);
                }
            } finally {
                renderers.shutdown();
            }
            preparing.join();
        }
    }

    /** A template that fails when prepared leaves nothing on stderr: the rendering meets the failure and reports it. */
    @Test
    void aFailingPreparationPrintsNothing() throws InterruptedException {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Templates.prepare("unbound.ftl").join();
            Templates.prepare("no-such-template.ftl").join();
        } finally {
            System.setErr(err);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static String source(String name) throws IOException {
        try (InputStream in = Templates.class.getResourceAsStream(Templates.DIRECTORY + "/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
