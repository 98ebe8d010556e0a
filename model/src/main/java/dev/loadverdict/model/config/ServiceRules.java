package dev.loadverdict.model.config;

import java.util.List;
import java.util.Objects;

/**
 * Rules for one service.
 *
 * @param name the service name
 * @param rules the service-level rules
 * @param endpoints endpoint patterns, in the order written; the first that matches an endpoint applies
 */
public record ServiceRules(String name, RuleSet rules, List<EndpointRules> endpoints) {
    public ServiceRules {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(rules, "rules == null");
        endpoints = List.copyOf(Objects.requireNonNull(endpoints, "endpoints == null"));
    }
}
