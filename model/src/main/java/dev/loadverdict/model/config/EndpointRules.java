package dev.loadverdict.model.config;

import java.util.Objects;

/**
 * Rules for the endpoints of a service whose key matches {@code pattern}: a glob ({@code *} any run of
 * characters, {@code ?} one character) or, prefixed with {@code re:}, a Java regular expression. The
 * pattern is matched against the endpoint key ({@code "GET /api/items"}) and against its bare name.
 *
 * @param pattern the glob or {@code re:} regex as written
 * @param rules the rules for matching endpoints
 */
public record EndpointRules(String pattern, RuleSet rules) {
    public EndpointRules {
        Objects.requireNonNull(pattern, "pattern == null");
        Objects.requireNonNull(rules, "rules == null");
    }
}
