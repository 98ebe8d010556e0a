package dev.loadverdict.extractor;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The first bytes of a file, decoded, for format detection: at most {@value #MAX_CHARS} characters, split into
 * lines. A file's head is read once and handed to every format's detection and then to the chosen format's reader;
 * what a format makes of it (a CSV header, a JTL layout) is worked out once too, through {@link #parsed}. A head
 * belongs to one thread.
 */
public final class Head {

    /** How much of a file detection looks at. */
    public static final int MAX_CHARS = 64 * 1024;

    private final Path path;
    private final String displayPath;
    private final String text;
    private List<String> lines;
    private final Map<Parse<?>, Object> parsed = new IdentityHashMap<>();

    /**
     * @param path the file
     * @param displayPath how messages name the file
     * @param text the decoded beginning of the file (a BOM removed, gzip undone)
     */
    public Head(Path path, String displayPath, String text) {
        this.path = Objects.requireNonNull(path, "path == null");
        this.displayPath = Objects.requireNonNull(displayPath, "displayPath == null");
        this.text = Objects.requireNonNull(text, "text == null");
    }

    /** The head of a file that messages name by its path. */
    public Head(Path path, String text) {
        this(path, path.toString(), text);
    }

    public Path path() {
        return path;
    }

    public String displayPath() {
        return displayPath;
    }

    public String text() {
        return text;
    }

    /** The first line, without its line terminator. */
    public String firstLine() {
        return lines().isEmpty() ? "" : lines().get(0);
    }

    /** The complete lines of the head (a line cut off at the end of the head is left out unless it is the only one). */
    public List<String> lines() {
        if (lines == null) {
            List<String> all = text.lines().toList();
            lines = all.size() > 1 && text.length() >= MAX_CHARS && !text.endsWith("\n") ? all.subList(0, all.size() - 1) : all;
        }
        return lines;
    }

    /** Whether the head holds the whole file (it ended before {@value #MAX_CHARS} characters). */
    public boolean whole() {
        return text.length() < MAX_CHARS;
    }

    public String fileName() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    /** What {@code parse} makes of this head: worked out on the first call, the same value after. */
    @SuppressWarnings("unchecked")
    public <T> T parsed(Parse<T> parse) {
        if (!parsed.containsKey(parse)) {
            parsed.put(parse, parse.function.apply(this));
        }
        return (T) parsed.get(parse);
    }

    @Override
    public String toString() {
        return "Head[" + displayPath + ", " + text.length() + " chars]";
    }

    /**
     * A way of reading a head that detection and reading share, so that both see the same result and it is worked
     * out once per file: keep one instance in a constant.
     *
     * @param <T> what the head is read as
     */
    public static final class Parse<T> {
        private final Function<Head, T> function;

        private Parse(Function<Head, T> function) {
            this.function = function;
        }

        public static <T> Parse<T> of(Function<Head, T> function) {
            return new Parse<>(Objects.requireNonNull(function, "function == null"));
        }
    }
}
