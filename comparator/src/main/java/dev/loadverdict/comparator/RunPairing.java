package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pairs the services and endpoints of two runs by service name and endpoint key, in report order: services
 * in the current run's order, then those only in the baseline in its order; within a service its total
 * first (when both runs have the service), then endpoints sorted by key.
 */
final class RunPairing {

    private RunPairing() {
    }

    static List<Matched> pair(Run current, Run baseline) {
        List<Matched> matched = new ArrayList<>();
        for (ServiceStats c : current.services()) {
            Optional<ServiceStats> b = baseline.service(c.name());
            b.ifPresent(bs -> matched.add(new Matched(c.name(), Optional.empty(), Optional.of(bs.total()),
                    Optional.of(c.total()))));
            endpoints(c.name(), b, Optional.of(c), matched);
        }
        for (ServiceStats b : baseline.services()) {
            if (current.service(b.name()).isEmpty()) {
                endpoints(b.name(), Optional.of(b), Optional.empty(), matched);
            }
        }
        return matched;
    }

    private static void endpoints(String service, Optional<ServiceStats> baseline, Optional<ServiceStats> current,
                                  List<Matched> out) {
        Map<String, EndpointStats> b = byKey(baseline);
        Map<String, EndpointStats> c = byKey(current);
        TreeSet<String> keys = new TreeSet<>(b.keySet());
        keys.addAll(c.keySet());
        for (String key : keys) {
            Optional<EndpointStats> bs = Optional.ofNullable(b.get(key));
            Optional<EndpointStats> cs = Optional.ofNullable(c.get(key));
            EndpointStats either = cs.orElseGet(bs::orElseThrow);
            out.add(new Matched(service, Optional.of(either.id()), bs, cs));
        }
    }

    private static Map<String, EndpointStats> byKey(Optional<ServiceStats> service) {
        Map<String, EndpointStats> byKey = new TreeMap<>();
        service.ifPresent(s -> s.endpoints().forEach(e -> byKey.put(e.id().key(), e)));
        return byKey;
    }
}
