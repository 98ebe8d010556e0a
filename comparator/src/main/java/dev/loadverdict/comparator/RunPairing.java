package dev.loadverdict.comparator;

import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.Run;
import dev.loadverdict.model.ServiceStats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pairs the services and endpoints of two runs by service name and endpoint key, in report order: services
 * in the current run's order, then those only in the baseline in its order; within a service its total
 * first (when both runs have the service), then endpoints sorted by key.
 *
 * <p>A <b>flat</b> service has a total and no endpoints (what {@code baseline import} makes of a legacy file). A flat
 * baseline service the run has no service of is paired with the run's endpoint whose name, without its method and
 * one leading {@code /}, is the service's name ({@code api_gateway} with {@code default}'s {@code GET /api_gateway}),
 * when exactly one endpoint of the run has that name; the pair is reported under the run's service and endpoint. A
 * flat service on one side only is new or missing as one endpoint, its total ({@code (total)}). The run's endpoints
 * of a service the baseline has flat are <b>covered</b> by that total: compared through it, never new.
 */
final class RunPairing {

    private RunPairing() {
    }

    static List<Matched> pair(Run current, Run baseline) {
        Map<String, ServiceStats> byName = flatByEndpointName(current, baseline);
        List<Matched> matched = new ArrayList<>();
        for (ServiceStats c : current.services()) {
            Optional<ServiceStats> b = baseline.service(c.name());
            b.ifPresent(bs -> matched.add(new Matched(c.name(), Optional.empty(), Optional.of(bs.total()),
                    Optional.of(c.total()), bs.endpoints().isEmpty() || c.endpoints().isEmpty(), Optional.empty())));
            if (b.isEmpty() && c.endpoints().isEmpty()) {
                matched.add(new Matched(c.name(), Optional.empty(), Optional.empty(), Optional.of(c.total()),
                        true, Optional.empty()));
            }
            if (b.isPresent() && b.get().endpoints().isEmpty()) {
                c.endpoints().forEach(e -> matched.add(new Matched(c.name(), Optional.of(e.id()), Optional.empty(),
                        Optional.of(e), false, Optional.empty(), true)));
            } else {
                endpoints(c.name(), b, Optional.of(c), byName, matched);
            }
        }
        for (ServiceStats b : baseline.services()) {
            if (current.service(b.name()).isPresent() || byName.containsValue(b)) {
                continue;
            }
            if (b.endpoints().isEmpty()) {
                matched.add(new Matched(b.name(), Optional.empty(), Optional.of(b.total()), Optional.empty(),
                        true, Optional.empty()));
            }
            endpoints(b.name(), Optional.of(b), Optional.empty(), Map.of(), matched);
        }
        return matched;
    }

    /**
     * The flat baseline services the run lacks, by the run endpoint ({@code "service\u0000key"}) whose name is
     * theirs, when exactly one run endpoint has that name.
     */
    private static Map<String, ServiceStats> flatByEndpointName(Run current, Run baseline) {
        Map<String, List<String>> endpointsByName = new HashMap<>();
        for (ServiceStats c : current.services()) {
            for (EndpointStats e : c.endpoints()) {
                String name = e.id().name().startsWith("/") ? e.id().name().substring(1) : e.id().name();
                endpointsByName.computeIfAbsent(name, k -> new ArrayList<>()).add(c.name() + '\u0000' + e.id().key());
            }
        }
        Map<String, ServiceStats> byName = new HashMap<>();
        for (ServiceStats b : baseline.services()) {
            List<String> named = endpointsByName.getOrDefault(b.name(), List.of());
            if (b.endpoints().isEmpty() && current.service(b.name()).isEmpty() && named.size() == 1) {
                byName.put(named.get(0), b);
            }
        }
        return byName;
    }

    private static void endpoints(String service, Optional<ServiceStats> baseline, Optional<ServiceStats> current,
                                  Map<String, ServiceStats> flatByName, List<Matched> out) {
        Map<String, EndpointStats> b = byKey(baseline);
        Map<String, EndpointStats> c = byKey(current);
        TreeSet<String> keys = new TreeSet<>(b.keySet());
        keys.addAll(c.keySet());
        for (String key : keys) {
            Optional<EndpointStats> bs = Optional.ofNullable(b.get(key));
            Optional<EndpointStats> cs = Optional.ofNullable(c.get(key));
            EndpointStats either = cs.orElseGet(bs::orElseThrow);
            ServiceStats flat = bs.isEmpty() ? flatByName.get(service + '\u0000' + key) : null;
            if (flat != null) {
                out.add(new Matched(service, Optional.of(either.id()), Optional.of(flat.total()), cs, true,
                        Optional.of(flat.name())));
            } else {
                out.add(new Matched(service, Optional.of(either.id()), bs, cs));
            }
        }
    }

    private static Map<String, EndpointStats> byKey(Optional<ServiceStats> service) {
        Map<String, EndpointStats> byKey = new TreeMap<>();
        service.ifPresent(s -> s.endpoints().forEach(e -> byKey.put(e.id().key(), e)));
        return byKey;
    }
}
