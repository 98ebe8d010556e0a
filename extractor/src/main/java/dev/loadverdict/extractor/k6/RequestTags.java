package dev.loadverdict.extractor.k6;

import dev.loadverdict.extractor.internal.RequestLabels;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tags k6 put on the samples of one HTTP request, split into what identifies the request
 * ({@link #labels()}) and how it turned out (status, {@code expected_response}, error).
 *
 * <p>Labels: method = {@code method}; name = {@code name}, else {@code url}, else {@value #ALL_REQUESTS}
 * (when the script's {@code systemTags} dropped both); url = {@code url}; group = {@code group} ({@code null}
 * at the root, which k6 writes as {@code ""}); tags = the remaining tags, e.g. {@code scenario},
 * {@code service}, {@code proto} and user tags. Left out of the tags are the outcome tags ({@code status},
 * {@code expected_response}, {@code error}, {@code error_code}: an endpoint's identity must not depend on how
 * a request ended, or its failures would land in another endpoint than its successes) and k6's per-sample
 * {@code vu} and {@code iter}. Tags with empty values count as absent, so NDJSON ({@code "group":""}) and CSV
 * (an empty cell) give the same labels.
 *
 * <p>Equality is over all tags, outcome included; the hash is computed once.
 */
final class RequestTags {

    /** The endpoint name of requests that carry no name (and of a summary's whole-run row). */
    static final String ALL_REQUESTS = "(all requests)";

    private static final Set<String> NOT_LABELS = Set.of("method", "name", "url", "group",
            "status", "expected_response", "error", "error_code", "vu", "iter");

    private final Map<String, String> all;
    private final int hash;
    private final RequestLabels labels;

    private RequestTags(Map<String, String> all) {
        this.all = all;
        this.hash = all.hashCode();
        TreeMap<String, String> rest = new TreeMap<>();
        all.forEach((k, v) -> {
            if (!NOT_LABELS.contains(k)) {
                rest.put(k, v);
            }
        });
        String url = all.get("url");
        String name = all.getOrDefault("name", url != null ? url : ALL_REQUESTS);
        this.labels = new RequestLabels(all.get("method"), name, url, null, all.get("group"),
                Collections.unmodifiableMap(rest));
    }

    /** The tags of a request; entries with empty values are dropped. */
    static RequestTags of(Map<String, String> tags) {
        TreeMap<String, String> all = new TreeMap<>();
        tags.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                all.put(k, v);
            }
        });
        return new RequestTags(Collections.unmodifiableMap(all));
    }

    RequestLabels labels() {
        return labels;
    }

    /** Whether the {@code expected_response} tag is there (k6 ≥ 0.31 with a response callback). */
    boolean hasExpectedResponse() {
        return all.containsKey("expected_response");
    }

    /**
     * Whether the request failed, judged from its tags alone, for requests without an {@code http_req_failed}
     * sample: {@code expected_response} (k6 ≥ 0.31 sets it exactly when it emits {@code http_req_failed}, to
     * the opposite value), else the status as k6's default response callback judges it: failed when the
     * status is {@code >= 400} or {@code 0} (no response). Without either tag the request counts as successful.
     */
    boolean failedByTags() {
        String expected = all.get("expected_response");
        if (expected != null) {
            return !expected.equals("true");
        }
        String status = all.get("status");
        if (status == null) {
            return false;
        }
        try {
            int code = Integer.parseInt(status.trim());
            return code == 0 || code >= 400;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Why a failed request failed: k6's {@code error} text, else {@code HTTP <status>}, else null. */
    String failureKind() {
        String error = all.get("error");
        if (error != null) {
            return error;
        }
        String status = all.get("status");
        return status == null ? null : "HTTP " + status;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof RequestTags other && other.hash == hash && other.all.equals(all);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return all.toString();
    }
}
