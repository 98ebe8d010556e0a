package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.compare.Finding;
import dev.loadverdict.model.config.EndpointRules;
import dev.loadverdict.model.config.InheritedRules;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.config.RuleSet;
import dev.loadverdict.model.config.ServiceRules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the rules of an endpoint or service total through the levels built-in defaults (unless the configuration
 * turns them off with {@code builtInRules: false}), the configuration's defaults, the service, and the first endpoint
 * pattern (in written order) that matches; {@link InheritedRules} merges them. A service's total is matched by the
 * pattern written exactly {@value #TOTAL_PATTERN} (the label reports give it) and by no other; that pattern matches
 * no endpoint. Endpoint patterns are compiled once, when the resolver is made.
 */
final class RuleResolver {

    /** The endpoint pattern that matches a service's total. */
    static final String TOTAL_PATTERN = Finding.TOTAL_LABEL;

    private final List<RuleSet> topLevels;
    private final Map<String, ServiceLevel> services = new HashMap<>();

    /** @throws IllegalArgumentException when an endpoint pattern is not a valid regular expression */
    RuleResolver(LoadverdictConfig config) {
        topLevels = config.builtInRules() ? List.of(BuiltInDefaults.ruleSet(), config.defaults()) : List.of(config.defaults());
        for (ServiceRules service : config.services()) {
            services.put(service.name(), ServiceLevel.compile(service));
        }
    }

    /**
     * @param service the service name
     * @param endpoint the endpoint, or empty for the service's total
     */
    ResolvedRules resolve(String service, Optional<EndpointId> endpoint) {
        InheritedRules inherited = inherited(service, endpoint);
        return new ResolvedRules(inherited.ignored(), RuleMerger.effective(inherited));
    }

    /** The configuration's levels for an endpoint or service total, merged, with where each part was written. */
    InheritedRules inherited(String service, Optional<EndpointId> endpoint) {
        List<RuleSet> levels = new ArrayList<>(topLevels);
        ServiceLevel level = services.get(service);
        if (level != null) {
            levels.add(level.rules());
            level.firstMatch(endpoint).ifPresent(levels::add);
        }
        return InheritedRules.of(levels);
    }

    /** The levels down to the service's own, merged: what its endpoints that no pattern matches get. */
    InheritedRules inheritedByService(String service) {
        List<RuleSet> levels = new ArrayList<>(topLevels);
        Optional.ofNullable(services.get(service)).ifPresent(level -> levels.add(level.rules()));
        return InheritedRules.of(levels);
    }

    private record ServiceLevel(RuleSet rules, Optional<RuleSet> total, List<CompiledEndpointRules> endpoints) {

        static ServiceLevel compile(ServiceRules service) {
            List<CompiledEndpointRules> endpoints = new ArrayList<>();
            Optional<RuleSet> total = Optional.empty();
            for (EndpointRules e : service.endpoints()) {
                if (e.pattern().equals(TOTAL_PATTERN)) {
                    total = total.or(() -> Optional.of(e.rules()));
                    continue;
                }
                try {
                    endpoints.add(new CompiledEndpointRules(EndpointPattern.compile(e.pattern()), e.rules()));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("service " + service.name() + ": " + ex.getMessage(), ex);
                }
            }
            return new ServiceLevel(service.rules(), total, List.copyOf(endpoints));
        }

        /** The rules of the first pattern matching the endpoint, or of {@code (total)} for the total. */
        Optional<RuleSet> firstMatch(Optional<EndpointId> endpoint) {
            if (endpoint.isEmpty()) {
                return total;
            }
            return endpoints.stream().filter(e -> e.pattern().matches(endpoint.get())).map(CompiledEndpointRules::rules)
                    .findFirst();
        }
    }

    private record CompiledEndpointRules(EndpointPattern pattern, RuleSet rules) {
    }
}
