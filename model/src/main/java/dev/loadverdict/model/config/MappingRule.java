package dev.loadverdict.model.config;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Assigns requests to a service and names their endpoint, at extract time. A rule applies when every one
 * of its {@code match} conditions holds: each is a regular expression found anywhere in a request
 * attribute (anchor it with {@code ^…$} to match whole values). The first rule that applies wins.
 *
 * @param match the attribute conditions, at least one
 * @param tags conditions on tool tags (k6 tags, Gatling groups…), tag name to regex
 * @param service the service the request belongs to, when the rule sets one
 * @param endpoint the endpoint name to use, when the rule sets one; {@code $1} or {@code ${name}} refer to
 *     capture groups of the {@code url} (else {@code name}) condition
 */
public record MappingRule(Map<Field, Pattern> match, Map<String, Pattern> tags, Optional<String> service,
                          Optional<String> endpoint) {

    public MappingRule {
        Objects.requireNonNull(match, "match == null");
        Objects.requireNonNull(tags, "tags == null");
        match = Collections.unmodifiableMap(new java.util.EnumMap<>(match.isEmpty()
                ? new java.util.EnumMap<Field, Pattern>(Field.class) : match));
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        if (match.isEmpty() && tags.isEmpty()) {
            throw new IllegalArgumentException("a mapping rule needs at least one match condition");
        }
        if (service.isEmpty() && endpoint.isEmpty()) {
            throw new IllegalArgumentException("a mapping rule must set a service, an endpoint, or both");
        }
        service.ifPresent(s -> {
            if (s.isBlank()) {
                throw new IllegalArgumentException("service is blank");
            }
        });
    }

    /** A rule matching the request name only. */
    public static MappingRule byName(String regex, String service) {
        return new MappingRule(Map.of(Field.NAME, Pattern.compile(regex)), Map.of(), Optional.of(service),
                Optional.empty());
    }

    /** The request attributes a rule can match. */
    public enum Field {
        /** The request name or label (Locust name, JMeter label, k6 {@code name} tag). */
        NAME("name"),
        /** The request URL (falls back to the name where the tool records no URL). */
        URL("url"),
        /** The request method or type. */
        METHOD("method"),
        /** JMeter's thread group. */
        THREAD_GROUP("threadGroup"),
        /** A k6 group or Gatling group path. */
        GROUP("group");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /** The key in loadverdict.yml. */
        public String key() {
            return key;
        }

        public static Optional<Field> fromKey(String key) {
            for (Field f : values()) {
                if (f.key.equals(key) || f.key.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** A text form of the rule with the patterns' source, for hashing and messages. */
    public String canonical() {
        StringBuilder b = new StringBuilder();
        match.forEach((f, p) -> b.append(f.key()).append('=').append(p.pattern()).append('\u0000'));
        tags.forEach((t, p) -> b.append("tag.").append(t).append('=').append(p.pattern()).append('\u0000'));
        b.append("->").append(service.orElse("")).append('\u0000').append(endpoint.orElse(""));
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MappingRule other && canonical().equals(other.canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }
}
