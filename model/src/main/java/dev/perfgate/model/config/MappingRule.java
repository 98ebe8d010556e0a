package dev.perfgate.model.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Assigns endpoints to a service at extract time: an endpoint whose request name matches {@code name}
 * (a regular expression, found anywhere in the name unless anchored) and whose method matches
 * {@code method} goes to {@code service}. The first matching rule wins.
 *
 * @param method a regex on the request method, when set
 * @param name a regex on the request name (a URL path or a label), when set
 * @param service the service the endpoint belongs to
 */
public record MappingRule(Optional<Pattern> method, Optional<Pattern> name, String service) {
    public MappingRule {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(service, "service == null");
        if (service.isBlank()) {
            throw new IllegalArgumentException("service is blank");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MappingRule other
                && method.map(Pattern::pattern).equals(other.method.map(Pattern::pattern))
                && name.map(Pattern::pattern).equals(other.name.map(Pattern::pattern))
                && service.equals(other.service);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method.map(Pattern::pattern), name.map(Pattern::pattern), service);
    }
}
