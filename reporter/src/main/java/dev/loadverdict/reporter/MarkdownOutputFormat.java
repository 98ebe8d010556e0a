package dev.loadverdict.reporter;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

import java.io.IOException;
import java.io.Writer;

/**
 * FreeMarker output format for GitHub-flavoured Markdown: every {@code ${…}} of a string goes through
 * {@link MarkdownEscaper}, so a template cannot print untrusted text raw by forgetting something. Only
 * markup values ({@link Trusted} text, wrapped by {@link ViewWrapper}) are printed as they are.
 */
final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Markup> {
    static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();

    private MarkdownOutputFormat() {
    }

    @Override
    public String getName() {
        return "loadverdictMarkdown";
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    @Override
    public void output(String textToEscape, Writer out) throws IOException {
        out.write(MarkdownEscaper.escape(textToEscape));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return MarkdownEscaper.escape(plainTextContent);
    }

    /** No legacy escaping built-in ({@code ?html} and the like) may stand in for ours. */
    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Markup newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Markup(plainTextContent, markupContent);
    }

    /** A piece of Markdown that is printed without further escaping. */
    static final class Markup extends CommonTemplateMarkupOutputModel<Markup> {
        Markup(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public MarkdownOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
