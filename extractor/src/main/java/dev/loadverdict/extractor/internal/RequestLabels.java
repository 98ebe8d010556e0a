package dev.loadverdict.extractor.internal;

import java.util.Map;
import java.util.Objects;

/**
 * What a tool recorded about a request, before it is assigned to a service and endpoint. Any attribute a
 * tool does not record is {@code null}.
 *
 * @param method the request method or type ({@code GET}, {@code grpc})
 * @param name the request name or label
 * @param url the request URL
 * @param threadGroup JMeter's thread group
 * @param group a k6 group or Gatling group path
 * @param tags other tags (k6), tag name to value; never null
 */
public record RequestLabels(String method, String name, String url, String threadGroup, String group,
                            Map<String, String> tags) {

    public RequestLabels {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(tags, "tags == null");
    }

    /** About how many characters these labels hold (for caches that bound their memory). */
    public int chars() {
        long n = 16 + length(method) + name.length() + length(url) + length(threadGroup) + length(group);
        for (Map.Entry<String, String> t : tags.entrySet()) {
            n += 8 + length(t.getKey()) + length(t.getValue());
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    public static RequestLabels of(String method, String name) {
        return new RequestLabels(method, name, null, null, null, Map.of());
    }
}
