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

    private static String source(String name) throws IOException {
        try (InputStream in = Templates.class.getResourceAsStream(Templates.DIRECTORY + "/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
