package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.config.InheritedRules;
import dev.loadverdict.model.config.LoadverdictConfig;

import java.util.Optional;

/**
 * The rules the comparison applies to one endpoint or service total, with where each condition was written: built-in
 * rules, the configuration's defaults, the service and the first matching endpoint pattern, merged as
 * {@link InheritedRules} says. What {@code loadverdict config explain} prints.
 */
public final class ConfiguredRules {

    private ConfiguredRules() {
    }

    /**
     * @param endpoint the endpoint, or empty for the service's total
     * @throws IllegalArgumentException when an endpoint pattern of the configuration is not a valid regular expression
     */
    public static InheritedRules of(LoadverdictConfig config, String service, Optional<EndpointId> endpoint) {
        return new RuleResolver(config).inherited(service, endpoint);
    }

    /** The rules of a service's endpoints that no endpoint pattern matches (any service's, when it is not configured). */
    public static InheritedRules ofService(LoadverdictConfig config, String service) {
        return new RuleResolver(config).inheritedByService(service);
    }
}
