package dev.loadverdict.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loadverdict.model.InputException;

import java.io.Reader;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The JSON form of a suite's current-baseline pointer ({@code baselines/SUITE/baseline.json}):
 * {@code "schema": "loadverdict.suite/1"}, the name of the history file that is the current baseline, and
 * when it was promoted, with a note when it was not a plain promotion (a rollback to an earlier run). The run itself
 * lives only in the history, written once.
 */
public final class SuiteJson {

    public static final String SCHEMA = "loadverdict.suite/1";
    static final String KIND = "suite";
    static final int VERSION = 1;
    /** A history file name: no directories, nothing hidden. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*\\.json");

    private SuiteJson() {
    }

    /**
     * The current baseline of a suite.
     *
     * @param current the history file's name (in the suite's {@code history/} directory)
     * @param promoted when it was made the baseline
     * @param note how it became the baseline when that was not a plain promotion, e.g. a rollback
     */
    public record Pointer(String current, Instant promoted, java.util.Optional<String> note) {
        public Pointer(String current, Instant promoted) {
            this(current, promoted, java.util.Optional.empty());
        }

        public Pointer {
            Objects.requireNonNull(current, "current == null");
            Objects.requireNonNull(promoted, "promoted == null");
            Objects.requireNonNull(note, "note == null");
            if (!FILE_NAME.matcher(current).matches()) {
                throw new IllegalArgumentException("not a history file name: '" + current + "'");
            }
        }
    }

    public static String write(Pointer pointer) {
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        root.put("current", pointer.current());
        root.put("promoted", pointer.promoted().toString());
        Json.put(root, "note", pointer.note());
        return Json.write(root);
    }

    /** @throws InputException when it is not a valid suite pointer */
    public static Pointer read(String source, Reader reader) {
        Node root = Node.parse(Json.FACTORY, source, reader);
        Json.requireSchema(root, KIND, VERSION);
        Node current = root.get("current");
        Instant promoted = RunJson.instant(root, "promoted").orElseThrow(() -> root.fail("missing key 'promoted'"));
        try {
            return new Pointer(current.text(), promoted, Json.optionalText(root, "note"));
        } catch (IllegalArgumentException e) {
            throw current.fail(e.getMessage());
        }
    }
}
