package dev.loadverdict.model.config;

/**
 * How endpoints are named when no mapping rule names them, and how many a service may have.
 *
 * @param templateIds replace id-like path segments (numbers, UUIDs, long hex) with {@code {id}},
 *     {@code {uuid}}, {@code {hash}} in names that are URLs or paths
 * @param dropQueryStrings remove {@code ?…} from names that are URLs or paths
 * @param maxEndpointsPerService more endpoints than this in one service are counted together under
 *     {@value #OTHER_ENDPOINTS}, so URLs with ids cannot explode a report
 */
public record Naming(boolean templateIds, boolean dropQueryStrings, int maxEndpointsPerService) {

    /** The endpoint that collects a service's endpoints beyond the cap. */
    public static final String OTHER_ENDPOINTS = "(other endpoints)";

    public Naming {
        if (maxEndpointsPerService < 1) {
            throw new IllegalArgumentException("maxEndpointsPerService must be >= 1 but was " + maxEndpointsPerService);
        }
    }

    /** Templating on, query strings dropped, at most 200 endpoints a service. */
    public static Naming defaults() {
        return new Naming(true, true, 200);
    }
}
