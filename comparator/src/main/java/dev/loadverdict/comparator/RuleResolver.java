package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.config.EndpointRules;
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
 * turns them off with {@code builtInRules: false}), the configuration's defaults, the service, and the first endpoint pattern (in written order) that matches.
 * Endpoint patterns are compiled once, when the resolver is made.
 */
final class RuleResolver {

    private final List<RuleSet> topLevels;
    private final ResolvedRules unconfiguredService;
    private final Map<String, ServiceLevel> services = new HashMap<>();

    /** @throws IllegalArgumentException when an endpoint pattern is not a valid regular expression */
    RuleResolver(LoadverdictConfig config) {
        topLevels = config.builtInRules() ? List.of(BuiltInDefaults.ruleSet(), config.defaults()) : List.of(config.defaults());
        unconfiguredService = new ResolvedRules(false, RuleMerger.merge(topLevels));
        for (ServiceRules service : config.services()) {
            services.put(service.name(), ServiceLevel.compile(service));
        }
    }

    /**
     * @param service the service name
     * @param endpoint the endpoint, or empty for the service's total (which no endpoint pattern applies to)
     */
    ResolvedRules resolve(String service, Optional<EndpointId> endpoint) {
        ServiceLevel level = services.get(service);
        if (level == null) {
            return unconfiguredService;
        }
        List<RuleSet> levels = new ArrayList<>(topLevels);
        levels.add(level.rules());
        boolean ignored = level.rules().ignore();
        Optional<RuleSet> endpointRules = endpoint.flatMap(level::firstMatch);
        if (endpointRules.isPresent()) {
            levels.add(endpointRules.get());
            ignored |= endpointRules.get().ignore();
        }
        return new ResolvedRules(ignored, RuleMerger.merge(levels));
    }

    private record ServiceLevel(RuleSet rules, List<CompiledEndpointRules> endpoints) {

        static ServiceLevel compile(ServiceRules service) {
            List<CompiledEndpointRules> endpoints = new ArrayList<>();
            for (EndpointRules e : service.endpoints()) {
                try {
                    endpoints.add(new CompiledEndpointRules(EndpointPattern.compile(e.pattern()), e.rules()));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException("service " + service.name() + ": " + ex.getMessage(), ex);
                }
            }
            return new ServiceLevel(service.rules(), List.copyOf(endpoints));
        }

        Optional<RuleSet> firstMatch(EndpointId endpoint) {
            return endpoints.stream().filter(e -> e.pattern().matches(endpoint)).map(CompiledEndpointRules::rules)
                    .findFirst();
        }
    }

    private record CompiledEndpointRules(EndpointPattern pattern, RuleSet rules) {
    }
}
