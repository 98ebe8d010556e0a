package dev.loadverdict.reporter;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for plain terminal text. Its "escaping" is {@link UntrustedText#sanitize}: every
 * {@code ${…}} of a string loses control characters and ANSI escape sequences, so nothing from a result
 * file can move the cursor, recolour or rewrite the user's terminal.
 */
final class TerminalOutputFormat extends CommonMarkupOutputFormat<TerminalOutputFormat.Text> {
    static final TerminalOutputFormat INSTANCE = new TerminalOutputFormat();

    private TerminalOutputFormat() {
    }

    @Override
    public String getName() {
        return "loadverdictTerminal";
    }

    @Override
    public String getMimeType() {
        return "text/plain";
    }

    @Override
    public void output(String textToEscape, Writer out) throws IOException {
        out.write(UntrustedText.sanitize(textToEscape));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return UntrustedText.sanitize(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Text newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Text(plainTextContent, markupContent);
    }

    /** Sanitized terminal text. */
    static final class Text extends CommonTemplateMarkupOutputModel<Text> {
        Text(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public TerminalOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
