package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Metric;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;
import dev.loadverdict.model.config.EndpointRules;
import dev.loadverdict.model.config.LoadverdictConfig;
import dev.loadverdict.model.config.RuleSet;
import dev.loadverdict.model.config.ServiceRules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules of a configuration that apply to nothing in a comparison: a service that neither run has, an endpoint
 * pattern that matches no endpoint of its service in either run, a metric that no endpoint or total of either run
 * has a value for. One warning each, so a misspelt name cannot silently switch a check off. The built-in rules are
 * not checked: they name no service and cover every metric a tool may give.
 */
final class RuleCoverage {

    private RuleCoverage() {
    }

    static List<String> warnings(LoadverdictConfig config, Run current, Run baseline) {
        String file = config.source().orElse("the configuration");
        List<String> warnings = new ArrayList<>();
        Set<Metric> configured = EnumSet.noneOf(Metric.class);
        configured.addAll(config.defaults().metrics().keySet());
        for (ServiceRules service : config.services()) {
            configured.addAll(service.rules().metrics().keySet());
            service.endpoints().stream().map(EndpointRules::rules).map(RuleSet::metrics)
                    .forEach(m -> configured.addAll(m.keySet()));
            List<ServiceStats> named = Stream.of(current, baseline).flatMap(r -> r.service(service.name()).stream()).toList();
            if (named.isEmpty()) {
                warnings.add(file + ": services." + service.name() + " names a service found in neither run"
                        + " (services: " + names(current, baseline) + "); its rules apply to nothing");
                continue;
            }
            for (EndpointRules e : service.endpoints()) {
                EndpointPattern pattern = EndpointPattern.compile(e.pattern());
                boolean used = named.stream().flatMap(s -> s.endpoints().stream()).anyMatch(x -> pattern.matches(x.id()));
                if (!used) {
                    warnings.add(file + ": services." + service.name() + ".endpoints \"" + e.pattern()
                            + "\" matches no endpoint of " + service.name() + " in either run; its rules apply to nothing");
                }
            }
        }
        for (Metric metric : configured) {
            boolean present = Stream.of(current, baseline).flatMap(r -> r.services().stream())
                    .flatMap(s -> Stream.concat(Stream.of(s.total()), s.endpoints().stream()))
                    .anyMatch((EndpointStats e) -> metric.valueOf(e).isPresent());
            if (!present) {
                warnings.add(file + ": rules for " + metric.key() + " apply to nothing: neither run has a "
                        + metric.key() + " for any endpoint");
            }
        }
        return warnings;
    }

    private static String names(Run current, Run baseline) {
        List<String> names = Stream.concat(current.services().stream(), baseline.services().stream())
                .map(ServiceStats::name).distinct().toList();
        return names.size() <= MatchingTally.LISTED ? String.join(", ", names)
                : String.join(", ", names.subList(0, MatchingTally.LISTED)) + " and " + (names.size() - MatchingTally.LISTED) + " more";
    }
}
