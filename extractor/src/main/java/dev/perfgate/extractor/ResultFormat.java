package dev.perfgate.extractor;

import java.nio.file.Path;

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

    /** How strongly the file's beginning matches this format. */
    MatchStrength detect(Head head);

    /**
     * Reads a whole file of this format.
     *
     * @param path the file
     * @param displayPath how to name the file in messages
     * @param context naming rules and time window
     * @throws dev.perfgate.model.InputException when the file is broken
     */
    ToolResult read(Path path, String displayPath, ReadContext context);
}
