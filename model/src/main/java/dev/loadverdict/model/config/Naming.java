package dev.loadverdict.model.config;

/**
 * How endpoints are named when no mapping rule names them, and how many services and endpoints a run may have.
 * The caps keep reports readable and memory bounded whatever a result file holds (10,000 distinct service tags,
 * a URL per request): requests beyond them are counted, under {@value #OTHER_SERVICES} or
 * {@value #OTHER_ENDPOINTS}, never dropped.
 *
 * @param templateIds replace id-like path segments (numbers, UUIDs, long hex) with {@code {id}},
 *     {@code {uuid}}, {@code {hash}} in names that are URLs or paths
 * @param dropQueryStrings remove {@code ?…} from names that are URLs or paths
 * @param maxEndpointsPerService more endpoints than this in one service are counted together under
 *     {@value #OTHER_ENDPOINTS}, so URLs with ids cannot explode a report
 * @param maxServices more services than this are counted together as the service {@value #OTHER_SERVICES}
 * @param maxEndpoints more endpoints than this in the whole run: each further one is counted under its service's
 *     {@value #OTHER_ENDPOINTS}
 */
public record Naming(boolean templateIds, boolean dropQueryStrings, int maxEndpointsPerService, int maxServices,
                     int maxEndpoints) {

    /** The endpoint that collects a service's endpoints beyond the cap. */
    public static final String OTHER_ENDPOINTS = "(other endpoints)";
    /** The service that collects the services beyond the cap. */
    public static final String OTHER_SERVICES = "(other services)";
    /** The highest value any of the caps may be configured to. */
    public static final int MAX_CAP = 10_000;

    public Naming {
        requireCap(maxEndpointsPerService, "maxEndpointsPerService");
        requireCap(maxServices, "maxServices");
        requireCap(maxEndpoints, "maxEndpoints");
    }

    /** The defaults with other id and query-string handling and a per-service cap. */
    public Naming(boolean templateIds, boolean dropQueryStrings, int maxEndpointsPerService) {
        this(templateIds, dropQueryStrings, maxEndpointsPerService, defaults().maxServices, defaults().maxEndpoints);
    }

    /** Templating on, query strings dropped, at most 200 endpoints a service, 100 services and 1,000 endpoints. */
    public static Naming defaults() {
        return new Naming(true, true, 200, 100, 1_000);
    }

    private static void requireCap(int value, String name) {
        if (value < 1 || value > MAX_CAP) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_CAP + " but was " + value);
        }
    }
}
