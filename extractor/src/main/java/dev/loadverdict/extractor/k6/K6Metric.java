package dev.loadverdict.extractor.k6;

import java.nio.charset.StandardCharsets;

/**
 * The k6 built-in metrics loadverdict reads; every other metric (timings of request phases, {@code checks},
 * {@code iterations}, {@code data_*}, custom metrics) is skipped. Names can be recognised in raw bytes and
 * characters without allocating.
 */
enum K6Metric {
    /** Trend, ms: the response time of one HTTP request (sending + waiting + receiving). */
    HTTP_REQ_DURATION("http_req_duration"),
    /** Rate (k6 ≥ 0.31): 1 for a request the response callback judged failed, else 0. */
    HTTP_REQ_FAILED("http_req_failed"),
    /** Counter: 1 per HTTP request. */
    HTTP_REQS("http_reqs"),
    /** Gauge: active VUs, sampled about once a second. */
    VUS("vus"),
    /** Gauge: allocated VUs. */
    VUS_MAX("vus_max"),
    /** Trend, ms: the duration of one gRPC call. */
    GRPC_REQ_DURATION("grpc_req_duration"),
    /** Counter: 1 per gRPC call. */
    GRPC_REQS("grpc_reqs");

    private static final K6Metric[] VALUES = values();

    private final String id;
    private final byte[] bytes;

    K6Metric(String id) {
        this.id = id;
        this.bytes = id.getBytes(StandardCharsets.US_ASCII);
    }

    /** The name k6 gives the metric. */
    String id() {
        return id;
    }

    /** Whether the raw-sample readers use this metric's points. */
    boolean readFromPoints() {
        return this == HTTP_REQ_DURATION || this == HTTP_REQ_FAILED || this == VUS;
    }

    /** The metric with this exact name, or null. */
    static K6Metric of(String name) {
        for (K6Metric m : VALUES) {
            if (m.id.equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** The metric whose name is the ASCII bytes {@code b[off, off + len)}, or null. */
    static K6Metric of(byte[] b, int off, int len) {
        for (K6Metric m : VALUES) {
            byte[] id = m.bytes;
            if (id.length == len && java.util.Arrays.equals(id, 0, len, b, off, off + len)) {
                return m;
            }
        }
        return null;
    }

    /** The metric whose name is {@code c[off, off + len)}, or null. */
    static K6Metric of(char[] c, int off, int len) {
        outer:
        for (K6Metric m : VALUES) {
            byte[] id = m.bytes;
            if (id.length != len) {
                continue;
            }
            for (int i = 0; i < len; i++) {
                if (c[off + i] != id[i]) {
                    continue outer;
                }
            }
            return m;
        }
        return null;
    }
}
