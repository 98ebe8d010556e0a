package dev.loadverdict.extractor;

import dev.loadverdict.model.Run;

import java.util.List;
import java.util.Objects;

/**
 * An extracted run and what went wrong on the way without stopping it.
 *
 * @param run the run
 * @param warnings problems that did not stop extraction (e.g. a truncated last line), each naming file and line
 */
public record Extraction(Run run, List<String> warnings) {
    public Extraction {
        Objects.requireNonNull(run, "run == null");
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings == null"));
    }
}
