package dev.loadverdict.model.compare;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An endpoint present on only one side of a comparison. Reported, never failed.
 *
 * @param stage the stage compared, when the runs were split into stages
 * @param service the service
 * @param endpoint the endpoint key
 * @param kind whether it is new in the current run or missing from it
 * @param requests its requests on the side where it exists
 */
public record EndpointChange(Optional<String> stage, String service, String endpoint, Kind kind, long requests) {
    public EndpointChange {
        Objects.requireNonNull(stage, "stage == null");
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        Objects.requireNonNull(kind, "kind == null");
    }

    /** A change between runs not split into stages. */
    public EndpointChange(String service, String endpoint, Kind kind, long requests) {
        this(Optional.empty(), service, endpoint, kind, requests);
    }

    /** The service, after its stage when there is one: {@code "steady / checkout"}. */
    public String scopeLabel() {
        return stage.map(s -> s + " / " + service).orElse(service);
    }

    /** Which side lacks the endpoint. */
    public enum Kind {
        /** Only in the current run. */
        NEW,
        /** Only in the baseline. */
        MISSING;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
