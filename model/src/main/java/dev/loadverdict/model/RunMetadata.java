package dev.loadverdict.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What ran: the tool, the files read, when, under which load, and how precise the numbers are.
 *
 * @param tool the tool that wrote the results
 * @param toolVersion the tool's version when the files tell it (or a version range such as {@code 1.x-2.x})
 * @param sources the files the run was read from, as given by the user
 * @param start when the run started, when known
 * @param end when it ended, when known
 * @param duration how long it ran, when known
 * @param stage the stage's name when a run was split into stages
 * @param workload the load applied
 * @param scriptHash a hash of the test script, when given
 * @param labels environment labels (e.g. {@code branch}, {@code region}), sorted by key
 * @param mappingHash a hash of the mapping config used at extract time, when one was used
 * @param precision how precisely response times were recorded
 */
public record RunMetadata(Tool tool, Optional<String> toolVersion, List<String> sources,
                          Optional<Instant> start, Optional<Instant> end, Optional<Duration> duration,
                          Optional<String> stage, Workload workload, Optional<String> scriptHash,
                          SortedMap<String, String> labels, Optional<String> mappingHash,
                          SourcePrecision precision) {

    public RunMetadata {
        Preconditions.requireNonNull(tool, "tool");
        Preconditions.requireNonNull(toolVersion, "toolVersion");
        sources = List.copyOf(Preconditions.requireNonNull(sources, "sources"));
        Preconditions.requireNonNull(start, "start");
        Preconditions.requireNonNull(end, "end");
        Preconditions.requireNonNull(duration, "duration");
        duration.ifPresent(d -> {
            if (d.isNegative()) {
                throw new IllegalArgumentException("duration is negative: " + d);
            }
        });
        Preconditions.requireNonNull(stage, "stage");
        Preconditions.requireNonNull(workload, "workload");
        Preconditions.requireNonNull(scriptHash, "scriptHash");
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : Preconditions.requireNonNull(labels, "labels").entrySet()) {
            copy.put(Preconditions.requireNonNull(e.getKey(), "label key"),
                    Preconditions.requireNonNull(e.getValue(), "label " + e.getKey()));
        }
        labels = Collections.unmodifiableSortedMap(copy);
        Preconditions.requireNonNull(mappingHash, "mappingHash");
        Preconditions.requireNonNull(precision, "precision");
    }

    /** Metadata with only the tool, its version, the sources and the precision known. */
    public static RunMetadata of(Tool tool, Optional<String> toolVersion, List<String> sources,
                                 SourcePrecision precision) {
        return new RunMetadata(tool, toolVersion, sources, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Workload.unknown(), Optional.empty(), new TreeMap<>(), Optional.empty(),
                precision);
    }
}
