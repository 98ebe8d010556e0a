package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.RunMetadata;
import dev.loadverdict.model.SourcePrecision;
import dev.loadverdict.model.Tool;
import dev.loadverdict.model.Workload;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a raw-sample reader knows about its run besides the samples; {@link SampleAggregator.Aggregate#result}
 * joins the two into the run's metadata, the one place where a raw format's start, end and duration are decided.
 *
 * @param tool the tool that wrote the file
 * @param toolVersion its version, when the file says
 * @param sources the files read, as named in messages
 * @param workload the load model and its peak users, as far as the file tells
 * @param labels metadata labels the file carries (Gatling's simulation)
 * @param precision how finely the file records response times
 * @param declaredStart a start the file declares (Gatling's RUN record); the run starts at it when it is earlier than
 *     the first sample
 */
public record RunFacts(Tool tool, Optional<String> toolVersion, List<String> sources, Workload workload,
                       Map<String, String> labels, SourcePrecision precision, Optional<Instant> declaredStart) {

    public RunFacts {
        Objects.requireNonNull(tool, "tool == null");
        Objects.requireNonNull(toolVersion, "toolVersion == null");
        sources = List.copyOf(sources);
        Objects.requireNonNull(workload, "workload == null");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(precision, "precision == null");
        Objects.requireNonNull(declaredStart, "declaredStart == null");
    }

    /** The facts of one file of {@code tool} that says nothing but its samples. */
    public static RunFacts of(Tool tool, String file, Workload workload, SourcePrecision precision) {
        return new RunFacts(tool, Optional.empty(), List.of(file), workload, Map.of(), precision, Optional.empty());
    }

    /** These facts for a part of the run (a stage), which starts with its own first sample. */
    RunFacts withoutDeclaredStart() {
        return new RunFacts(tool, toolVersion, sources, workload, labels, precision, Optional.empty());
    }

    /** The run's metadata, for samples from {@code first} to {@code last}. */
    RunMetadata metadata(Optional<Instant> first, Optional<Instant> last) {
        Optional<Instant> start = first;
        if (declaredStart.isPresent() && (start.isEmpty() || declaredStart.get().isBefore(start.get()))) {
            start = declaredStart;
        }
        Optional<Duration> duration = start.isPresent() && last.isPresent() && !last.get().isBefore(start.get())
                ? Optional.of(Duration.between(start.get(), last.get())) : Optional.empty();
        return new RunMetadata(tool, toolVersion, sources, start, last, duration, Optional.empty(), workload,
                Optional.empty(), new TreeMap<>(labels), Optional.empty(), precision);
    }
}
