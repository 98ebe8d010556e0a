package dev.loadverdict.extractor.internal;

import dev.loadverdict.extractor.Head;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One input format of one tool: recognises its files and reads them. Implementations live in one
 * package per tool.
 */
public interface ResultFormat {

    /** A short name for messages, e.g. {@code Locust stats CSV}. */
    String displayName();

    /**
     * Whether the format holds raw samples (so it can be windowed and its histograms are exact), as
     * opposed to aggregates only.
     */
    default boolean rawSamples() {
        return false;
    }

    /**
     * Whether {@link #read} honours a {@link ReadContext#window() time window} other than the whole run for
     * this file. Raw formats can; an aggregate format can when it carries cumulative counts over time
     * (Locust's stats CSV with its stats history beside it).
     */
    default boolean windowable(Path file) {
        return rawSamples();
    }

    /**
     * Files that {@link #read} reads together with {@code file} as parts of the same run (Locust's
     * {@code PREFIX_failures.csv} beside {@code PREFIX_stats.csv}); when a directory or prefix names them too,
     * they are not read again as inputs of their own. Only files that exist are listed.
     */
    default List<Path> companions(Path file) {
        return List.of();
    }

    /**
     * The span of the run during which the load stayed at {@code users} concurrent users (or, when empty, at
     * its peak): the longest such stretch, as epoch ms, when the format records the user count over time.
     *
     * @return empty when the format does not record the user count over time
     * @throws dev.loadverdict.model.InputException when it does, but the count never stays at that level
     */
    default Optional<TimeWindow> loadPlateau(Path file, String displayPath, OptionalInt users) {
        return Optional.empty();
    }

    /**
     * Every user count the run held, with the duration of its longest stretch at that count in ms, by ascending
     * count, when the format records the user count over time ({@code loadverdict scaling --by-plateaus}).
     *
     * @return empty when the format does not record the user count over time
     */
    default Optional<java.util.SortedMap<Integer, Long>> userLevels(Path file, String displayPath) {
        return Optional.empty();
    }

    /** How strongly the file's beginning matches this format. */
    MatchStrength detect(Head head);

    /**
     * Reads a whole file of this format.
     *
     * @param head the file, with the beginning {@link #detect} recognised (a reader need not read it again)
     * @param context naming rules and time window
     * @throws dev.loadverdict.model.InputException when the file is broken
     */
    ToolResult read(Head head, ReadContext context);
}
