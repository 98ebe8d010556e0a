package dev.loadverdict.extractor.internal;

import dev.loadverdict.model.EndpointId;
import dev.loadverdict.model.EndpointStats;
import dev.loadverdict.model.ServiceStats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Groups the rows of an aggregate-only format (each already a whole endpoint's statistics) into services
 * with the {@link EndpointResolver}. Rows that resolve to the same endpoint are combined (see {@link Totals}); the
 * caps of {@link dev.loadverdict.model.config.Naming} apply as to raw samples.
 */
public final class ServiceMapper {

    private ServiceMapper() {
    }

    /** One row of an aggregate format: what the tool recorded and the statistics it gave. */
    public record Row(RequestLabels labels, EndpointStats stats) {
    }

    /**
     * Groups rows into services, in order of first appearance. A service holding every endpoint of the run
     * gets the tool's own run total (exact percentiles included); a service of one row gets that row as its total
     * (its percentiles included); others get a total combined from their endpoints.
     */
    public static List<ServiceStats> group(List<Row> rows, Optional<EndpointStats> runTotal, EndpointResolver resolver) {
        Map<String, Map<EndpointId, List<EndpointStats>>> byService = new LinkedHashMap<>();
        EndpointCaps caps = new EndpointCaps(resolver.naming());
        for (Row row : rows) {
            EndpointResolver.Target target = resolver.resolve(row.labels());
            Map<EndpointId, List<EndpointStats>> endpoints = byService.computeIfAbsent(
                    caps.service(target.service(), byService), k -> new LinkedHashMap<>());
            endpoints.computeIfAbsent(caps.endpoint(target.id(), endpoints), k -> new ArrayList<>()).add(row.stats());
        }
        List<ServiceStats> services = new ArrayList<>();
        for (Map.Entry<String, Map<EndpointId, List<EndpointStats>>> s : byService.entrySet()) {
            List<EndpointStats> endpoints = new ArrayList<>();
            List<EndpointStats> members = new ArrayList<>();
            for (Map.Entry<EndpointId, List<EndpointStats>> e : s.getValue().entrySet()) {
                List<EndpointStats> parts = e.getValue();
                EndpointStats stats = parts.size() == 1 ? renamed(parts.get(0), e.getKey())
                        : Totals.combine(e.getKey(), parts);
                endpoints.add(stats);
                members.addAll(parts);
            }
            // a service of one row is that row: its total keeps the row's percentiles, which no combination can
            EndpointStats total = members.size() == rows.size() && runTotal.isPresent() ? runTotal.get()
                    : members.size() == 1 ? renamed(members.get(0), EndpointId.of(null, Totals.NAME))
                    : Totals.combine(EndpointId.of(null, Totals.NAME), members);
            endpoints.sort((a, b) -> a.id().compareTo(b.id()));
            services.add(new ServiceStats(s.getKey(), total, endpoints));
        }
        return services;
    }

    private static EndpointStats renamed(EndpointStats e, EndpointId id) {
        return id.equals(e.id()) ? e : new EndpointStats(id, e.requests(), e.failures(), e.failuresByKind(),
                e.throughput(), e.latency(), e.histogram(), e.timeSeries());
    }
}
