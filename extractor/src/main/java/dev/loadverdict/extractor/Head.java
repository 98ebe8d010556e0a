package dev.loadverdict.extractor;

import java.nio.file.Path;
import java.util.List;

/**
 * The first bytes of a file, decoded, for format detection: at most {@value #MAX_CHARS} characters,
 * split into lines.
 *
 * @param path the file
 * @param displayPath how messages name the file
 * @param text the decoded beginning of the file (a BOM removed, gzip undone)
 */
public record Head(Path path, String displayPath, String text) {

    /** How much of a file detection looks at. */
    public static final int MAX_CHARS = 64 * 1024;

    /** The head of a file that messages name by its path. */
    public Head(Path path, String text) {
        this(path, path.toString(), text);
    }

    /** The first line, without its line terminator. */
    public String firstLine() {
        return lines().isEmpty() ? "" : lines().get(0);
    }

    /** The complete lines of the head (a line cut off at the end of the head is left out unless it is the only one). */
    public List<String> lines() {
        List<String> lines = text.lines().toList();
        if (lines.size() > 1 && text.length() >= MAX_CHARS && !text.endsWith("\n")) {
            return lines.subList(0, lines.size() - 1);
        }
        return lines;
    }

    public String fileName() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
