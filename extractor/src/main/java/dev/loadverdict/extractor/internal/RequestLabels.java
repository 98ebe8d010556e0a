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
public final class RequestLabels {

    private final String method;
    private final String name;
    private final String url;
    private final String threadGroup;
    private final String group;
    private final Map<String, String> tags;
    /**
     * Computed once: the labels of each sample are looked up in hash maps, and a record's generated {@code hashCode}
     * (method handles, computed on every call) is slow until the JIT has compiled it, which a large file waits for.
     */
    private final int hash;

    public RequestLabels(String method, String name, String url, String threadGroup, String group,
                         Map<String, String> tags) {
        this.method = method;
        this.name = Objects.requireNonNull(name, "name == null");
        this.url = url;
        this.threadGroup = threadGroup;
        this.group = group;
        this.tags = Objects.requireNonNull(tags, "tags == null");
        this.hash = Objects.hash(method, name, url, threadGroup, group, tags);
    }

    public String method() {
        return method;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public String threadGroup() {
        return threadGroup;
    }

    public String group() {
        return group;
    }

    public Map<String, String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof RequestLabels other && other.hash == hash && other.name.equals(name)
                && Objects.equals(other.method, method) && Objects.equals(other.url, url)
                && Objects.equals(other.threadGroup, threadGroup) && Objects.equals(other.group, group)
                && other.tags.equals(tags);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "RequestLabels[method=" + method + ", name=" + name + ", url=" + url + ", threadGroup=" + threadGroup
                + ", group=" + group + ", tags=" + tags + "]";
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
