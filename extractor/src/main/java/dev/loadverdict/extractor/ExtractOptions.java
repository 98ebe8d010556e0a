package dev.loadverdict.extractor;

import dev.loadverdict.model.config.MappingRule;
import dev.loadverdict.model.config.Naming;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to extract.
 *
 * @param mapping rules assigning requests to services and endpoints (loadverdict.yml's {@code mapping})
 * @param naming default endpoint naming and the endpoint cap (loadverdict.yml's {@code naming})
 * @param mappingHash a hash of mapping and naming, recorded in the run so runs extracted differently can be told apart
 * @param window which part of the run to keep, relative to its start
 * @param stages the stages to split the run into (each read as a run of its own), in time order; none by default
 * @param subSamples whether nested sub-samples (JMeter XML) count as samples of their own labels too
 * @param plateau when present, the run is first cut to the stretch where the user count stays at a level (see
 *     {@link UserPlateau}); {@code window}'s warm-up and ramp-down then apply inside that stretch
 */
public record ExtractOptions(List<MappingRule> mapping, Naming naming, Optional<String> mappingHash,
                             RelativeWindow window, List<Stage> stages, boolean subSamples,
                             Optional<UserPlateau> plateau) {
    public ExtractOptions {
        mapping = List.copyOf(Objects.requireNonNull(mapping, "mapping == null"));
        Objects.requireNonNull(naming, "naming == null");
        Objects.requireNonNull(mappingHash, "mappingHash == null");
        Objects.requireNonNull(window, "window == null");
        stages = List.copyOf(Objects.requireNonNull(stages, "stages == null"));
        if (stages.stream().map(Stage::name).distinct().count() != stages.size()) {
            throw new IllegalArgumentException("two stages have the same name");
        }
        Objects.requireNonNull(plateau, "plateau == null");
        if (plateau.isPresent() && (!stages.isEmpty() || window.from().isPresent() || window.to().isPresent())) {
            throw new IllegalArgumentException("a user-count plateau cannot be combined with stages or an explicit window");
        }
    }

    /** Options for the given mapping and naming, with their hash computed. */
    public static ExtractOptions of(List<MappingRule> mapping, Naming naming, RelativeWindow window) {
        return new ExtractOptions(mapping, naming, mappingHash(mapping, naming), window, List.of(), false, Optional.empty());
    }

    /**
     * A short hash of the mapping rules and naming, so runs extracted with different ones can be told apart;
     * empty for the defaults (no rules, default naming).
     */
    public static Optional<String> mappingHash(List<MappingRule> mapping, Naming naming) {
        if (mapping.isEmpty() && naming.equals(Naming.defaults())) {
            return Optional.empty();
        }
        StringBuilder canonical = new StringBuilder(naming.toString()).append('\n');
        for (MappingRule rule : mapping) {
            canonical.append(rule.canonical()).append('\n');
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Optional.of("sha256:" + java.util.HexFormat.of().formatHex(digest, 0, 8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static ExtractOptions defaults() {
        return new ExtractOptions(List.of(), Naming.defaults(), Optional.empty(), RelativeWindow.all(), List.of(), false, Optional.empty());
    }

    public ExtractOptions withWindow(RelativeWindow window) {
        return new ExtractOptions(mapping, naming, mappingHash, window, stages, subSamples, plateau);
    }

    public ExtractOptions withSubSamples(boolean subSamples) {
        return new ExtractOptions(mapping, naming, mappingHash, window, stages, subSamples, plateau);
    }

    public ExtractOptions withStages(List<Stage> stages) {
        return new ExtractOptions(mapping, naming, mappingHash, window, stages, subSamples, plateau);
    }

    public ExtractOptions withPlateau(Optional<UserPlateau> plateau) {
        return new ExtractOptions(mapping, naming, mappingHash, window, stages, subSamples, plateau);
    }
}
