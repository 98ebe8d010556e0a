package dev.loadverdict.codec;

import dev.loadverdict.model.InputException;
import dev.loadverdict.model.Run;

import java.io.Reader;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * loadverdict's own JSON forms that hold a run, so that any of them is accepted wherever a run is: a run
 * ({@code loadverdict.run/1}), a baseline file ({@code loadverdict.baseline/1}, its run) and a suite's history entry
 * ({@code loadverdict.history/1}, its run, checksum verified). Told apart by the {@code "schema"} member near the top.
 */
public final class SavedRun {

    /** The kinds of document that hold a run. */
    public enum Kind {
        RUN, BASELINE, HISTORY
    }

    private static final Pattern SCHEMA =
            Pattern.compile("\"schema\"\\s*:\\s*\"loadverdict\\.(run|baseline|history)/[0-9]");

    private SavedRun() {
    }

    /** Which of loadverdict's run-holding documents the head of a file is, if any. */
    public static Optional<Kind> detect(String head) {
        Matcher m = SCHEMA.matcher(head);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(switch (m.group(1)) {
            case "run" -> Kind.RUN;
            case "baseline" -> Kind.BASELINE;
            default -> Kind.HISTORY;
        });
    }

    /**
     * Reads the run of a document of the given kind.
     *
     * @throws InputException when the document is not valid
     */
    public static Run read(Kind kind, String source, Reader reader) {
        return switch (kind) {
            case RUN -> RunJson.read(source, reader);
            case BASELINE -> BaselineJson.read(source, reader).run();
            case HISTORY -> HistoryJson.read(source, reader).run();
        };
    }
}
