package dev.loadverdict.reporter;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the templates of a {@code --template-dir}, refusing what would let text from result files run as template
 * code or let a template come from elsewhere: {@code ?interpret}, {@code ?eval} and {@code ?eval_json} (they turn a
 * string, such as an endpoint name, into FTL whose output is not escaped) and files that resolve outside the
 * directory (a symbolic link to another place). A refusal is a {@link TemplateRefusedException} naming the file.
 */
final class UserTemplateLoader implements TemplateLoader {

    /** Built-ins that evaluate a string as FTL; FTL has no way to name a built-in other than literally. */
    private static final Pattern EVALUATING = Pattern.compile("\\?\\s*(interpret|eval_json|eval)\\b");

    private final File directory;
    private final FileTemplateLoader files;

    UserTemplateLoader(File directory) throws IOException {
        this.directory = directory;
        this.files = new FileTemplateLoader(directory);
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        try {
            return files.findTemplateSource(name);
        } catch (SecurityException e) {
            throw new TemplateRefusedException(new File(directory, name).getPath(),
                    "resolves to a file outside the template directory (a symbolic link?); templates must lie in it");
        }
    }

    @Override
    public long getLastModified(Object source) {
        return files.getLastModified(source);
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        String text;
        try (Reader reader = files.getReader(source, encoding)) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) != -1; ) {
                out.append(buffer, 0, n);
            }
            text = out.toString();
        }
        Matcher m = EVALUATING.matcher(text);
        if (m.find()) {
            long line = text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            throw new TemplateRefusedException(source + ":" + line, "uses ?" + m.group(1) + ", which would run text"
                    + " (from result files too) as template code with its output unescaped; loadverdict does not allow it");
        }
        return new StringReader(text);
    }

    @Override
    public void closeTemplateSource(Object source) throws IOException {
        files.closeTemplateSource(source);
    }

    /** A user's template that loadverdict will not load. */
    static final class TemplateRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String where;

        TemplateRefusedException(String where, String why) {
            super(why);
            this.where = where;
        }

        String where() {
            return where;
        }
    }
}
