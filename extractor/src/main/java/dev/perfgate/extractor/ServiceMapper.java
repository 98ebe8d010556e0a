package dev.perfgate.extractor;

import dev.perfgate.model.EndpointStats;
import dev.perfgate.model.ServiceStats;
import dev.perfgate.model.config.MappingRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Assigns endpoints to services by the mapping rules; endpoints no rule matches go to {@value #DEFAULT}. */
final class ServiceMapper {

    static final String DEFAULT = "default";

    private final List<MappingRule> rules;

    ServiceMapper(List<MappingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    String serviceOf(EndpointStats endpoint) {
        for (MappingRule rule : rules) {
            boolean nameOk = rule.name().map(p -> p.matcher(endpoint.id().name()).find()).orElse(true);
            boolean methodOk = rule.method()
                    .map(p -> p.matcher(endpoint.id().method().orElse("")).find()).orElse(true);
            if (nameOk && methodOk) {
                return rule.service();
            }
        }
        return DEFAULT;
    }

    /**
     * Groups endpoints into services, in order of first appearance. A service holding every endpoint of the
     * run gets the tool's own run total (exact percentiles included); others get a total combined from
     * their endpoints.
     */
    List<ServiceStats> group(List<EndpointStats> endpoints, Optional<EndpointStats> runTotal) {
        Map<String, List<EndpointStats>> byService = new LinkedHashMap<>();
        for (EndpointStats e : endpoints) {
            byService.computeIfAbsent(serviceOf(e), k -> new ArrayList<>()).add(e);
        }
        List<ServiceStats> services = new ArrayList<>();
        for (Map.Entry<String, List<EndpointStats>> s : byService.entrySet()) {
            List<EndpointStats> members = s.getValue();
            EndpointStats total = members.size() == endpoints.size() && runTotal.isPresent()
                    ? runTotal.get() : Totals.combine(Totals.NAME, members);
            List<EndpointStats> sorted = members.stream()
                    .sorted((a, b) -> a.id().compareTo(b.id()))
                    .toList();
            services.add(new ServiceStats(s.getKey(), total, sorted));
        }
        return services;
    }
}
