package dev.loadverdict.model.compare;

import java.util.List;
import java.util.Objects;

/**
 * What a comparison matched: how many services and endpoints were found in both runs, only in the baseline
 * (missing from the run) and only in the run (new). Summed over stages when the runs were split into stages.
 *
 * <p>An endpoint is a service's endpoint; a baseline service that has no endpoints (a flat imported legacy
 * baseline) counts as one endpoint, its total, and covers the run's endpoints of that service (compared through the
 * total, not counted as new). Services are counted by name; a flat baseline service paired with a
 * run endpoint of the same name ({@link #byName()}) counts as matched. Ignored services and endpoints are not
 * counted.
 *
 * @param services services in both runs, only in the baseline, only in the run
 * @param endpoints endpoints in both runs, only in the baseline, only in the run
 * @param byName the flat baseline services paired with a run endpoint of the same name, each as
 *     {@code "api_gateway = default GET /api_gateway"}
 */
public record Matching(Counts services, Counts endpoints, List<String> byName) {

    public Matching {
        Objects.requireNonNull(services, "services == null");
        Objects.requireNonNull(endpoints, "endpoints == null");
        byName = List.copyOf(Objects.requireNonNull(byName, "byName == null"));
    }

    /** The baseline's endpoints (matched or missing). */
    public int baselineEndpoints() {
        return endpoints.matched() + endpoints.missing();
    }

    /**
     * The share of the baseline's endpoints that the run has too, in percent; 0 for a baseline without endpoints.
     */
    public double matchedPercent() {
        int all = baselineEndpoints();
        return all == 0 ? 0 : 100.0 * endpoints.matched() / all;
    }

    /** The share of the baseline's endpoints missing from the run, in percent; 0 for a baseline without endpoints. */
    public double missingPercent() {
        int all = baselineEndpoints();
        return all == 0 ? 0 : 100.0 * endpoints.missing() / all;
    }

    /**
     * How many things were in both runs, only in the baseline, only in the run.
     *
     * @param matched in both runs
     * @param missing only in the baseline
     * @param added only in the run (reported as "new")
     */
    public record Counts(int matched, int missing, int added) {
        public Counts {
            if (matched < 0 || missing < 0 || added < 0) {
                throw new IllegalArgumentException("counts are never negative: " + matched + ", " + missing + ", " + added);
            }
        }

        public Counts plus(Counts other) {
            return new Counts(matched + other.matched, missing + other.missing, added + other.added);
        }
    }
}
