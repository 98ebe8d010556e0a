package dev.loadverdict.model;

import java.util.Optional;

/**
 * Identifies an endpoint: a request {@code name} (a URL path, a label or a template) and, where the tool
 * records one, the request {@code method} ({@code GET}, or any request type such as {@code grpc}).
 * Its {@link #key()} is {@code "METHOD name"}, or just {@code name} without a method.
 */
public record EndpointId(Optional<String> method, String name) implements Comparable<EndpointId> {

    public EndpointId {
        Preconditions.requireNonNull(method, "method");
        Preconditions.requireNonNull(name, "name");
        method = method.filter(m -> !m.isBlank());
    }

    public static EndpointId of(String method, String name) {
        return new EndpointId(Optional.ofNullable(method), name);
    }

    /** {@code "METHOD name"}, or {@code name} when there is no method. */
    public String key() {
        return method.map(m -> m + " " + name).orElse(name);
    }

    @Override
    public int compareTo(EndpointId other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : method.orElse("").compareTo(other.method.orElse(""));
    }

    @Override
    public String toString() {
        return key();
    }
}
