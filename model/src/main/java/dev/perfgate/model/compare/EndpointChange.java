package dev.perfgate.model.compare;

import java.util.Locale;
import java.util.Objects;

/**
 * An endpoint present on only one side of a comparison. Reported, never failed.
 *
 * @param service the service
 * @param endpoint the endpoint key
 * @param kind whether it is new in the current run or missing from it
 * @param requests its requests on the side where it exists
 */
public record EndpointChange(String service, String endpoint, Kind kind, long requests) {
    public EndpointChange {
        Objects.requireNonNull(service, "service == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        Objects.requireNonNull(kind, "kind == null");
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
