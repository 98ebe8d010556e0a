package dev.perfgate.extractor;

import dev.perfgate.model.config.MappingRule;
import dev.perfgate.model.config.Naming;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to extract.
 *
 * @param mapping rules assigning requests to services and endpoints (perfgate.yml's {@code mapping})
 * @param naming default endpoint naming and the endpoint cap (perfgate.yml's {@code naming})
 * @param mappingHash a hash of mapping and naming, recorded in the run so runs extracted differently can be told apart
 * @param window which part of the run to keep, relative to its start
 */
public record ExtractOptions(List<MappingRule> mapping, Naming naming, Optional<String> mappingHash,
                             RelativeWindow window) {
    public ExtractOptions {
        mapping = List.copyOf(Objects.requireNonNull(mapping, "mapping == null"));
        Objects.requireNonNull(naming, "naming == null");
        Objects.requireNonNull(mappingHash, "mappingHash == null");
        Objects.requireNonNull(window, "window == null");
    }

    public static ExtractOptions defaults() {
        return new ExtractOptions(List.of(), Naming.defaults(), Optional.empty(), RelativeWindow.all());
    }

    public ExtractOptions withWindow(RelativeWindow window) {
        return new ExtractOptions(mapping, naming, mappingHash, window);
    }
}
