package dev.perfgate.extractor;

import dev.perfgate.model.config.MappingRule;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to extract.
 *
 * @param mapping rules assigning endpoints to services (from perfgate.yml's {@code mapping})
 * @param mappingHash a hash of that mapping, recorded in the run so runs extracted differently can be told apart
 */
public record ExtractOptions(List<MappingRule> mapping, Optional<String> mappingHash) {
    public ExtractOptions {
        mapping = List.copyOf(Objects.requireNonNull(mapping, "mapping == null"));
        Objects.requireNonNull(mappingHash, "mappingHash == null");
    }

    public static ExtractOptions defaults() {
        return new ExtractOptions(List.of(), Optional.empty());
    }
}
