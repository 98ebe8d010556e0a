package dev.loadverdict.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Reader;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The JSON form of an acknowledged step change ({@code baselines/SUITE/acknowledged/<run>.json}):
 * {@code "schema": "loadverdict.acknowledgement/1"}, the history file (without {@code .json}) of the first run of the
 * new level, the person's note and when it was recorded. One file per acknowledged run, written once, so two
 * branches that acknowledge different steps never conflict.
 */
public final class AcknowledgementJson {

    public static final String SCHEMA = "loadverdict.acknowledgement/1";
    static final String KIND = "acknowledgement";
    static final int VERSION = 1;
    /** A history file's name without {@code .json}. */
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** The longest note kept, in characters. */
    public static final int MAX_NOTE = 2000;

    private AcknowledgementJson() {
    }

    /**
     * @param run the history file's name without {@code .json}
     * @param note why the step is known
     * @param acknowledged when
     */
    public record Stored(String run, String note, Instant acknowledged) {
        public Stored {
            Objects.requireNonNull(run, "run == null");
            Objects.requireNonNull(note, "note == null");
            Objects.requireNonNull(acknowledged, "acknowledged == null");
            if (!RUN_ID.matcher(run).matches()) {
                throw new IllegalArgumentException("not a history file name: '" + run + "'");
            }
            if (note.isBlank()) {
                throw new IllegalArgumentException("the note is empty: say why the step is expected");
            }
            if (note.length() > MAX_NOTE) {
                throw new IllegalArgumentException("the note is longer than " + MAX_NOTE + " characters");
            }
        }
    }

    public static String write(Stored stored) {
        ObjectNode root = Json.object();
        root.put("schema", SCHEMA);
        root.put("run", stored.run());
        root.put("note", stored.note());
        root.put("acknowledged", stored.acknowledged().toString());
        return Json.write(root);
    }

    /** @throws dev.loadverdict.model.InputException when it is not a valid acknowledgement */
    public static Stored read(String source, Reader reader) {
        Node root = Node.parse(Json.FACTORY, source, reader);
        Json.requireSchema(root, KIND, VERSION);
        Node run = root.get("run");
        Node note = root.get("note");
        Instant acknowledged = RunJson.instant(root, "acknowledged").orElseThrow(() -> root.fail("missing key 'acknowledged'"));
        try {
            return new Stored(run.text(), note.text(), acknowledged);
        } catch (IllegalArgumentException e) {
            throw run.fail(e.getMessage());
        }
    }
}
